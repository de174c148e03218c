package vn.gov.hanoi.lienthong.connectors.email;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.routes.HubRouteBuilder;

/**
 * The hub's mailbox, polled over IMAP (on when hub.mail.imap.enabled): each poll is one run of the
 * MailboxPoller, which addresses messages by UID and files each once the intake has returned. Run exactly one
 * poller per mailbox.
 */
@Component
@ConditionalOnProperty(name = "hub.mail.imap.enabled", havingValue = "true")
public class MailIntakeRoute extends HubRouteBuilder {

    private final MailboxPoller poller;
    private final Duration pollInterval;

    public MailIntakeRoute(MailboxPoller poller, @Value("${hub.mail.imap.poll-interval:30s}") Duration pollInterval) {
        this.poller = poller;
        this.pollInterval = pollInterval;
    }

    @Override
    protected void configureRoutes() {
        from(singleton("mail-intake", pollInterval)).routeId("mail-intake")
                .process(exchange -> poller.poll());
    }
}
