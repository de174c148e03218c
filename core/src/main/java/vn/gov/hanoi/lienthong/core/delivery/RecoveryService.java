package vn.gov.hanoi.lienthong.core.delivery;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.document.DocumentState;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;

/**
 * What a crash can leave between a database commit and the queue hand-over that follows it outside a
 * queue transaction: a document received but never queued for inspection, a status recorded but never
 * queued for its sender. Found at start-up and queued again; every stage is idempotent, so a copy of
 * something that was queued after all does no harm.
 */
@Service
public class RecoveryService {

    private final DocumentStore documents;
    private final AgencyDirectory directory;
    private final JdbcClient jdbc;

    public RecoveryService(DocumentStore documents, AgencyDirectory directory, JdbcClient jdbc) {
        this.documents = documents;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    public List<UUID> documentsAwaitingInspection() {
        return documents.idsInState(DocumentState.RECEIVED);
    }

    public List<OutboxMessage> statusesAwaitingForwarding() {
        return jdbc.sql("""
                        select s.id, s.document_id, d.sender_organ_id
                        from status_event s join document d on d.id = s.document_id
                        where s.forwarded_at is null""")
                .query((rs, n) -> OutboxMessage.status(rs.getString("sender_organ_id"),
                        rs.getObject("document_id", UUID.class), rs.getObject("id", UUID.class)))
                .list()
                .stream()
                .filter(message -> directory.byOrganId(message.targetOrganId())
                        .map(sender -> sender.channel().pushesStatuses()).orElse(false))
                .toList();
    }
}
