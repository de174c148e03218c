package vn.gov.hanoi.lienthong.tracking.desk;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.document.DeliveryState;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.core.status.StatusCodes;
import vn.gov.hanoi.lienthong.routes.HubEndpoints;
import vn.gov.hanoi.lienthong.tracking.AgencyScope;
import vn.gov.hanoi.lienthong.tracking.TrackedDelivery;
import vn.gov.hanoi.lienthong.tracking.TrackingQueries;
import vn.gov.hanoi.lienthong.tracking.register.Register;
import vn.gov.hanoi.lienthong.tracking.register.RegisterEntry;
import vn.gov.hanoi.lienthong.tracking.register.Registers;

/**
 * The browser desk of an agency without document software (Article 6.2b; {@code desk: true} in the directory):
 * its clerk registers what reached it (the number from the hub's register where the hub keeps it), assigns it,
 * reports it being handled, done or refused. Each action is the status a DMS would report — 01 first if none was
 * — built as the agency's edXML status message and put through the status stage, so that it is recorded and
 * reaches the sender exactly as a DMS's would. A repeated registration gives the same number and reports nothing new.
 */
@Service
public class DeskService {

    private static final Logger LOG = LoggerFactory.getLogger(DeskService.class);

    private final TrackingQueries queries;
    private final DocumentStore documents;
    private final AgencyDirectory directory;
    private final Registers registers;
    private final ProducerTemplate camel;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public DeskService(TrackingQueries queries, DocumentStore documents, AgencyDirectory directory, Registers registers,
                       ProducerTemplate camel, TransactionTemplate transaction, Clock clock) {
        this.queries = queries;
        this.documents = documents;
        this.directory = directory;
        this.registers = registers;
        this.camel = camel;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What the clerk asks: to whom it is given, a note, and — where the hub keeps no register — the number given. */
    public record Action(String handledBy, String note, String incomingNumber) {
    }

    /**
     * Enters the document in the agency's incoming register and reports 03 with its number. Where the hub keeps
     * no register for the agency, the clerk gives the number of the agency's own.
     */
    public TrackedDelivery register(AgencyScope scope, UUID documentId, Action action) {
        Desk desk = open(scope, documentId);
        String number;
        Instant at;
        if (desk.agency.keepsRegisters()) {
            RegisterEntry entry = transaction.execute(tx -> registers.ofDocument(desk.agency.organId(), Register.INCOMING, documentId)
                    .orElseGet(() -> registers.enter(new RegisterEntry(desk.agency.organId(), Register.INCOMING, 0, 0, documentId,
                            now(), desk.delivery.senderName(), desk.delivery.numberAndNotation(), desk.delivery.promulgationDate(),
                            desk.delivery.typeName(), desk.delivery.subject(), blankToNull(action.handledBy()),
                            blankToNull(action.note()), scope.person()))));
            number = Integer.toString(entry.number());
            at = entry.enteredAt().truncatedTo(ChronoUnit.MILLIS);
        } else {
            if (action.incomingNumber() == null || action.incomingNumber().isBlank()) {
                throw RefusedException.because(ReasonCode.INCOMING_NUMBER_REQUIRED, desk.agency.organId());
            }
            number = action.incomingNumber().strip();
            at = now();
        }
        report(scope, desk, StatusCodes.REGISTERED, "Đã vào sổ văn bản đến, số đến " + number + withNote(action.note()), at, number);
        return reread(desk);
    }

    /** Reports 04: the leader has assigned it — to whom ({@code handledBy}: a unit or person) is required. */
    public TrackedDelivery assign(AgencyScope scope, UUID documentId, Action action) {
        Desk desk = open(scope, documentId);
        require(action.handledBy(), "người hoặc đơn vị được giao xử lý / whom it is assigned to");
        report(scope, desk, StatusCodes.ASSIGNED, "Giao xử lý: " + action.handledBy().strip() + withNote(action.note()), now(), null);
        return reread(desk);
    }

    /** Reports 05 (being handled) or 06 (done). */
    public TrackedDelivery progress(AgencyScope scope, UUID documentId, String code, Action action) {
        if (!StatusCodes.IN_PROGRESS.equals(code) && !StatusCodes.DONE.equals(code)) throw new IllegalArgumentException(code);
        Desk desk = open(scope, documentId);
        String what = StatusCodes.DONE.equals(code) ? "Đã hoàn thành xử lý" : "Đang xử lý";
        report(scope, desk, code, what + withNote(action.note()), now(), null);
        return reread(desk);
    }

    /** Reports 02: the agency refuses the document, with its reason (required). */
    public TrackedDelivery refuse(AgencyScope scope, UUID documentId, Action action) {
        Desk desk = open(scope, documentId);
        require(action.note(), "lý do từ chối / the reason for refusing it");
        report(scope, desk, StatusCodes.REFUSED, "Từ chối tiếp nhận: " + action.note().strip(), now(), null);
        return reread(desk);
    }

    private record Desk(Agency agency, DocumentRecord document, TrackedDelivery delivery) {
    }

    /** The document as the clerk's agency has it on the desk: addressed to it and on the hub for it. */
    private Desk open(AgencyScope scope, UUID documentId) {
        scope.requireClerk();
        Agency agency = directory.byOrganId(scope.organId())
                .orElseThrow(() -> RefusedException.because(ReasonCode.NOT_PERMITTED));
        if (!agency.usesDesk()) throw RefusedException.because(ReasonCode.DESK_NOT_OPEN, agency.organId());
        DocumentRecord document = documents.find(documentId)
                .orElseThrow(() -> RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, documentId));
        TrackedDelivery delivery = queries.deliveriesOf(documentId).stream()
                .filter(d -> d.recipientOrganId().equals(agency.organId())).findFirst()
                .filter(d -> d.deliveryState().equals(DeliveryState.AVAILABLE.name()) || d.deliveryState().equals(DeliveryState.DELIVERED.name()))
                .orElseThrow(() -> RefusedException.because(ReasonCode.NOT_A_RECIPIENT, documentId, agency.organId()));
        return new Desk(agency, document, delivery);
    }

    /** The status through the status stage, as the agency's system would report it; 01 first if nothing was. */
    private void report(AgencyScope scope, Desk desk, String code, String description, Instant at, String incomingNumber) {
        if (desk.delivery.progress() == null && !StatusCodes.ARRIVED.equals(code)) {
            send(scope, desk, StatusCodes.ARRIVED, "Văn thư đã nhận văn bản trên trang văn thư của trục", at.minusMillis(1), null);
        }
        send(scope, desk, code, description, at, incomingNumber);
        LOG.info("Desk: {} reported {} on document {} for {}", scope.person(), code, desk.document.id(), desk.agency.organId());
    }

    private void send(AgencyScope scope, Desk desk, String code, String description, Instant at, String incomingNumber) {
        byte[] message = DeskStatusMessage.of(desk.agency.organId(), desk.agency.name(), desk.document.senderOrganId(),
                desk.document.senderDocumentId(), code, description, at, scope.person(), incomingNumber);
        try {
            camel.requestBodyAndHeaders(HubEndpoints.STATUS, message,
                    Map.of(HubEndpoints.CALLER, desk.agency, HubEndpoints.DOCUMENT_ID, desk.document.id()));
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RefusedException refused) throw refused;
            throw e;
        }
    }

    private TrackedDelivery reread(Desk desk) {
        return queries.deliveriesOf(desk.document.id()).stream().filter(d -> d.deliveryId().equals(desk.delivery.deliveryId()))
                .findFirst().orElseThrow();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) throw RefusedException.because(ReasonCode.STATUS_NOTE_REQUIRED, what);
    }

    private static String withNote(String note) {
        return note == null || note.isBlank() ? "" : ". " + note.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
