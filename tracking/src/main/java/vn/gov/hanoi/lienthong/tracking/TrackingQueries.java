package vn.gov.hanoi.lienthong.tracking;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.document.DeliveryState;
import vn.gov.hanoi.lienthong.core.policy.DeliveryPurpose;
import vn.gov.hanoi.lienthong.core.policy.Requirement;

/**
 * The tracking's reads, each one query through the indexes of V14: an agency's documents received (by recipient
 * and day sent, or by recipient and due day for what is open), its documents sent (by sender and day received),
 * and the counts of its desk. Only deliveries to a recipient are tracked — not the clerical copy of Article 5.2 or
 * the portal's publication, which nobody handles. "Today" is Hanoi's.
 */
@Component
public class TrackingQueries {

    /** A delivery to a recipient that still has to be handled: neither done nor refused, nor withdrawn. */
    static final String OPEN = "d.purpose = 'RECIPIENT' and d.state <> 'CANCELLED' and d.done_at is null and d.refused_at is null";
    /**
     * Not answered at all: written as the partial indexes of V14 are (literals, not parameters), so that the
     * planner sees that they apply.
     */
    static final String UNANSWERED = "d.purpose = 'RECIPIENT' and d.state <> 'CANCELLED' and d.progress is null";

    private static final String COLUMNS = """
            select d.id, d.document_id, doc.sender_organ_id, d.recipient_organ_id, doc.code_number, doc.code_notation,
                   doc.type_number, doc.type_name, doc.subject, doc.promulgation_date, d.channel, d.state, d.created_at,
                   d.delivered_at, d.progress, d.arrived_at, d.registered_at, d.incoming_number, d.assigned_at,
                   d.handling_at, d.done_at, d.refused_at, d.due_on, d.paper_requirement, d.article,
                   d.paper_confirmed_at, d.paper_confirmed_by
            from delivery d join document doc on doc.id = d.document_id
            """;

    private final JdbcClient jdbc;
    private final AgencyDirectory directory;
    private final java.time.Clock clock;
    private final TrackingSettings settings;

    public TrackingQueries(JdbcClient jdbc, AgencyDirectory directory, java.time.Clock clock, TrackingSettings settings) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
        this.settings = settings;
    }

    /** Today in Hanoi: what due days are compared with. */
    public LocalDate today() {
        return WorkingCalendar.today(clock);
    }

    /** What these agencies received, newest first. */
    public List<TrackedDelivery> received(String[] organs, TrackingFilter filter) {
        return list("d.recipient_organ_id in (:organs)", "d.sender_organ_id", organs, filter);
    }

    /** What these agencies sent, one row per recipient, newest first. */
    public List<TrackedDelivery> sent(String[] organs, TrackingFilter filter) {
        return list("d.sender_organ_id in (:organs)", "d.recipient_organ_id", organs, filter);
    }

    private List<TrackedDelivery> list(String side, String otherParty, String[] organs, TrackingFilter filter) {
        StringBuilder sql = new StringBuilder(COLUMNS).append("where ").append(side).append(" and d.purpose = 'RECIPIENT'");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("organs", Arrays.asList(organs));
        if (filter.from() != null) {
            sql.append(" and d.created_at >= :from");
            params.put("from", startOf(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and d.created_at < :to");
            params.put("to", startOf(filter.to().plusDays(1)));
        }
        if (filter.type() != null) {
            sql.append(" and d.type_number = :type");
            params.put("type", filter.type());
        }
        if (filter.party() != null) {
            sql.append(" and ").append(otherParty).append(" = :party");
            params.put("party", filter.party());
        }
        if (filter.state() != null) {
            sql.append(" and ").append(switch (filter.state()) {
                case OPEN -> OPEN;
                case OVERDUE -> OPEN + " and d.due_on < :today";
                case DONE -> "d.done_at is not null";
                case REFUSED -> "d.refused_at is not null";
                case UNANSWERED -> UNANSWERED;
                case FAILED -> "d.state = '" + DeliveryState.FAILED + "'";
            });
            if (filter.state() == TrackingFilter.State.OVERDUE) params.put("today", Date.valueOf(today()));
        }
        sql.append(filter.state() == TrackingFilter.State.OVERDUE ? " order by d.due_on, d.created_at" : " order by d.created_at desc, d.id desc");
        sql.append(" limit :limit offset :offset");
        params.put("limit", settings.pageSize());
        params.put("offset", filter.offset());
        LocalDate today = today();
        return jdbc.sql(sql.toString()).params(params).query((row, n) -> tracked(row, today)).list();
    }

    /** Every delivery of one document to a recipient, in the order of the recipients. */
    public List<TrackedDelivery> deliveriesOf(UUID documentId) {
        LocalDate today = today();
        return jdbc.sql(COLUMNS + "where d.document_id = :document order by d.purpose, d.recipient_organ_id")
                .param("document", documentId).query((row, n) -> tracked(row, today)).list();
    }

    /** The desk's counts for these agencies: received and open, of which overdue; sent and unanswered, sent and overdue. */
    public Map<String, Long> counts(String[] organs) {
        Map<String, Object> params = Map.of("organs", Arrays.asList(organs), "today", Date.valueOf(today()));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("receivedOpen", count("d.recipient_organ_id in (:organs) and " + OPEN, params));
        counts.put("receivedOverdue", count("d.recipient_organ_id in (:organs) and " + OPEN + " and d.due_on < :today", params));
        counts.put("sentUnanswered", count("d.sender_organ_id in (:organs) and " + UNANSWERED, params));
        counts.put("sentOverdue", count("d.sender_organ_id in (:organs) and " + OPEN + " and d.due_on < :today", params));
        return counts;
    }

    private long count(String where, Map<String, Object> params) {
        return jdbc.sql("select count(*) from delivery d where " + where).params(params)
                .query(Long.class).single();
    }

    /**
     * Paper copies the policy requires (Article 5.1) not confirmed by the recipient's clerk within
     * hub.tracking.paper-copy-within working days of the day the document was sent: for both sides, these agencies
     * as recipients and as senders.
     */
    public List<TrackedDelivery> latePaperCopies(String[] organs, WorkingCalendar calendar) {
        LocalDate today = today();
        // The latest day of sending whose copy is late today: within N working days, counted from the day after.
        LocalDate sentOnOrBefore = lastDayStillLate(calendar, today, settings.paperCopyWithin());
        return jdbc.sql(COLUMNS + """
                        where (d.recipient_organ_id in (:organs) or d.sender_organ_id in (:organs)) and d.purpose = :purpose
                          and d.paper_requirement = :paper and d.paper_confirmed_at is null and d.state <> :cancelled
                          and d.created_at < :before
                        order by d.created_at limit :limit""")
                .param("organs", Arrays.asList(organs)).param("purpose", DeliveryPurpose.RECIPIENT.name())
                .param("paper", Requirement.PAPER_TO_FOLLOW.name()).param("cancelled", DeliveryState.CANCELLED.name())
                .param("before", startOf(sentOnOrBefore.plusDays(1))).param("limit", settings.pageSize())
                .query((row, n) -> tracked(row, today)).list();
    }

    /** The last day on which a document could be sent and have its N working days for the copy run out before today. */
    static LocalDate lastDayStillLate(WorkingCalendar calendar, LocalDate today, int workingDays) {
        LocalDate day = today.minusDays(1);
        while (!calendar.addWorkingDays(day, workingDays).isBefore(today)) day = day.minusDays(1);
        return day;
    }

    private TrackedDelivery tracked(ResultSet row, LocalDate today) throws SQLException {
        LocalDate dueOn = row.getObject("due_on", LocalDate.class);
        Instant done = instant(row, "done_at");
        Instant refused = instant(row, "refused_at");
        String state = row.getString("state");
        boolean open = done == null && refused == null && !DeliveryState.CANCELLED.name().equals(state);
        String sender = row.getString("sender_organ_id");
        String recipient = row.getString("recipient_organ_id");
        return new TrackedDelivery(row.getObject("id", UUID.class), row.getObject("document_id", UUID.class), sender,
                nameOf(sender), recipient, nameOf(recipient), row.getString("code_number"), row.getString("code_notation"),
                (Integer) row.getObject("type_number"), row.getString("type_name"), row.getString("subject"),
                row.getObject("promulgation_date", LocalDate.class), row.getString("channel"), state,
                instant(row, "created_at"), instant(row, "delivered_at"), row.getString("progress"),
                instant(row, "arrived_at"), instant(row, "registered_at"), row.getString("incoming_number"),
                instant(row, "assigned_at"), instant(row, "handling_at"), done, refused, dueOn,
                open && dueOn != null && dueOn.isBefore(today),
                Requirement.PAPER_TO_FOLLOW.name().equals(row.getString("paper_requirement")), row.getString("article"),
                instant(row, "paper_confirmed_at"), row.getString("paper_confirmed_by"));
    }

    private String nameOf(String organId) {
        return directory.byOrganId(organId).map(Agency::name).orElse(organId);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(WorkingCalendar.HANOI).toInstant());
    }
}
