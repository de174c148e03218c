package vn.gov.hanoi.lienthong.connectors.email;

import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail channel with its server away: DEGRADED with the reason, never DOWN; the poll takes nothing and goes on. */
class MailChannelHealthIndicatorTest {

    @Test
    void aMailServerAwayDegradesTheChannelWithoutFailingThePoll() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MailboxPoller poller = new MailboxPoller(null, null, "imap", "127.0.0.1", closedPort, "lienthong", "secret", "INBOX", 50,
                "", "", Duration.ofSeconds(2));
        MailChannelHealthIndicator indicator = new MailChannelHealthIndicator(poller);
        assertThat(indicator.health().getStatus().getCode()).as("before any poll").isEqualTo("UP");

        assertThat(poller.poll()).isZero();
        assertThat(poller.poll()).isZero();
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(MailChannelHealthIndicator.DEGRADED);
        assertThat(health.getDetails()).containsEntry("failedPollsInARow", 2).containsKey("problem").containsKey("lastPoll");
    }
}
