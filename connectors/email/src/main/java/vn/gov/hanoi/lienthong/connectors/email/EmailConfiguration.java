package vn.gov.hanoi.lienthong.connectors.email;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The e-mail connector: documents to the official mailboxes of agencies without a document system (Article 6.2b). */
@Configuration
@ComponentScan
public class EmailConfiguration {
}
