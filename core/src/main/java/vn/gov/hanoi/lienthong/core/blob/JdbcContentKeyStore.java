package vn.gov.hanoi.lienthong.core.blob;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The content keys in the database, so that a key is durable when the statement that keeps it commits (and, inside
 * a stage's transaction, exactly when what refers to its blob does) and is destroyed in the same transaction as the
 * destruction record.
 */
public final class JdbcContentKeyStore implements ContentKeyStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcContentKeyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<byte[]> find(String sha256) {
        return jdbc.sql("select wrapped_key from content_key where sha256 = ?").param(sha256).query(byte[].class).optional();
    }

    @Override
    public boolean keepUnlessPresent(String sha256, byte[] wrapped) {
        // xmax = 0 on the returned row: inserted now, not updated. last_stored_at is what a destruction run reads to
        // leave alone content that a document being received right now may refer to; it is moved at most once a
        // minute (no row returned then), so that content stored again and again does not rewrite its row each time.
        return jdbc.sql("""
                        insert into content_key (sha256, wrapped_key, created_at, last_stored_at) values (?, ?, ?, ?)
                        on conflict (sha256) do update set last_stored_at = excluded.last_stored_at
                            where content_key.last_stored_at < excluded.last_stored_at - interval '1 minute'
                        returning (xmax = 0) as inserted""")
                .params(sha256, wrapped, Timestamp.from(clock.instant()), Timestamp.from(clock.instant()))
                .query(Boolean.class).optional().orElse(false);
    }

    @Override
    public boolean destroy(String sha256) {
        return jdbc.sql("delete from content_key where sha256 = ?").param(sha256).update() > 0;
    }
}
