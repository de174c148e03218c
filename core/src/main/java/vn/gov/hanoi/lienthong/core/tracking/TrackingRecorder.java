package vn.gov.hanoi.lienthong.core.tracking;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar;
import vn.gov.hanoi.lienthong.core.policy.DeliveryPurpose;
import vn.gov.hanoi.lienthong.core.policy.DocumentPolicy;
import vn.gov.hanoi.lienthong.schemas.edxml.MessageHeaderType;

/**
 * Writes what the tracking and the reports read, inside the transaction of the change it follows: at dispatch, the document's
 * facts from its envelope and each recipient's deadline; at each status, the recipient's progress. Both are
 * idempotent — a repeated dispatch writes the same facts, a repeated status stamps nothing new.
 */
@Component
public class TrackingRecorder {

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final DocumentPolicy policy;
    private final Clock clock;

    public TrackingRecorder(JdbcClient jdbc, WorkingCalendar calendar, DocumentPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The document's facts, and the deadline of each delivery to a recipient (not the clerical copy or the
     * portal's publication, which nobody handles): the envelope's DueDate, else the policy's working days for
     * its type counted from the day of dispatch.
     */
    public LocalDate dispatched(UUID documentId, String senderOrganId, MessageHeaderType header, boolean validlySigned, Instant at) {
        int type = header.getDocumentType().getType().intValue();
        LocalDate dueDate = header.getDueDate() == null ? null : date(header.getDueDate());
        LocalDate dueOn = dueDate != null ? dueDate
                : calendar.addWorkingDays(at.atZone(WorkingCalendar.HANOI).toLocalDate(), policy.handlingWorkingDays(type));
        jdbc.sql("""
                        update document set type_number = ?, type_name = ?, code_number = ?, promulgation_date = ?,
                                            due_date = ?, signer_name = ?, validly_signed = ? where id = ?""")
                .params(type, header.getDocumentType().getTypeName(), header.getCode().getCodeNumber(),
                        sqlDate(header.getPromulgationInfo() == null || header.getPromulgationInfo().getPromulgationDate() == null
                                ? null : date(header.getPromulgationInfo().getPromulgationDate())),
                        sqlDate(dueDate), header.getSignerInfo() == null ? null : header.getSignerInfo().getFullName(),
                        validlySigned, documentId)
                .update();
        jdbc.sql("update delivery set due_on = case when purpose = ? then cast(? as date) end, sender_organ_id = ?, type_number = ? where document_id = ?")
                .params(DeliveryPurpose.RECIPIENT.name(), sqlDate(dueOn), senderOrganId, type, documentId).update();
        return dueOn;
    }

    /**
     * The recipient's step, stamped the first time it is reported; its progress moves forward only (a late 03
     * after 05 leaves it at 05). The incoming number comes with 03, when the recipient reports one.
     */
    public void reported(UUID deliveryId, String statusCode, Instant reportedAt, String incomingNumber) {
        Progress step = Progress.ofStatusCode(statusCode).orElse(null);
        if (step == null) return;
        jdbc.sql("update delivery set " + step.column + " = coalesce(" + step.column + ", ?) where id = ?")
                .params(Timestamp.from(reportedAt), deliveryId).update();
        if (step == Progress.REGISTERED && incomingNumber != null && !incomingNumber.isBlank()) {
            jdbc.sql("update delivery set incoming_number = coalesce(incoming_number, ?) where id = ?")
                    .params(incomingNumber.strip(), deliveryId).update();
        }
        if (step.finishes()) {
            // Once, at the first finish: later than the due day (Hanoi) or not, for the reports' overdue.
            jdbc.sql("update delivery set finished_late = (cast(? as date) > due_on) where id = ? and finished_late is null and due_on is not null")
                    .params(java.sql.Date.valueOf(reportedAt.atZone(WorkingCalendar.HANOI).toLocalDate()), deliveryId).update();
        }
        String order = "array['" + String.join("','", Progress.ordered()) + "']";
        jdbc.sql("update delivery set progress = ? where id = ? and (progress is null or array_position(" + order
                        + ", progress) < array_position(" + order + ", ?::text))")
                .params(statusCode, deliveryId, statusCode).update();
    }

    /** Today in Hanoi, the day deadlines are compared with. */
    public LocalDate today() {
        return WorkingCalendar.today(clock);
    }

    private static LocalDate date(javax.xml.datatype.XMLGregorianCalendar value) {
        return LocalDate.of(value.getYear(), value.getMonth(), value.getDay());
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
