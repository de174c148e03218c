package vn.gov.hanoi.lienthong.archive.integrity;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import vn.gov.hanoi.lienthong.archive.checkpoint.Checkpoint;
import vn.gov.hanoi.lienthong.archive.checkpoint.CheckpointStore;
import vn.gov.hanoi.lienthong.archive.checkpoint.MerkleTree;
import vn.gov.hanoi.lienthong.core.blob.BlobStore;
import vn.gov.hanoi.lienthong.core.record.Ledger;
import vn.gov.hanoi.lienthong.core.record.RecordService;

/**
 * The hub's own check of its archive (Article 11.2: documents checked): the ledger's chain entry by entry, every
 * checkpoint's root against the entries it closed, and every stored envelope, file and status message hashed again
 * against its name and against what the ledger entered. Each finding names the entry, document or blob concerned.
 * Read in one repeatable-read snapshot, so that traffic going on beside it is not mistaken for damage.
 */
@Service
public class ArchiveIntegrity {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveIntegrity.class);

    private final Ledger ledger;
    private final CheckpointStore checkpoints;
    private final BlobStore blobs;
    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    public ArchiveIntegrity(Ledger ledger, CheckpointStore checkpoints, BlobStore blobs, JdbcClient jdbc,
                            PlatformTransactionManager transactions, Clock clock) {
        this.ledger = ledger;
        this.checkpoints = checkpoints;
        this.blobs = blobs;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(Isolation.REPEATABLE_READ.value());
        this.snapshot.setReadOnly(true);
        this.clock = clock;
    }

    /** The same check of another database and blob store: a backup restored somewhere temporary. */
    public static ArchiveIntegrity of(JdbcClient jdbc, BlobStore blobs, PlatformTransactionManager transactions, Clock clock) {
        return new ArchiveIntegrity(new Ledger(jdbc), new CheckpointStore(jdbc), blobs, jdbc, transactions, clock);
    }

    public IntegrityReport check() {
        IntegrityReport report = snapshot.execute(tx -> checkInThisTransaction());
        if (report.intact()) {
            LOG.info("Archive check: intact ({} ledger entries, {} checkpoints, {} blobs)", report.entries(),
                    report.checkpoints(), report.blobs());
        } else {
            LOG.warn("Archive check: {} finding(s), the first: {}", report.findings().size(), report.findings().get(0).what());
        }
        return report;
    }

    /** The check in the caller's transaction (a test's, say, that changed something it will roll back). */
    public IntegrityReport checkInThisTransaction() {
        List<IntegrityReport.Finding> findings = new ArrayList<>();
        List<Ledger.LedgerEntry> entries = ledger.entries(0, Long.MAX_VALUE);
        Map<Long, Ledger.LedgerEntry> bySeq = entries.stream().collect(Collectors.toMap(Ledger.LedgerEntry::seq, e -> e));
        for (Ledger.ChainBreak broken : Ledger.chainBreaks(entries)) {
            Ledger.LedgerEntry entry = bySeq.get(broken.seq());
            findings.add(new IntegrityReport.Finding("CHAIN", broken.seq(), entry == null ? null : entry.documentId(), broken.what()));
        }
        List<Checkpoint> sealed = checkpoints.all();
        for (Checkpoint checkpoint : sealed) {
            List<String> leaves = new ArrayList<>();
            for (long seq = checkpoint.firstSeq(); seq <= checkpoint.lastSeq(); seq++) {
                Ledger.LedgerEntry entry = bySeq.get(seq);
                if (entry != null) leaves.add(entry.entryHash());
            }
            if (leaves.size() != checkpoint.treeSize() || !new MerkleTree(leaves).rootHex().equals(checkpoint.merkleRoot())) {
                findings.add(new IntegrityReport.Finding("CHECKPOINT", null, null, "checkpoint " + checkpoint.number()
                        + " no longer matches ledger entries " + checkpoint.firstSeq() + " to " + checkpoint.lastSeq()
                        + " (" + leaves.size() + " of its " + checkpoint.treeSize() + " entries found)"));
            }
        }
        long hashed = checkBlobs(entries, findings);
        return new IntegrityReport(clock.instant(), entries.size(), sealed.size(), hashed, findings);
    }

    private long checkBlobs(List<Ledger.LedgerEntry> entries, List<IntegrityReport.Finding> findings) {
        long hashed = 0;
        Map<UUID, String> recordedPayloads = entries.stream().filter(e -> e.event().equals(RecordService.EVENT_RECORDED))
                .collect(Collectors.toMap(Ledger.LedgerEntry::documentId, Ledger.LedgerEntry::payloadSha256, (a, b) -> a));
        Map<UUID, List<String>> attachmentsByDocument = new java.util.HashMap<>();
        for (Stored attachment : jdbc.sql("""
                        select document_id, sha256, 'file ' || position || ' (' || name || ')' as what,
                               exists (select 1 from document_destruction x where x.document_id = a.document_id) as destroyed
                        from attachment a order by document_id, position""").query(Stored.class).list()) {
            attachmentsByDocument.computeIfAbsent(attachment.documentId(), d -> new ArrayList<>()).add(attachment.sha256());
            hashed += checkBlob(attachment, findings);
        }
        for (Stored envelope : jdbc.sql("""
                        select id as document_id, envelope_sha256 as sha256, 'envelope' as what,
                               exists (select 1 from document_destruction x where x.document_id = d.id) as destroyed
                        from document d""").query(Stored.class).list()) {
            hashed += checkBlob(envelope, findings);
            String entered = recordedPayloads.get(envelope.documentId());
            if (entered != null && !entered.equals(RecordService.contentDigest(envelope.sha256(),
                    attachmentsByDocument.getOrDefault(envelope.documentId(), List.of())))) {
                Long seq = entries.stream().filter(e -> e.documentId().equals(envelope.documentId())
                        && e.event().equals(RecordService.EVENT_RECORDED)).map(Ledger.LedgerEntry::seq).findFirst().orElse(null);
                findings.add(new IntegrityReport.Finding("RECORD", seq, envelope.documentId(), "document "
                        + envelope.documentId() + ": the hashes of its envelope and files are no longer those entered in "
                        + "ledger entry " + seq));
            }
        }
        for (Stored message : jdbc.sql("""
                        select document_id, message_sha256 as sha256, 'status ' || status_code || ' of ' || organ_id as what,
                               exists (select 1 from document_destruction x where x.document_id = e.document_id) as destroyed
                        from status_event e where message_sha256 is not null""").query(Stored.class).list()) {
            hashed += checkBlob(message, findings);
        }
        return hashed;
    }

    private int checkBlob(Stored stored, List<IntegrityReport.Finding> findings) {
        // A destroyed document's content is gone by approval; its hashes and its ledger entries are still checked.
        if (stored.destroyed()) return 0;
        String actual;
        try (InputStream in = blobs.open(stored.sha256())) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) sha256.update(buffer, 0, n);
            actual = HexFormat.of().formatHex(sha256.digest());
        } catch (java.nio.file.NoSuchFileException e) {
            findings.add(new IntegrityReport.Finding("BLOB", null, stored.documentId(), "the " + stored.what()
                    + " of document " + stored.documentId() + " is missing from the blob store (" + stored.sha256() + ")"));
            return 1;
        } catch (IOException e) {
            findings.add(new IntegrityReport.Finding("BLOB", null, stored.documentId(), "the " + stored.what()
                    + " of document " + stored.documentId() + " cannot be decrypted: it has changed in the blob store or its key "
                    + "is gone (" + stored.sha256() + ": " + e.getMessage() + ")"));
            return 1;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (!actual.equals(stored.sha256())) {
            findings.add(new IntegrityReport.Finding("BLOB", null, stored.documentId(), "the " + stored.what()
                    + " of document " + stored.documentId() + " has changed in the blob store: stored as " + stored.sha256()
                    + ", its bytes now hash to " + actual));
        }
        return 1;
    }

    record Stored(UUID documentId, String sha256, String what, boolean destroyed) {
    }
}
