package vn.gov.hanoi.lienthong.hub;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work that must run on one node of a cluster — the mailbox poller, the watchdog, the alert evaluator and
 * publisher, the events publisher — runs as Camel routes whose consumer is a named timer made in one place
 * (HubRouteBuilder.singleton), where the scale-out wraps each in Camel's cluster service.
 */
class SingletonWorkTest extends HubIntegrationTest {

    @Autowired
    CamelContext camel;

    @Test
    void everySingletonIsARouteOnANamedTimer() {
        for (String id : List.of("mail-intake", "watchdog-flag", "alerts-evaluate", "alerts-publish", "events-publish",
                "archive-checkpoint-seal", "archive-search-index", "archive-backup-run", "archive-backup-verify",
                "archive-blobs-encrypt")) {
            Route route = camel.getRoute(id);
            assertThat(route).as("route %s", id).isNotNull();
            assertThat(route.getEndpoint().getEndpointUri()).as("route %s", id).startsWith("timer://")
                    .contains("fixedRate=false");
        }
    }
}
