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

    private DocumentPolicy(Map<Integer, DocumentType> types) {
        this.types = types;
    }

    public Optional<DocumentType> type(int number) {
        return Optional.ofNullable(types.get(number));
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
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The policy has " + errors.size() + " error(s):\n  " + String.join("\n  ", errors));
        }
        return new DocumentPolicy(types);
    }

    record PolicyFile(Map<String, Group> groups, List<Type> types) {
        record Group(String requirement, String article,
                     @JsonProperty("paper-waived-when-signed") String paperWaivedWhenSigned) {
        }

        record Type(int number, String name, String abbreviation, String group) {
        }
    }
}
