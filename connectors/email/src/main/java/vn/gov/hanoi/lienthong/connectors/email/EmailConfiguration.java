package vn.gov.hanoi.lienthong.connectors.email;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The e-mail connector: documents to the official mailboxes of agencies without a document system (Article 6.2b). */
@Configuration
@ComponentScan
public class EmailConfiguration {

    /*
     * Jakarta Mail 2.1 looks its StreamProvider up anew at every MIME encoding and decoding, every part written and
     * every multipart made — a ServiceLoader search of the whole class path each time (jakartaee/mail-api#861,
     * open): 8.6 % of the hub's CPU under load in a profile. Its lookup reads this system property first, which
     * names Angus Mail's provider — the one the search would find — and so skips the search. An operator's own
     * setting is kept. Called by each of the connector's beans that make a mail session, before they make it.
     */
    static void skipStreamProviderSearch() {
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }
}
