package vn.gov.hanoi.lienthong.archive.checkpoint;

import java.time.Instant;

/**
 * A sealed checkpoint: the ledger entries {@code firstSeq} to {@code lastSeq} closed under {@code merkleRoot}, as
 * the hub signed it ({@code signedCheckpoint}, byte for byte), with the authority's RFC 3161 token once it has one.
 */
public record Checkpoint(long number, long firstSeq, long lastSeq, String merkleRoot, String previousRoot,
                         Instant sealedAt, byte[] signedCheckpoint, byte[] timestampToken, Instant timestampedAt,
                         int timestampAttempts, String timestampLastError) {

    public long treeSize() {
        return lastSeq - firstSeq + 1;
    }

    public boolean covers(long seq) {
        return seq >= firstSeq && seq <= lastSeq;
    }
}
