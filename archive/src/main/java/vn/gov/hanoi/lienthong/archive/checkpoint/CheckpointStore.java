package vn.gov.hanoi.lienthong.archive.checkpoint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sealed checkpoints (table ledger_checkpoint). Callers hold the transaction. */
@Repository
public class CheckpointStore {

    /** Serialises the sealing of checkpoints (the timer's and an evidence request's), distinct from the append lock. */
    private static final long SEAL_LOCK = 0x4c54_4348_4b50_4e54L;

    private final JdbcClient jdbc;

    public CheckpointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lockForSealing() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(SEAL_LOCK).query().singleRow();
    }

    public Optional<Checkpoint> last() {
        return jdbc.sql("select * from ledger_checkpoint order by number desc limit 1").query(CheckpointStore::checkpoint).optional();
    }

    public List<Checkpoint> all() {
        return jdbc.sql("select * from ledger_checkpoint order by number").query(CheckpointStore::checkpoint).list();
    }

    /** The checkpoint that closes entry {@code seq}, if one does yet. */
    public Optional<Checkpoint> covering(long seq) {
        return jdbc.sql("select * from ledger_checkpoint where first_seq <= ? and last_seq >= ?")
                .params(seq, seq).query(CheckpointStore::checkpoint).optional();
    }

    /** The checkpoints still waiting for their timestamp, oldest first. */
    public List<Checkpoint> waitingForTimestamp(int max) {
        return jdbc.sql("select * from ledger_checkpoint where timestamp_token is null order by number limit ?")
                .param(max).query(CheckpointStore::checkpoint).list();
    }

    void insert(Checkpoint checkpoint) {
        jdbc.sql("""
                        insert into ledger_checkpoint (number, first_seq, last_seq, merkle_root, previous_root, sealed_at,
                                                       signed_checkpoint)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(checkpoint.number(), checkpoint.firstSeq(), checkpoint.lastSeq(), checkpoint.merkleRoot(),
                        checkpoint.previousRoot(), Timestamp.from(checkpoint.sealedAt()), checkpoint.signedCheckpoint())
                .update();
    }

    void timestamped(long number, byte[] token, Instant at) {
        jdbc.sql("""
                        update ledger_checkpoint set timestamp_token = ?, timestamped_at = ?,
                               timestamp_attempts = timestamp_attempts + 1, timestamp_last_attempt_at = ?
                        where number = ? and timestamp_token is null""")
                .params(token, Timestamp.from(at), Timestamp.from(at), number).update();
    }

    void timestampFailed(long number, String error, Instant at) {
        jdbc.sql("""
                        update ledger_checkpoint set timestamp_attempts = timestamp_attempts + 1,
                               timestamp_last_attempt_at = ?, timestamp_last_error = ?
                        where number = ? and timestamp_token is null""")
                .params(Timestamp.from(at), error, number).update();
    }

    private static Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
        Timestamp timestampedAt = rs.getTimestamp("timestamped_at");
        return new Checkpoint(rs.getLong("number"), rs.getLong("first_seq"), rs.getLong("last_seq"),
                rs.getString("merkle_root"), rs.getString("previous_root"), rs.getTimestamp("sealed_at").toInstant(),
                rs.getBytes("signed_checkpoint"), rs.getBytes("timestamp_token"),
                timestampedAt == null ? null : timestampedAt.toInstant(), rs.getInt("timestamp_attempts"),
                rs.getString("timestamp_last_error"));
    }
}
