package vn.gov.hanoi.lienthong.archive.integrity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the hub's own check of its archive found: intact when {@code findings} is empty.
 *
 * @param entries     the ledger entries checked
 * @param checkpoints the checkpoints checked
 * @param blobs       the stored envelopes, files and status messages whose bytes were hashed again
 */
public record IntegrityReport(Instant checkedAt, long entries, int checkpoints, long blobs, List<Finding> findings) {

    public boolean intact() {
        return findings.isEmpty();
    }

    /**
     * @param kind       CHAIN (an entry changed, missing or moved), CHECKPOINT (a root no longer matches its entries),
     *                   BLOB (stored bytes changed or missing), RECORD (a document's hashes no longer those entered)
     * @param seq        the ledger entry concerned, when there is one
     * @param documentId the document concerned, when there is one
     */
    public record Finding(String kind, Long seq, UUID documentId, String what) {
    }
}
