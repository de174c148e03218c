package vn.gov.hanoi.lienthong.archive.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.gov.hanoi.lienthong.archive.access.ArchiveReader;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/**
 * The search page (server-rendered, Vietnamese first, a plain GET form that works without script): the same search as
 * the API, through the same service, for archivists and an agency's clerks and leaders.
 */
@Controller
public class SearchPage {

    private static final Logger LOG = LoggerFactory.getLogger(SearchPage.class);

    private final ArchiveSearch search;
    private final vn.gov.hanoi.lienthong.core.directory.AgencyDirectory directory;

    public SearchPage(ArchiveSearch search, vn.gov.hanoi.lienthong.core.directory.AgencyDirectory directory) {
        this.directory = directory;
        this.search = search;
    }

    @GetMapping("/archive/search")
    public String page(Authentication person, Model model, Locale locale,
                       @RequestParam(required = false) String words, @RequestParam(defaultValue = "false") boolean ignoreAccents,
                       @RequestParam(required = false) String organ, @RequestParam(required = false) String type,
                       @RequestParam(required = false) String notation, @RequestParam(required = false) String signer,
                       @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        model.addAttribute("person", person.getName());
        model.addAttribute("words", words);
        model.addAttribute("ignoreAccents", ignoreAccents);
        model.addAttribute("organ", organ);
        model.addAttribute("type", type);
        model.addAttribute("notation", notation);
        model.addAttribute("signer", signer);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        boolean asked = words != null || organ != null || type != null || notation != null || signer != null || from != null;
        model.addAttribute("asked", asked);
        if (!asked) return "archive-search";
        try {
            List<ArchiveSearch.Hit> hits = search.search(ArchiveReader.of(person, directory), new ArchiveSearch.Query(blank(words), ignoreAccents,
                    blank(organ), blank(type), blank(notation), blank(signer), date(from), date(to)));
            model.addAttribute("hits", hits);
        } catch (RefusedException refused) {
            LOG.info("Refused {} a search: {}", person.getName(), refused.reason().code());
            model.addAttribute("refusedCode", refused.reason().code());
            model.addAttribute("refused", "en".equals(locale.getLanguage()) ? refused.reason().messageEn() : refused.reason().messageVi());
        }
        return "archive-search";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw RefusedException.because(ReasonCode.REQUEST_INVALID, "a date as YYYY-MM-DD: " + value);
        }
    }
}
