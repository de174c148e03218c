package vn.gov.hanoi.lienthong.tracking.pages;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.policy.DocumentPolicy;
import vn.gov.hanoi.lienthong.core.refusal.Reason;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.core.status.StatusCodes;
import vn.gov.hanoi.lienthong.operations.people.PeopleDirectory;
import vn.gov.hanoi.lienthong.operations.people.Person;
import vn.gov.hanoi.lienthong.tracking.AgencyScope;
import vn.gov.hanoi.lienthong.tracking.DocumentJourney;
import vn.gov.hanoi.lienthong.tracking.TrackedDelivery;
import vn.gov.hanoi.lienthong.tracking.TrackingFilter;
import vn.gov.hanoi.lienthong.tracking.TrackingService;
import vn.gov.hanoi.lienthong.tracking.desk.DeskService;
import vn.gov.hanoi.lienthong.tracking.register.Register;
import vn.gov.hanoi.lienthong.tracking.register.Registers;

/**
 * The pages of an agency's clerks and leaders (/tracking): what the agency received and sent with what is
 * overdue, a document's journey with the desk's actions and the paper copy, and the registers. Server-rendered,
 * Vietnamese first, nothing fetched from outside, forms that work without script; every page and action calls the
 * same services as the API ({@link TrackingService}, {@link DeskService}), never its own SQL. A refusal comes back
 * on the page with its code and its sentence in the page's language.
 */
@Controller
@RequestMapping("/tracking")
public class TrackingPages {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingPages.class);

    private final TrackingService tracking;
    private final DeskService desk;
    private final Registers registers;
    private final AgencyDirectory directory;
    private final PeopleDirectory people;
    private final DocumentPolicy policy;

    public TrackingPages(TrackingService tracking, DeskService desk, Registers registers, AgencyDirectory directory,
                         PeopleDirectory people, DocumentPolicy policy) {
        this.tracking = tracking;
        this.desk = desk;
        this.registers = registers;
        this.directory = directory;
        this.people = people;
        this.policy = policy;
    }

    @GetMapping
    public String overview(Authentication person, Model model, Locale locale,
                           @RequestParam(required = false, defaultValue = "received") String view,
                           @RequestParam(required = false) String organ, @RequestParam(required = false) String state,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           @RequestParam(required = false) Integer type, @RequestParam(required = false) String party,
                           @RequestParam(required = false) Integer offset) {
        AgencyScope scope = common(person, model);
        String shown = switch (view) {
            case "sent", "paper" -> view;
            default -> "received";
        };
        model.addAttribute("view", shown);
        model.addAttribute("organ", organ);
        model.addAttribute("state", state);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("type", type);
        model.addAttribute("party", party);
        model.addAttribute("types", policy.types());
        model.addAttribute("states", List.of("open", "overdue", "unanswered", "done", "refused", "failed"));
        try {
            model.addAttribute("counts", tracking.counts(scope, organ));
            List<TrackedDelivery> rows = switch (shown) {
                case "sent" -> tracking.sent(scope, organ, TrackingFilter.of(from, to, type, party, state, offset));
                case "paper" -> tracking.latePaperCopies(scope, organ);
                default -> tracking.received(scope, organ, TrackingFilter.of(from, to, type, party, state, offset));
            };
            model.addAttribute("rows", rows);
        } catch (RefusedException refused) {
            refusal(model, refused, locale);
            model.addAttribute("rows", List.of());
            model.addAttribute("counts", Map.of());
        }
        return "tracking";
    }

    @GetMapping("/documents/{id}")
    public String document(Authentication person, @PathVariable UUID id, Model model, Locale locale) {
        AgencyScope scope = common(person, model);
        try {
            DocumentJourney journey = tracking.journey(scope, id);
            model.addAttribute("journey", journey);
            Agency own = directory.byOrganId(scope.organId()).orElse(null);
            TrackedDelivery ownDelivery = journey.recipients().stream()
                    .filter(r -> r.recipientOrganId().equals(scope.organId())).findFirst().orElse(null);
            model.addAttribute("own", ownDelivery);
            model.addAttribute("deskOpen", scope.clerk() && own != null && own.usesDesk() && ownDelivery != null);
            model.addAttribute("mayConfirmPaper", scope.clerk() && ownDelivery != null && ownDelivery.paperRequired()
                    && ownDelivery.paperConfirmedAt() == null);
            model.addAttribute("registerKept", own != null && own.keepsRegisters());
        } catch (RefusedException refused) {
            refusal(model, refused, locale);
        }
        return "tracking-document";
    }

    @PostMapping("/documents/{id}/{verb}")
    public String act(Authentication person, @PathVariable UUID id, @PathVariable String verb,
                      @RequestParam(required = false) String handledBy, @RequestParam(required = false) String note,
                      @RequestParam(required = false) String incomingNumber, Locale locale, RedirectAttributes redirect) {
        AgencyScope scope = AgencyScope.of(person, directory);
        DeskService.Action action = new DeskService.Action(handledBy, note, incomingNumber);
        try {
            TrackedDelivery after = switch (verb) {
                case "register" -> desk.register(scope, id, action);
                case "assign" -> desk.assign(scope, id, action);
                case "handling" -> desk.progress(scope, id, StatusCodes.IN_PROGRESS, action);
                case "done" -> desk.progress(scope, id, StatusCodes.DONE, action);
                case "refuse" -> desk.refuse(scope, id, action);
                case "paper-copy" -> tracking.confirmPaperCopy(scope, id);
                default -> throw RefusedException.because(vn.gov.hanoi.lienthong.core.refusal.ReasonCode.REQUEST_INVALID, verb);
            };
            redirect.addFlashAttribute("done", verb);
            redirect.addFlashAttribute("doneNumber", after.incomingNumber());
        } catch (RefusedException refused) {
            Reason reason = refused.reason();
            LOG.info("Tracking page: refused {} to {}: {}", verb, person.getName(), reason.code());
            redirect.addFlashAttribute("refusedCode", reason.code());
            redirect.addFlashAttribute("refused", "en".equals(locale.getLanguage()) ? reason.messageEn() : reason.messageVi());
        }
        return "redirect:/tracking/documents/" + id;
    }

    @GetMapping("/registers/{register}")
    public String register(Authentication person, @PathVariable String register, Model model, Locale locale,
                           @RequestParam(required = false) String organ,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        AgencyScope scope = common(person, model);
        LocalDate today = LocalDate.now(vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar.HANOI);
        LocalDate first = from != null ? from : today.withDayOfYear(1);
        LocalDate last = to != null ? to : today;
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        try {
            Register which = Register.named(register);
            String organId = organ == null || organ.isBlank() ? scope.organId() : scope.narrowedTo(organ)[0];
            model.addAttribute("register", which);
            model.addAttribute("registerOrgan", directory.byOrganId(organId).map(Agency::name).orElse(organId));
            model.addAttribute("lines", registers.lines(organId, which, first, last));
        } catch (RefusedException refused) {
            refusal(model, refused, locale);
            model.addAttribute("lines", List.of());
        }
        return "tracking-register";
    }

    /** What every page shows: who is signed in, for which agency, and the agencies the person may choose. */
    private AgencyScope common(Authentication person, Model model) {
        AgencyScope scope = AgencyScope.of(person, directory);
        model.addAttribute("person", people.byUsername(person.getName()).map(Person::name).orElse(person.getName()));
        model.addAttribute("scope", scope);
        model.addAttribute("agencyName", directory.byOrganId(scope.organId()).map(Agency::name).orElse(scope.organId()));
        Map<String, String> organs = new LinkedHashMap<>();
        for (String organ : scope.organs()) organs.put(organ, directory.byOrganId(organ).map(Agency::name).orElse(organ));
        model.addAttribute("organs", organs);
        return scope;
    }

    private static void refusal(Model model, RefusedException refused, Locale locale) {
        model.addAttribute("refusedCode", refused.reason().code());
        model.addAttribute("refused", "en".equals(locale.getLanguage()) ? refused.reason().messageEn() : refused.reason().messageVi());
    }
}
