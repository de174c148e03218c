package vn.gov.hanoi.lienthong.operations.pages;

import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.gov.hanoi.lienthong.core.operator.OperatorCommand;
import vn.gov.hanoi.lienthong.core.refusal.Reason;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.operations.actions.OperatorActions;

/**
 * The operator page (/operator, operator role): failed and overdue deliveries, a document's deliveries, the
 * agencies and their state, the latest actions — and a form for each action, with its reason, handed to the same
 * checks and the same queue as the admin API ({@link OperatorActions}). Server-rendered, Vietnamese first, nothing
 * fetched from outside; each action answers with a redirect to the page and a line saying what was asked or why
 * it was refused.
 */
@Controller
@RequestMapping("/operator")
public class OperatorPage {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorPage.class);

    private final OperatorOverview overview;
    private final OperatorActions actions;

    public OperatorPage(OperatorOverview overview, OperatorActions actions) {
        this.overview = overview;
        this.actions = actions;
    }

    @GetMapping
    public String page(@RequestParam(required = false) String document, Model model, Authentication person) {
        model.addAttribute("person", person.getName());
        model.addAttribute("failed", overview.failed());
        model.addAttribute("overdue", overview.overdue());
        model.addAttribute("agencies", overview.agencies());
        model.addAttribute("actions", overview.latestActions());
        if (document != null && !document.isBlank()) {
            model.addAttribute("document", document.strip());
            try {
                model.addAttribute("documentDeliveries", overview.ofDocument(UUID.fromString(document.strip())));
            } catch (IllegalArgumentException e) {
                model.addAttribute("documentNotAnId", true);
            }
        }
        return "operator";
    }

    @PostMapping("/deliveries/{deliveryId}/{verb}")
    public String onDelivery(@PathVariable UUID deliveryId, @PathVariable String verb, @RequestParam(required = false) String reason,
                             @RequestParam(required = false) String document, Authentication person, Locale locale,
                             RedirectAttributes redirect) {
        return act(redirect, locale, document, () -> switch (verb) {
            case "redrive" -> actions.redrive(person.getName(), deliveryId, reason);
            case "cancel" -> actions.cancel(person.getName(), deliveryId, reason);
            case "resend" -> actions.resend(person.getName(), deliveryId, reason);
            default -> throw RefusedException.because(ReasonCode.REQUEST_INVALID, verb);
        });
    }

    @PostMapping("/agencies/{organId}/{verb}")
    public String onAgency(@PathVariable String organId, @PathVariable String verb, @RequestParam(required = false) String reason,
                           Authentication person, Locale locale, RedirectAttributes redirect) {
        return act(redirect, locale, null, () -> switch (verb) {
            case "suspend" -> actions.suspend(person.getName(), organId, reason);
            case "reactivate" -> actions.reactivate(person.getName(), organId, reason);
            case "redrive-failed" -> actions.redriveAgency(person.getName(), organId, reason);
            default -> throw RefusedException.because(ReasonCode.REQUEST_INVALID, verb);
        });
    }

    @PostMapping("/directory/reload")
    public String reloadDirectory(@RequestParam(required = false) String reason, Authentication person, Locale locale,
                                  RedirectAttributes redirect) {
        return act(redirect, locale, null, () -> actions.reloadDirectory(person.getName(), reason));
    }

    private String act(RedirectAttributes redirect, Locale locale, String document, java.util.function.Supplier<OperatorCommand> action) {
        try {
            OperatorCommand command = action.get();
            redirect.addFlashAttribute("asked", command.action());
            redirect.addFlashAttribute("askedId", command.actionId());
        } catch (RefusedException refused) {
            Reason reason = refused.reason();
            LOG.info("Operator page: refused {}: {}", reason.code(), reason.messageEn());
            redirect.addFlashAttribute("refusedCode", reason.code());
            redirect.addFlashAttribute("refused", "en".equals(locale.getLanguage()) ? reason.messageEn() : reason.messageVi());
        }
        if (document != null && !document.isBlank()) redirect.addAttribute("document", document.strip());
        return "redirect:/operator";
    }
}
