package vn.gov.hanoi.lienthong.archive;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.archive.checkpoint.CheckpointService;
import vn.gov.hanoi.lienthong.routes.HubRouteBuilder;

/**
 * The archive's timed work, singleton (one node of a cluster runs it): every {@code hub.archive.checkpoint.interval}
 * a checkpoint over the ledger entries since the last one, and the timestamps of the checkpoints still without one.
 */
@Component
public class ArchiveRoutes extends HubRouteBuilder {

    private final CheckpointService checkpoints;
    private final Duration interval;

    public ArchiveRoutes(CheckpointService checkpoints, @Value("${hub.archive.checkpoint.interval:1h}") Duration interval) {
        this.checkpoints = checkpoints;
        this.interval = interval;
    }

    @Override
    protected void configureRoutes() {
        from(singleton("archive-checkpoint-seal", interval, interval)).routeId("archive-checkpoint-seal")
                .process(exchange -> checkpoints.sealAndTimestamp());
    }
}
