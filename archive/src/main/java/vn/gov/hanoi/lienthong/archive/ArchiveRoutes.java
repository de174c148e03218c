package vn.gov.hanoi.lienthong.archive;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.archive.checkpoint.CheckpointService;
import vn.gov.hanoi.lienthong.archive.search.SearchIndexer;
import vn.gov.hanoi.lienthong.routes.HubRouteBuilder;

/**
 * The archive's timed work, singleton (one node of a cluster runs it): every {@code hub.archive.checkpoint.interval}
 * a checkpoint over the ledger entries since the last one, and the timestamps of the checkpoints still without one;
 * every {@code hub.archive.search.interval} the recorded documents not yet indexed for the search.
 */
@Component
public class ArchiveRoutes extends HubRouteBuilder {

    private final CheckpointService checkpoints;
    private final Duration interval;
    private final SearchIndexer search;
    private final Duration searchInterval;

    public ArchiveRoutes(CheckpointService checkpoints, @Value("${hub.archive.checkpoint.interval:1h}") Duration interval,
                         SearchIndexer search, @Value("${hub.archive.search.interval:10s}") Duration searchInterval) {
        this.checkpoints = checkpoints;
        this.interval = interval;
        this.search = search;
        this.searchInterval = searchInterval;
    }

    @Override
    protected void configureRoutes() {
        from(singleton("archive-checkpoint-seal", interval, interval)).routeId("archive-checkpoint-seal")
                .process(exchange -> checkpoints.sealAndTimestamp());
        // The search's text (a scan's OCR among it) is read here, off the hot path, a batch at a time.
        from(singleton("archive-search-index", searchInterval)).routeId("archive-search-index")
                .process(exchange -> search.indexPending(20));
    }
}
