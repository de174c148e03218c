package vn.gov.hanoi.lienthong.tracking;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;

/**
 * The tracking over REST for clerks and leaders (HTTP Basic, or the session of the pages): their agencies'
 * documents received and sent, what is overdue, a document's journey, the paper copies. Agency systems have their
 * own history call (/api/v1/documents/{id}/history); these are people's.
 */
@RestController
@RequestMapping("/api/v1/tracking")
@io.swagger.v3.oas.annotations.security.SecurityRequirement(name = TrackingConfiguration.PERSON)
@io.swagger.v3.oas.annotations.tags.Tag(name = "tracking", description = "What an agency's clerks and leaders follow (Article 9.3), as people signed in")
public class TrackingController {

    private final TrackingService tracking;
    private final AgencyDirectory directory;

    public TrackingController(TrackingService tracking, AgencyDirectory directory) {
        this.tracking = tracking;
        this.directory = directory;
    }

    @GetMapping("/received")
    @Operation(operationId = "trackReceived", summary = "Documents the person's agencies received, one row per document and agency",
            description = "Newest first; state=overdue lists the overdue ones by due day.")
    public List<TrackedDelivery> received(Authentication person,
                                          @Parameter(description = "One of the person's agencies (default: all of them)") @RequestParam(required = false) String organ,
                                          @Parameter(description = "First day sent (Hanoi)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @Parameter(description = "Last day sent (Hanoi)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                          @Parameter(description = "Document type (number of the official list)") @RequestParam(required = false) Integer type,
                                          @Parameter(description = "The sender's organ code") @RequestParam(required = false) String sender,
                                          @Parameter(description = "open, overdue, done, refused, unanswered or failed") @RequestParam(required = false) String state,
                                          @RequestParam(required = false) Integer offset) {
        return tracking.received(scope(person), organ, TrackingFilter.of(from, to, type, sender, state, offset));
    }

    @GetMapping("/sent")
    @Operation(operationId = "trackSent", summary = "Documents the person's agencies sent, one row per recipient",
            description = "state=unanswered: the recipients that have reported nothing yet.")
    public List<TrackedDelivery> sent(Authentication person,
                                      @Parameter(description = "One of the person's agencies (default: all of them)") @RequestParam(required = false) String organ,
                                      @Parameter(description = "First day sent (Hanoi)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @Parameter(description = "Last day sent (Hanoi)") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      @Parameter(description = "Document type (number of the official list)") @RequestParam(required = false) Integer type,
                                      @Parameter(description = "The recipient's organ code") @RequestParam(required = false) String recipient,
                                      @Parameter(description = "open, overdue, done, refused, unanswered or failed") @RequestParam(required = false) String state,
                                      @RequestParam(required = false) Integer offset) {
        return tracking.sent(scope(person), organ, TrackingFilter.of(from, to, type, recipient, state, offset));
    }

    @GetMapping("/summary")
    @Operation(operationId = "trackSummary", summary = "Received and open, overdue; sent and unanswered, overdue at the recipients")
    public Map<String, Long> summary(Authentication person, @RequestParam(required = false) String organ) {
        return tracking.counts(scope(person), organ);
    }

    @GetMapping("/documents/{id}")
    @Operation(operationId = "trackDocument", summary = "A document's journey: each recipient's progress and deadline, the statuses")
    public DocumentJourney journey(Authentication person, @PathVariable UUID id) {
        return tracking.journey(scope(person), id);
    }

    @GetMapping("/paper-copies/late")
    @Operation(operationId = "latePaperCopies", summary = "Paper copies (Article 5.1) not confirmed in time, received or sent")
    public List<TrackedDelivery> latePaperCopies(Authentication person, @RequestParam(required = false) String organ) {
        return tracking.latePaperCopies(scope(person), organ);
    }

    @PostMapping("/documents/{id}/paper-copy")
    @Operation(operationId = "confirmPaperCopy", summary = "The recipient's clerk confirms the paper copy arrived")
    public TrackedDelivery confirmPaperCopy(Authentication person, @PathVariable UUID id) {
        return tracking.confirmPaperCopy(scope(person), id);
    }

    private AgencyScope scope(Authentication person) {
        return AgencyScope.of(person, directory);
    }
}
