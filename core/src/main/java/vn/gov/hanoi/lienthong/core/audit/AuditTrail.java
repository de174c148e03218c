package vn.gov.hanoi.lienthong.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.record.Ledger;

/**
 * The append-only audit trail, itself in the ledger. An entry is written in the transaction of what it records (or
 * its own, before the content it records a read of is sent), so that nothing audited happens without its entry.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ObjectMapper json;

    public AuditTrail(JdbcClient jdbc, Ledger ledger, TransactionTemplate transaction, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.transaction = transaction;
        this.clock = clock;
        this.json = json;
    }

    /** One entry, in the caller's transaction or a new one. @return its id */
    public long record(String actor, List<String> roles, AuditAction action, UUID documentId, Map<String, ?> detail) {
        return transaction.execute(tx -> {
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            String detailJson = toJson(detail);
            String rolesText = String.join(",", roles);
            long id = jdbc.sql("select nextval('audit_entry_id_seq')").query(Long.class).single();
            String sha = sha256(id + "\n" + at + "\n" + actor + "\n" + rolesText + "\n" + action + "\n"
                    + (documentId == null ? "" : documentId) + "\n" + detailJson);
            jdbc.sql("""
                            insert into audit_entry (id, at, actor, actor_roles, action, document_id, detail, entry_sha256)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, Timestamp.from(at), actor, rolesText, action.name(), documentId, detailJson, sha).update();
            ledger.append(documentId == null ? Ledger.HUB_ITSELF : documentId, "AUDIT " + id, sha, at);
            return id;
        });
    }

    /** The entries of a period, newest first, optionally of one document, one actor or one action. */
    public List<AuditEntry> entries(Instant from, Instant to, UUID documentId, String actor, AuditAction action, int limit) {
        return jdbc.sql("""
                        select * from audit_entry
                        where at >= ? and at < ? and (cast(? as uuid) is null or document_id = cast(? as uuid))
                          and (cast(? as text) is null or actor = ?) and (cast(? as text) is null or action = ?)
                        order by id desc limit ?""")
                .params(Timestamp.from(from), Timestamp.from(to), documentId, documentId, actor, actor,
                        action == null ? null : action.name(), action == null ? null : action.name(), limit)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("actor_roles"), rs.getString("action"), rs.getObject("document_id", UUID.class),
                        rs.getString("detail"), rs.getString("entry_sha256")))
                .list();
    }

    /** One entry as kept. */
    public record AuditEntry(long id, Instant at, String actor, String actorRoles, String action, UUID documentId,
                             String detail, String entrySha256) {
    }

    private String toJson(Map<String, ?> detail) {
        try {
            return json.writeValueAsString(new java.util.TreeMap<>(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
