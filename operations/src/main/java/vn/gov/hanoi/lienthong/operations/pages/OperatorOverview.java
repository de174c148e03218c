package vn.gov.hanoi.lienthong.operations.pages;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.directory.AgencyState;
import vn.gov.hanoi.lienthong.core.document.DeliveryState;
import vn.gov.hanoi.lienthong.core.operator.OperatorActionService;

/** What the operator page shows, read from the deliveries, the directory and the operators' own actions. */
@Component
public class OperatorOverview {

    /** A delivery as a row of the page, with what an operator may do to it now. */
    public record DeliveryRow(UUID id, UUID documentId, String codeNotation, String senderOrganId, String recipientOrganId,
                              String channel, String state, Instant since, String problem) {
        public boolean redrivable() {
            return DeliveryState.FAILED.name().equals(state);
        }

        public boolean cancellable() {
            return OperatorActionService.cancellable(DeliveryState.valueOf(state));
        }

        public boolean resendable() {
            return OperatorActionService.resendable(DeliveryState.valueOf(state));
        }
    }

    public record AgencyRow(String organId, String name, String channel, String state, boolean suspendedInFile,
                            String suspendedBy, String suspensionReason, Instant suspendedAt) {
        public boolean suspended() {
            return AgencyState.SUSPENDED.name().equals(state);
        }
    }

    private static final int ROWS = 100;
    private static final String DELIVERY_ROW = """
            select d.id, d.document_id, doc.code_notation, doc.sender_organ_id, d.recipient_organ_id, d.channel, d.state,
                   coalesce(d.overdue_since, d.updated_at) as since, coalesce(d.overdue_reason, d.last_error) as problem
            from delivery d join document doc on doc.id = d.document_id
            """;

    private final JdbcTemplate jdbc;
    private final AgencyDirectory directory;
    private final OperatorActionService actions;

    public OperatorOverview(JdbcTemplate jdbc, AgencyDirectory directory, OperatorActionService actions) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.actions = actions;
    }

    public List<DeliveryRow> failed() {
        return jdbc.query(DELIVERY_ROW + "where d.state = 'FAILED' order by d.updated_at limit " + ROWS, this::row);
    }

    public List<DeliveryRow> overdue() {
        return jdbc.query(DELIVERY_ROW + "where d.overdue_since is not null and d.state in ('QUEUED', 'AVAILABLE') "
                + "order by d.overdue_since limit " + ROWS, this::row);
    }

    public List<DeliveryRow> ofDocument(UUID documentId) {
        return jdbc.query(DELIVERY_ROW + "where d.document_id = ? order by d.recipient_organ_id", this::row, documentId);
    }

    public List<AgencyRow> agencies() {
        Map<String, Map<String, Object>> suspensions = jdbc.queryForList(
                        "select organ_id, person, reason, suspended_at from agency_suspension").stream()
                .collect(Collectors.toMap(row -> (String) row.get("organ_id"), row -> row));
        return directory.all().stream().sorted(Comparator.comparing(a -> a.organId()))
                .map(agency -> {
                    Map<String, Object> suspension = suspensions.get(agency.organId());
                    return new AgencyRow(agency.organId(), agency.name(), agency.channel().configName(), agency.state().name(),
                            directory.suspendedInFile(agency.organId()),
                            suspension == null ? null : (String) suspension.get("person"),
                            suspension == null ? null : (String) suspension.get("reason"),
                            suspension == null ? null : ((java.sql.Timestamp) suspension.get("suspended_at")).toInstant());
                }).toList();
    }

    public List<Map<String, Object>> latestActions() {
        return actions.latest(20);
    }

    private DeliveryRow row(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new DeliveryRow(row.getObject("id", UUID.class), row.getObject("document_id", UUID.class),
                row.getString("code_notation"), row.getString("sender_organ_id"), row.getString("recipient_organ_id"),
                row.getString("channel"), row.getString("state"), row.getTimestamp("since").toInstant(), row.getString("problem"));
    }
}
