package vn.gov.hanoi.lienthong.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;
import vn.gov.hanoi.lienthong.core.document.StatusStore;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.core.status.StatusCodes;

/**
 * What the tracking's API and pages call: the lists and counts of a person's agencies, a document's journey, and
 * the clerk's confirmation that a paper copy arrived. Every answer is cut to the person's {@link AgencyScope}.
 */
@Service
public class TrackingService {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingService.class);

    private final TrackingQueries queries;
    private final DocumentStore documents;
    private final StatusStore statuses;
    private final AgencyDirectory directory;
    private final WorkingCalendar calendar;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final java.time.Clock clock;

    public TrackingService(TrackingQueries queries, DocumentStore documents, StatusStore statuses, AgencyDirectory directory,
                           WorkingCalendar calendar, JdbcClient jdbc, TransactionTemplate transaction, java.time.Clock clock) {
        this.queries = queries;
        this.documents = documents;
        this.statuses = statuses;
        this.directory = directory;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    public List<TrackedDelivery> received(AgencyScope scope, String organ, TrackingFilter filter) {
        return queries.received(scope.narrowedTo(organ), filter);
    }

    public List<TrackedDelivery> sent(AgencyScope scope, String organ, TrackingFilter filter) {
        return queries.sent(scope.narrowedTo(organ), filter);
    }

    public java.util.Map<String, Long> counts(AgencyScope scope, String organ) {
        return queries.counts(scope.narrowedTo(organ));
    }

    public List<TrackedDelivery> latePaperCopies(AgencyScope scope, String organ) {
        return queries.latePaperCopies(scope.narrowedTo(organ), calendar);
    }

    /**
     * The journey of a document the person's agencies sent (every recipient) or received (their own deliveries);
     * NOT_A_PARTY for anyone else, whether or not the document exists beyond the lookup.
     */
    public DocumentJourney journey(AgencyScope scope, UUID documentId) {
        DocumentRecord document = documents.find(documentId)
                .orElseThrow(() -> RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, documentId));
        boolean sender = scope.covers(document.senderOrganId());
        List<TrackedDelivery> visible = queries.deliveriesOf(documentId).stream()
                .filter(d -> sender || scope.covers(d.recipientOrganId())).toList();
        if (!sender && visible.isEmpty()) {
            throw RefusedException.because(ReasonCode.NOT_A_PARTY, scope.organId(), documentId);
        }
        Set<String> parties = visible.stream().map(TrackedDelivery::recipientOrganId).collect(Collectors.toSet());
        List<DocumentJourney.Step> steps = statuses.forDocument(documentId).stream()
                .filter(s -> sender || parties.contains(s.organId()))
                .map(s -> new DocumentJourney.Step(s.organId(), nameOf(s.organId()), s.statusCode(),
                        StatusCodes.vietnameseName(s.statusCode()), s.description(), s.reportedAt()))
                .toList();
        TrackedDelivery any = visible.isEmpty() ? null : visible.get(0);
        return new DocumentJourney(documentId, document.senderOrganId(), nameOf(document.senderOrganId()), document.subject(),
                any != null ? any.numberAndNotation() : document.codeNotation(), any != null ? any.typeNumber() : null,
                any != null ? any.typeName() : null, document.state().name(), document.receivedAt(), visible, steps);
    }

    /**
     * The recipient's clerk confirms that the paper copy arrived (Article 5.1). Once: a second confirmation
     * returns the first. Only for a delivery the policy gave a paper copy.
     */
    public TrackedDelivery confirmPaperCopy(AgencyScope scope, UUID documentId) {
        scope.requireClerk();
        return transaction.execute(tx -> {
            TrackedDelivery delivery = queries.deliveriesOf(documentId).stream()
                    .filter(d -> d.recipientOrganId().equals(scope.organId())).findFirst()
                    .orElseThrow(() -> documents.find(documentId).isPresent()
                            ? RefusedException.because(ReasonCode.NOT_A_RECIPIENT, documentId, scope.organId())
                            : RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, documentId));
            if (!delivery.paperRequired()) {
                throw RefusedException.because(ReasonCode.PAPER_COPY_NOT_REQUIRED, documentId, scope.organId(), delivery.paperArticle());
            }
            Instant now = clock.instant();
            int confirmed = jdbc.sql("update delivery set paper_confirmed_at = ?, paper_confirmed_by = ? "
                            + "where id = ? and paper_confirmed_at is null")
                    .params(java.sql.Timestamp.from(now), scope.person(), delivery.deliveryId()).update();
            if (confirmed == 1) {
                LOG.info("Paper copy of document {} confirmed at {} by {}", documentId, scope.organId(), scope.person());
            }
            return queries.deliveriesOf(documentId).stream().filter(d -> d.deliveryId().equals(delivery.deliveryId()))
                    .findFirst().orElseThrow();
        });
    }

    private String nameOf(String organId) {
        return directory.byOrganId(organId).map(Agency::name).orElse(organId);
    }
}
