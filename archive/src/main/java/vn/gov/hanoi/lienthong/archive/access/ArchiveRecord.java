package vn.gov.hanoi.lienthong.archive.access;

import java.time.Instant;

/**
 * A document's archive metadata (Circular 05/2025/TT-BNV): its access level (OPEN: its parties and the archivists;
 * RESTRICTED: the archivists only), its record file's code, its retention in years (null: its type's), its keywords.
 */
public record ArchiveRecord(String accessLevel, String fileCode, Integer retentionYears, String keywords,
                            Instant updatedAt, String updatedBy) {

    public static final String OPEN = "OPEN";
    public static final String RESTRICTED = "RESTRICTED";

    static ArchiveRecord defaults() {
        return new ArchiveRecord(OPEN, null, null, null, null, null);
    }
}
