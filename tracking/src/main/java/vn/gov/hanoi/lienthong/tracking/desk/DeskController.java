package vn.gov.hanoi.lienthong.tracking.desk;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.core.status.StatusCodes;
import vn.gov.hanoi.lienthong.tracking.AgencyScope;
import vn.gov.hanoi.lienthong.tracking.TrackedDelivery;
import vn.gov.hanoi.lienthong.tracking.TrackingConfiguration;
import vn.gov.hanoi.lienthong.tracking.TrackingQueries;
import vn.gov.hanoi.lienthong.tracking.register.Register;
import vn.gov.hanoi.lienthong.tracking.register.RegisterEntry;
import vn.gov.hanoi.lienthong.tracking.register.Registers;

/**
 * The desk's actions over REST (the desk page calls the same service) and the registers an agency's people read.
 */
@RestController
@RequestMapping("/api/v1/tracking")
@io.swagger.v3.oas.annotations.security.SecurityRequirement(name = TrackingConfiguration.PERSON)
@io.swagger.v3.oas.annotations.tags.Tag(name = "tracking", description = "What an agency's clerks and leaders follow (Article 9.3), as people signed in")
public class DeskController {

    private final DeskService desk;
    private final Registers registers;
    private final AgencyDirectory directory;
    private final TrackingQueries queries;

    public DeskController(DeskService desk, Registers registers, AgencyDirectory directory, TrackingQueries queries) {
        this.desk = desk;
        this.registers = registers;
        this.directory = directory;
        this.queries = queries;
    }

    @PostMapping("/documents/{id}/register")
    @Operation(operationId = "deskRegister", summary = "The desk clerk enters the document in the incoming register (status 03 with its number)")
    public TrackedDelivery register(Authentication person, @PathVariable UUID id, @RequestBody(required = false) DeskService.Action action) {
        return desk.register(scope(person), id, orEmpty(action));
    }

    @PostMapping("/documents/{id}/assign")
    @Operation(operationId = "deskAssign", summary = "The desk clerk records to whom the leader assigned it (status 04)")
    public TrackedDelivery assign(Authentication person, @PathVariable UUID id, @RequestBody(required = false) DeskService.Action action) {
        return desk.assign(scope(person), id, orEmpty(action));
    }

    @PostMapping("/documents/{id}/handling")
    @Operation(operationId = "deskHandling", summary = "The desk clerk reports it being handled (status 05)")
    public TrackedDelivery handling(Authentication person, @PathVariable UUID id, @RequestBody(required = false) DeskService.Action action) {
        return desk.progress(scope(person), id, StatusCodes.IN_PROGRESS, orEmpty(action));
    }

    @PostMapping("/documents/{id}/done")
    @Operation(operationId = "deskDone", summary = "The desk clerk reports it done (status 06)")
    public TrackedDelivery done(Authentication person, @PathVariable UUID id, @RequestBody(required = false) DeskService.Action action) {
        return desk.progress(scope(person), id, StatusCodes.DONE, orEmpty(action));
    }

    @PostMapping("/documents/{id}/refuse")
    @Operation(operationId = "deskRefuse", summary = "The desk clerk refuses it, with the reason (status 02)")
    public TrackedDelivery refuse(Authentication person, @PathVariable UUID id, @RequestBody(required = false) DeskService.Action action) {
        return desk.refuse(scope(person), id, orEmpty(action));
    }

    @GetMapping("/registers/{register}")
    @Operation(operationId = "registerLines", summary = "An agency's incoming or outgoing register for a period, in number order")
    public List<RegisterEntry> lines(Authentication person,
                                     @Parameter(description = "incoming or outgoing") @PathVariable String register,
                                     @Parameter(description = "One of the person's agencies (default: the own)") @RequestParam(required = false) String organ,
                                     @Parameter(description = "First day (Hanoi); default 1 January of this year") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @Parameter(description = "Last day (Hanoi); default today") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        AgencyScope scope = scope(person);
        String organId = organ == null || organ.isBlank() ? scope.organId() : scope.narrowedTo(organ)[0];
        LocalDate today = queries.today();
        LocalDate first = from != null ? from : today.withDayOfYear(1);
        LocalDate last = to != null ? to : today;
        if (last.isBefore(first)) throw RefusedException.because(ReasonCode.REQUEST_INVALID, "the period ends before it starts");
        return registers.lines(organId, Register.named(register), first, last);
    }

    private AgencyScope scope(Authentication person) {
        return AgencyScope.of(person, directory);
    }

    private static DeskService.Action orEmpty(DeskService.Action action) {
        return action == null ? new DeskService.Action(null, null, null) : action;
    }
}
