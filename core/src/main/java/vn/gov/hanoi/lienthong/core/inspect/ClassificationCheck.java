package vn.gov.hanoi.lienthong.core.inspect;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;

/**
 * Article 1: classified documents (Mật, Tối mật, Tuyệt mật) are outside Decision 57 and may not travel
 * through the hub — whether the envelope's SecurityClassification says so or the subject opens with the mark
 * ({@link ClassificationMarks}; the first page of a PDF is PdfContentCheck's). A refusal is also written to the security log ("lienthong.security") for the security
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
        Optional<String> field = document.header()
                .map(header -> header.getOtherInfo() == null ? null : header.getOtherInfo().getSecurityClassification())
                .filter(ClassificationCheck::isClassified)
                .map(String::strip);
        if (field.isPresent()) {
            return List.of(refusal(document, field.get(), "SecurityClassification"));
        }
        return ClassificationMarks.inSubject(document.record().subject())
                .map(mark -> List.of(refusal(document, mark, "the subject")))
                .orElse(List.of());
    }

    /** The refusal of a classified document, written to the security log as well: who sent what, never its content. */
    static Finding refusal(InspectedDocument document, String mark, String where) {
        SECURITY_LOG.warn("Refused classified document ({} in {}): hub id {}, sender {}, sender's id {}, notation {}",
                mark, where, document.record().id(), document.record().senderOrganId(),
                document.record().senderDocumentId(), document.record().codeNotation());
        return Finding.refusal(ReasonCode.CLASSIFIED_DOCUMENT.with(mark));
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
