package vn.gov.hanoi.lienthong.core.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hash-chained ledger. Each entry's hash covers its sequence number, its content and the previous
 * entry's hash; appends are serialised by a transaction-scoped advisory lock so that the chain never forks.
 * Callers hold the transaction.
 */
@Repository
public class Ledger {

    static final String GENESIS = "0".repeat(64);
    /**
     * The "document" of the entries about the hub itself rather than one document: operators' actions on an agency
     * (suspend, reactivate) and on the directory (reload). They are chained with every other entry.
     */
    public static final UUID HUB_ITSELF = new UUID(0, 0);
    private static final long APPEND_LOCK = 0x4c54_4c45_4447_4552L;

    private final JdbcClient jdbc;

    public Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends an entry unless this document already has one for this event; returns the entry's hash. */
    public String append(UUID documentId, String event, String payloadSha256, Instant time) {
        // PostgreSQL keeps microseconds and rounds what is finer: the hash must be made of the time as stored,
        // or an entry stamped in the last half microsecond of a millisecond would verify as broken.
        Instant at = time.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        jdbc.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleRow();
        List<String> existing = jdbc.sql("select entry_hash from ledger_entry where document_id = ? and event = ?")
                .params(documentId, event).query(String.class).list();
        if (!existing.isEmpty()) return existing.get(0);
        List<Head> heads = jdbc.sql("select seq, entry_hash from ledger_entry order by seq desc limit 1")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("entry_hash"))).list();
        Head previous = heads.isEmpty() ? new Head(0, GENESIS) : heads.get(0);
        long seq = previous.seq() + 1;
        String hash = entryHash(seq, documentId, event, payloadSha256, previous.hash(), at);
        jdbc.sql("""
                        insert into ledger_entry (seq, document_id, event, payload_sha256, previous_hash, entry_hash, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, documentId, event, payloadSha256, previous.hash(), hash, Timestamp.from(at))
                .update();
        return hash;
    }

    /** Recomputes the whole chain; returns the sequence number of the first broken entry, or -1 if intact. */
    public long firstBrokenEntry() {
        String expectedPrevious = GENESIS;
        long expectedSeq = 1;
        List<Entry> entries = jdbc.sql("select * from ledger_entry order by seq")
                .query((rs, n) -> new Entry(rs.getLong("seq"), rs.getObject("document_id", UUID.class),
                        rs.getString("event"), rs.getString("payload_sha256"), rs.getString("previous_hash"),
                        rs.getString("entry_hash"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
        for (Entry entry : entries) {
            String recomputed = entryHash(entry.seq(), entry.documentId(), entry.event(), entry.payloadSha256(),
                    entry.previousHash(), entry.recordedAt());
            if (entry.seq() != expectedSeq || !entry.previousHash().equals(expectedPrevious)
                    || !recomputed.equals(entry.entryHash())) {
                return entry.seq();
            }
            expectedPrevious = entry.entryHash();
            expectedSeq++;
        }
        return -1;
    }

    static String entryHash(long seq, UUID documentId, String event, String payloadSha256, String previousHash,
                            Instant at) {
        String canonical = seq + "\n" + documentId + "\n" + event + "\n" + payloadSha256 + "\n" + previousHash + "\n"
                + at.toEpochMilli();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Head(long seq, String hash) {
    }

    private record Entry(long seq, UUID documentId, String event, String payloadSha256, String previousHash,
                         String entryHash, Instant recordedAt) {
    }
}
