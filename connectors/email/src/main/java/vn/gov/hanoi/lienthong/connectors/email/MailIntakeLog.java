package vn.gov.hanoi.lienthong.connectors.email;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.gov.hanoi.lienthong.core.refusal.Reason;

/** What became of every message taken from the hub's mailbox (table mail_intake). */
@Repository
public class MailIntakeLog {

    public enum Outcome { ACCEPTED, DUPLICATE, STATUS, REFUSED }

    public record Entry(String messageKey, Outcome outcome, UUID documentId, Reason reason, Instant replySentAt) {
    }

    private final JdbcClient jdbc;

    public MailIntakeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> find(String messageKey) {
        return jdbc.sql("select * from mail_intake where message_key = ?")
                .param(messageKey)
                .query((rs, row) -> new Entry(rs.getString("message_key"), Outcome.valueOf(rs.getString("outcome")),
                        rs.getObject("document_id", UUID.class),
                        rs.getString("reason_code") == null ? null
                                : new Reason(rs.getString("reason_code"), rs.getString("reason_vi"), rs.getString("reason_en")),
                        rs.getTimestamp("reply_sent_at") == null ? null : rs.getTimestamp("reply_sent_at").toInstant()))
                .optional();
    }

    /** Records a message once; a second record of the same message changes nothing. */
    public void record(InboundMail mail, String rawSha256, Outcome outcome, UUID documentId, Reason reason, Instant at) {
        jdbc.sql("""
                        insert into mail_intake (message_key, message_id, from_address, subject, raw_sha256, outcome,
                                                 document_id, reason_code, reason_vi, reason_en, taken_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (message_key) do nothing""")
                .params(mail.messageKey(), mail.messageId(), mail.fromAddress(), mail.subject(), rawSha256,
                        outcome.name(), documentId, reason == null ? null : reason.code(),
                        reason == null ? null : reason.messageVi(), reason == null ? null : reason.messageEn(),
                        Timestamp.from(at))
                .update();
    }

    public void replySent(String messageKey, Instant at) {
        jdbc.sql("update mail_intake set reply_sent_at = ? where message_key = ?")
                .params(Timestamp.from(at), messageKey).update();
    }
}
