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
        List<ChainBreak> breaks = chainBreaks();
        return breaks.isEmpty() ? -1 : breaks.get(0).seq();
    }

    /**
     * Recomputes the whole chain and names every entry where it breaks: an entry whose hash is not its content's
     * (changed), one that does not follow the entry before it (an entry missing or moved before it), a number skipped.
     */
    public List<ChainBreak> chainBreaks() {
        return chainBreaks(jdbc.sql("select * from ledger_entry order by seq").query(Ledger::entry).list());
    }

    /** The same over entries already read, in order of their numbers. */
    public static List<ChainBreak> chainBreaks(List<LedgerEntry> inOrder) {
        List<ChainBreak> breaks = new java.util.ArrayList<>();
        String expectedPrevious = GENESIS;
        long expectedSeq = 1;
        for (LedgerEntry entry : inOrder) {
            if (entry.seq() != expectedSeq) {
                breaks.add(new ChainBreak(entry.seq(), "entries " + expectedSeq + (entry.seq() - 1 > expectedSeq
                        ? " to " + (entry.seq() - 1) : "") + " missing before entry " + entry.seq()));
            } else if (!entry.previousHash().equals(expectedPrevious)) {
                breaks.add(new ChainBreak(entry.seq(), "entry " + entry.seq() + " does not follow entry " + (entry.seq() - 1)
                        + " (its previous hash is not that entry's hash: an entry moved, removed or changed)"));
            }
            if (!entry.hashHolds()) {
                breaks.add(new ChainBreak(entry.seq(), "entry " + entry.seq() + " (" + entry.event() + " of document "
                        + entry.documentId() + ") is not what was entered: its hash does not match its content"));
            }
            expectedPrevious = entry.entryHash();
            expectedSeq = entry.seq() + 1;
        }
        return breaks;
    }

    /** The entries after {@code afterSeq} up to {@code upToSeq}, in order. */
    public List<LedgerEntry> entries(long afterSeq, long upToSeq) {
        return jdbc.sql("select * from ledger_entry where seq > ? and seq <= ? order by seq")
                .params(afterSeq, upToSeq).query(Ledger::entry).list();
    }

    /** Every entry about one document, in order. */
    public List<LedgerEntry> entriesOf(UUID documentId) {
        return jdbc.sql("select * from ledger_entry where document_id = ? order by seq")
                .param(documentId).query(Ledger::entry).list();
    }

    /**
     * The last entry's number (0 for an empty ledger), read under the append lock: every entry up to it is
     * committed, since an append holds the lock until its transaction ends. Callers hold the transaction.
     */
    public long lockedHead() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleRow();
        return jdbc.sql("select coalesce(max(seq), 0) from ledger_entry").query(Long.class).single();
    }

    private static LedgerEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new LedgerEntry(rs.getLong("seq"), rs.getObject("document_id", UUID.class), rs.getString("event"),
                rs.getString("payload_sha256"), rs.getString("previous_hash"), rs.getString("entry_hash"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    /**
     * The hash of an entry: SHA-256 over its number, document, event, payload hash, the previous entry's hash and its
     * time in milliseconds since the epoch, each on its own line (UTF-8, "\n"). The offline verifier
     * (testkit, lienthong-verify) recomputes it from an evidence bundle by the same rule.
     */
    public static String entryHash(long seq, UUID documentId, String event, String payloadSha256, String previousHash,
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

    /** One entry as stored. */
    public record LedgerEntry(long seq, UUID documentId, String event, String payloadSha256, String previousHash,
                              String entryHash, Instant recordedAt) {

        /** Whether the stored hash is the hash of the stored content. */
        public boolean hashHolds() {
            return Ledger.entryHash(seq, documentId, event, payloadSha256, previousHash, recordedAt).equals(entryHash);
        }
    }

    /** Where the chain breaks, and how. */
    public record ChainBreak(long seq, String what) {
    }
}
