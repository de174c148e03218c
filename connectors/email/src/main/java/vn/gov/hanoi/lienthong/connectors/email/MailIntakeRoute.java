package vn.gov.hanoi.lienthong.connectors.email;

import java.time.Duration;


import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailConstants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.routes.HubRouteBuilder;

/**
 * The hub's mailbox, polled over IMAP (on when hub.mail.imap.enabled). A message is only peeked at while it
 * is taken; the mail server marks it seen (or files it) when the intake has returned, so a hub that dies
 * mid-poll finds the message again, and the intake recognises what it had already taken.
 */
@Component
@ConditionalOnProperty(name = "hub.mail.imap.enabled", havingValue = "true")
public class MailIntakeRoute extends HubRouteBuilder {

    static final int FETCH_SIZE = 4 * 1024 * 1024;

    private final MailIntakeService mailIntake;
    private final String mailbox;
    private final String acceptedFolder;
    private final String refusedFolder;

    public MailIntakeRoute(MailIntakeService mailIntake,
                           @Value("${hub.mail.imap.protocol:imap}") String protocol,
                           @Value("${hub.mail.imap.host}") String host,
                           @Value("${hub.mail.imap.port:143}") int port,
                           @Value("${hub.mail.imap.username}") String username,
                           @Value("${hub.mail.imap.password}") String password,
                           @Value("${hub.mail.imap.folder:INBOX}") String folder,
                           @Value("${hub.mail.imap.poll-interval:30s}") Duration pollInterval,
                           @Value("${hub.mail.imap.max-messages-per-poll:50}") int maxMessagesPerPoll,
                           @Value("${hub.mail.imap.accepted-folder:}") String acceptedFolder,
                           @Value("${hub.mail.imap.refused-folder:}") String refusedFolder) {
        this.mailIntake = mailIntake;
        this.acceptedFolder = acceptedFolder;
        this.refusedFolder = refusedFolder;
        this.mailbox = protocol + "://" + host + ":" + port
                + "?username=RAW(" + username + ")&password=RAW(" + password + ")"
                + "&folderName=" + folder
                + "&unseen=true&peek=true&delete=false&mapMailMessage=false"
                + "&delay=" + pollInterval.toMillis()
                + "&maxMessagesPerPoll=" + maxMessagesPerPoll
                // Jakarta Mail fetches a message in 16 KiB pieces by default: a 41 MiB scan took 2 627 round trips
                // (three minutes) while the whole mailbox waited behind it. 4 MiB pieces take it in seconds.
                + "&mail." + protocol + ".fetchsize=" + FETCH_SIZE
                + "&mail." + protocol + ".partialfetch=true";
    }

    @Override
    protected void configureRoutes() {
        from(mailbox).routeId("mail-intake")
                .bean(mailIntake, "take")
                .process(this::fileByResult);
    }

    /** Files the message where the operators configured it (seen, in its folder, when they did not). */
    private void fileByResult(Exchange exchange) {
        MailIntakeService.Result result = exchange.getMessage().getBody(MailIntakeService.Result.class);
        if (result == MailIntakeService.Result.VANISHED) return;
        String folder = result == MailIntakeService.Result.REFUSED ? refusedFolder : acceptedFolder;
        if (folder != null && !folder.isBlank()) {
            exchange.getMessage().setHeader(MailConstants.MAIL_MOVE_TO, folder);
        }
    }

}
