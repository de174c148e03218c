package vn.gov.hanoi.lienthong.core.policy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The official list of document types and what the regulation requires of each (config/policy.yaml). */
public final class DocumentPolicy {

    private final Map<Integer, DocumentType> types;
    private final SubmissionRule submissions;
    private final PublicationRule publication;
    private final boolean refusesActiveContent;
    private final HandlingRule handling;

    private DocumentPolicy(Map<Integer, DocumentType> types, SubmissionRule submissions, PublicationRule publication,
                           boolean refusesActiveContent, HandlingRule handling) {
        this.types = types;
        this.submissions = submissions;
        this.publication = publication;
        this.refusesActiveContent = refusesActiveContent;
        this.handling = handling;
    }

    /**
     * The working days a recipient has to handle a document of this type whose envelope names no DueDate
     * (Article 9.3; {@code handling} in config/policy.yaml).
     */
    public int handlingWorkingDays(int typeNumber) {
        return handling.workingDaysByType().getOrDefault(typeNumber, handling.defaultWorkingDays());
    }

    /** Whether a PDF with active content (JavaScript, launch actions, embedded files) is refused, not just flagged. */
    public boolean refusesActiveContent() {
        return refusesActiveContent;
    }

    /**
     * What Articles 4, 5 and 6.4 require of a document.
     *
     * @param typeNumber          its DocumentType/Type
     * @param toPlaces            its "Nơi nhận" lines (ToPlaces/Place)
     * @param sphereOfPromulgation its OtherInfo/SphereOfPromulgation, if any
     * @param validlySigned       whether its signature verified against a government CA (Articles 5.3, 7.3)
     */
    public PolicyDecision decide(int typeNumber, List<String> toPlaces, String sphereOfPromulgation, boolean validlySigned) {
        DocumentType type = types.get(typeNumber);
        Requirement requirement = type == null ? Requirement.PAPER_TO_FOLLOW : type.requirement();
        String article = type == null ? "5.1" : type.article();
        if (requirement == Requirement.PAPER_TO_FOLLOW && validlySigned && type != null && type.paperWaivedBy() != null) {
            requirement = Requirement.ELECTRONIC_ONLY;
            article = type.paperWaivedBy();
        }
        List<PolicyDecision.ExtraDelivery> extra = new ArrayList<>();
        if (submissions != null && toPlaces.stream().anyMatch(place -> mentionsAny(place, submissions.toPlacesMentioning()))) {
            extra.add(new PolicyDecision.ExtraDelivery(submissions.copyTo(), DeliveryPurpose.CLERICAL_COPY,
                    submissions.article(), "submission to the Government"));
        }
        if (publication != null && sphereOfPromulgation != null
                && mentionsAny(sphereOfPromulgation, publication.sphereOfPromulgation())) {
            String category = publication.categoriesByType() == null ? null : publication.categoriesByType().get(typeNumber);
            extra.add(new PolicyDecision.ExtraDelivery(publication.publishTo(), DeliveryPurpose.PUBLICATION,
                    publication.article(), category == null ? publication.defaultCategory() : category));
        }
        return new PolicyDecision(requirement, article, List.copyOf(extra));
    }

    private static boolean mentionsAny(String text, List<String> phrases) {
        String normalized = normalize(text);
        return phrases.stream().anyMatch(phrase -> normalized.contains(normalize(phrase)));
    }

    private static String normalize(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("\\s+", " ");
    }

    public Optional<DocumentType> type(int number) {
        return Optional.ofNullable(types.get(number));
    }

    /** The type of this name (compared in NFC, without regard to case). */
    public Optional<DocumentType> typeNamed(String name) {
        if (name == null) return Optional.empty();
        String wanted = normalize(name.strip());
        return types.values().stream().filter(type -> normalize(type.name()).equals(wanted)).findFirst();
    }

    /**
     * The type a number and notation implies: the type whose abbreviation begins the notation (15/QĐ-UBND is
     * a Quyết định); a notation without one is a Công văn's (15/UBND-VP), by Decree 30/2020's rule.
     */
    public Optional<DocumentType> typeOfNotation(String notation) {
        if (notation == null || notation.isBlank()) return Optional.empty();
        String first = java.text.Normalizer.normalize(notation.strip().split("-")[0], java.text.Normalizer.Form.NFC);
        return types.values().stream().filter(type -> first.equals(type.abbreviation())).findFirst()
                .or(() -> typeNamed("Công văn"));
    }

    public Collection<DocumentType> types() {
        return types.values();
    }

    public static DocumentPolicy read(InputStream yaml, String sourceName) throws IOException {
        PolicyFile file = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readValue(yaml, PolicyFile.class);
        List<String> errors = new ArrayList<>();
        Map<String, PolicyFile.Group> groups = file.groups() == null ? Map.of() : file.groups();
        Map<Integer, DocumentType> types = new LinkedHashMap<>();
        for (PolicyFile.Type entry : file.types() == null ? List.<PolicyFile.Type>of() : file.types()) {
            String where = sourceName + ": type " + entry.number() + " (" + entry.name() + ")";
            PolicyFile.Group group = groups.get(entry.group());
            if (group == null) {
                errors.add(where + ": unknown group '" + entry.group() + "'");
                continue;
            }
            Requirement requirement;
            try {
                requirement = Requirement.fromConfigName(group.requirement());
            } catch (IllegalArgumentException e) {
                errors.add(where + ": " + e.getMessage());
                continue;
            }
            if (types.put(entry.number(), new DocumentType(entry.number(), entry.name(), entry.abbreviation(),
                    requirement, group.article(), group.paperWaivedWhenSigned())) != null) {
                errors.add(where + ": number " + entry.number() + " is used twice");
            }
        }
        String activeContent = file.activeContent() == null ? "warn" : file.activeContent();
        if (!activeContent.equals("warn") && !activeContent.equals("refuse")) {
            errors.add(sourceName + ": active-content must be 'warn' or 'refuse', not '" + activeContent + "'");
        }
        HandlingRule handling = file.handling() == null ? new HandlingRule(10, Map.of()) : file.handling();
        if (handling.defaultWorkingDays() < 1) {
            errors.add(sourceName + ": handling: default-working-days must be at least 1");
        }
        handling.workingDaysByType().forEach((type, days) -> {
            if (!types.containsKey(type)) errors.add(sourceName + ": handling: type " + type + " is not in the list of types");
            if (days < 1) errors.add(sourceName + ": handling: type " + type + " must have at least 1 working day");
        });
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The policy has " + errors.size() + " error(s):\n  " + String.join("\n  ", errors));
        }
        return new DocumentPolicy(types, file.submissions(), file.publication(), activeContent.equals("refuse"), handling);
    }

    record SubmissionRule(String article, @JsonProperty("to-places-mentioning") List<String> toPlacesMentioning,
                          @JsonProperty("copy-to") String copyTo) {
    }

    record PublicationRule(String article, @JsonProperty("sphere-of-promulgation") List<String> sphereOfPromulgation,
                           @JsonProperty("publish-to") String publishTo,
                           @JsonProperty("default-category") String defaultCategory,
                           @JsonProperty("categories-by-type") Map<Integer, String> categoriesByType) {
    }

    record HandlingRule(@JsonProperty("default-working-days") int defaultWorkingDays,
                        @JsonProperty("working-days-by-type") Map<Integer, Integer> workingDaysByType) {
        HandlingRule {
            if (workingDaysByType == null) workingDaysByType = Map.of();
        }
    }

    record PolicyFile(Map<String, Group> groups, List<Type> types, HandlingRule handling,
                      @JsonProperty("submissions-to-government") SubmissionRule submissions,
                      @JsonProperty("wide-distribution") PublicationRule publication,
                      @JsonProperty("active-content") String activeContent) {
        record Group(String requirement, String article,
                     @JsonProperty("paper-waived-when-signed") String paperWaivedWhenSigned) {
        }

        record Type(int number, String name, String abbreviation, String group) {
        }
    }
}
