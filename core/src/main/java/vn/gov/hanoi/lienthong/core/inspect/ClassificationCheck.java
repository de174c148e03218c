package vn.gov.hanoi.lienthong.core.inspect;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;

/**
 * Article 1: classified documents (Mật, Tối mật, Tuyệt mật) are outside Decision 57 and may not travel
 * through the hub. A refusal is also written to the security log ("lienthong.security") for the security
 * officer, with who sent what, and never the document's content.
 */
@Component
@Order(20)
public class ClassificationCheck implements LegalityCheck {

    static final Logger SECURITY_LOG = LoggerFactory.getLogger("lienthong.security");

    /** The marks, lower-cased, with and without their diacritics (a mark typed without them is still a mark). */
    private static final Set<String> CLASSIFIED = Set.of("mật", "tối mật", "tuyệt mật", "mat", "toi mat", "tuyet mat");

    @Override
    public List<Finding> check(InspectedDocument document) {
        return document.header()
                .map(header -> header.getOtherInfo() == null ? null : header.getOtherInfo().getSecurityClassification())
                .filter(mark -> isClassified(mark))
                .map(mark -> {
                    SECURITY_LOG.warn("Refused classified document ({}): hub id {}, sender {}, sender's id {}, notation {}",
                            mark.strip(), document.record().id(), document.record().senderOrganId(),
                            document.record().senderDocumentId(), document.record().codeNotation());
                    return List.of(Finding.refusal(ReasonCode.CLASSIFIED_DOCUMENT.with(mark.strip())));
                })
                .orElse(List.of());
    }

    static boolean isClassified(String mark) {
        if (mark == null) return false;
        String normalized = Normalizer.normalize(mark, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
        String withoutDiacritics = Normalizer.normalize(normalized, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd');
        return CLASSIFIED.contains(normalized) || CLASSIFIED.contains(withoutDiacritics);
    }
}
