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
 * every {@code hub.archive.search.interval} the recorded documents not yet indexed for the search; every
 * {@code hub.archive.backup.interval} a backup, every {@code hub.archive.backup.verify-interval} its verification;
 * once after each start, the encryption of blobs an earlier version stored in plaintext.
 */
@Component
public class ArchiveRoutes extends HubRouteBuilder {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ArchiveRoutes.class);

    private final CheckpointService checkpoints;
    private final Duration interval;
    private final SearchIndexer search;
    private final Duration searchInterval;

    private final vn.gov.hanoi.lienthong.archive.backup.BackupService backups;
    private final Duration backupInterval;
    private final Duration verifyInterval;

    private final vn.gov.hanoi.lienthong.core.blob.BlobStore blobs;

    public ArchiveRoutes(vn.gov.hanoi.lienthong.core.blob.BlobStore blobs, CheckpointService checkpoints, @Value("${hub.archive.checkpoint.interval:1h}") Duration interval,
                         SearchIndexer search, @Value("${hub.archive.search.interval:10s}") Duration searchInterval,
                         vn.gov.hanoi.lienthong.archive.backup.BackupService backups,
                         @Value("${hub.archive.backup.interval:1d}") Duration backupInterval,
                         @Value("${hub.archive.backup.verify-interval:1d}") Duration verifyInterval) {
        this.blobs = blobs;
        this.backups = backups;
        this.backupInterval = backupInterval;
        this.verifyInterval = verifyInterval;
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
        // Backups to every target, and the restore-and-check of the latest of each; nothing where no target is set.
        from(singleton("archive-backup-run", backupInterval, backupInterval)).routeId("archive-backup-run")
                .filter(exchange -> backups.configured())
                .process(exchange -> backups.backup());
        from(singleton("archive-backup-verify", verifyInterval, verifyInterval)).routeId("archive-backup-verify")
                .filter(exchange -> backups.configured())
                .process(exchange -> backups.verifyLatest());
        // Once a start: the blobs an earlier version stored in plaintext, encrypted so that they can be destroyed too.
        from(singleton("archive-blobs-encrypt", Duration.ofDays(1), Duration.ofSeconds(30)) + "&repeatCount=1")
                .routeId("archive-blobs-encrypt")
                .process(exchange -> {
                    long encrypted = blobs.encryptStoredInPlaintext(Duration.ofMillis(5));
                    if (encrypted > 0) LOG.info("Encrypted {} blob(s) stored in plaintext by an earlier version", encrypted);
                });
    }
}
