package vn.gov.hanoi.lienthong.core.inspect;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.policy.DocumentPolicy;
import vn.gov.hanoi.lienthong.core.policy.DocumentType;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.schemas.edxml.MessageHeaderType;

/**
 * The metadata an administrative document must carry, and their form: the issuing organ, the number and
 * notation (the notation begins with the type's abbreviation: 45/QĐ-UBND), the place and date of
 * promulgation (not in the future), a type of the official list under its own name, the summary line,
 * the signer. The schema has already required that the elements exist; this checks what they say.
 */
@Component
@Order(25)
public class RequiredMetadataCheck implements LegalityCheck {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,7}");
    private static final Pattern NOTATION = Pattern.compile("[\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+)*");

    private final DocumentPolicy policy;
    private final Clock clock;

    public RequiredMetadataCheck(DocumentPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public List<Finding> check(InspectedDocument document) {
        return document.header().map(this::check).orElse(List.of());
    }

    private List<Finding> check(MessageHeaderType header) {
        List<Finding> findings = new ArrayList<>();
        if (blank(header.getFrom().getOrganName())) {
            findings.add(missing("From/OrganName (the name of the issuing organ)"));
        }
        String number = header.getCode().getCodeNumber().strip();
        if (!NUMBER.matcher(number).matches()) {
            findings.add(invalid("Code/CodeNumber '" + number + "' is not a register number"));
        }
        String notation = header.getCode().getCodeNotation().strip();
        if (!NOTATION.matcher(notation).matches()) {
            findings.add(invalid("Code/CodeNotation '" + notation + "' is not a notation like QĐ-UBND or UBND-VP"));
        }
        if (blank(header.getPromulgationInfo().getPlace())) {
            findings.add(missing("PromulgationInfo/Place"));
        }
        LocalDate promulgated = LocalDate.of(header.getPromulgationInfo().getPromulgationDate().getYear(),
                header.getPromulgationInfo().getPromulgationDate().getMonth(),
                header.getPromulgationInfo().getPromulgationDate().getDay());
        if (promulgated.isAfter(LocalDate.now(clock.withZone(HANOI)).plusDays(1))) {
            findings.add(invalid("PromulgationInfo/PromulgationDate " + promulgated + " is in the future"));
        }
        int typeNumber = header.getDocumentType().getType().intValue();
        String typeName = header.getDocumentType().getTypeName();
        Optional<DocumentType> type = policy.type(typeNumber);
        if (type.isEmpty()) {
            findings.add(Finding.refusal(ReasonCode.DOCUMENT_TYPE_UNKNOWN.with(typeNumber, typeName)));
        } else {
            if (!sameName(type.get().name(), typeName)) {
                findings.add(invalid("DocumentType/TypeName '" + typeName + "' is not the name of type " + typeNumber
                        + " (" + type.get().name() + ")"));
            }
            String abbreviation = type.get().abbreviation();
            if (abbreviation != null && NOTATION.matcher(notation).matches()
                    && !notation.split("-")[0].equals(abbreviation)) {
                findings.add(invalid("Code/CodeNotation '" + notation + "' does not begin with " + abbreviation
                        + ", the abbreviation of " + type.get().name()));
            }
        }
        if (blank(header.getSubject())) {
            findings.add(missing("Subject (the summary line)"));
        }
        if (blank(header.getSignerInfo().getFullName())) {
            findings.add(missing("SignerInfo/FullName"));
        }
        return findings;
    }

    private static boolean sameName(String expected, String given) {
        return given != null && Normalizer.normalize(given.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .equals(Normalizer.normalize(expected, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Finding missing(String what) {
        return Finding.refusal(ReasonCode.METADATA_MISSING.with(what));
    }

    private static Finding invalid(String what) {
        return Finding.refusal(ReasonCode.METADATA_INVALID.with(what));
    }
}
