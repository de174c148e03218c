package vn.gov.hanoi.lienthong.operations.people;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The people who may sign in, read from the user file (config/users.yaml in the embedded default). As with
 * the agency directory, every error in the file is reported at once, one line each.
 */
public final class PeopleDirectory {

    /** A bcrypt hash as htpasswd, Spring Security and {@code lienthong-client hash-secret} write it. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    private static final Pattern ORGAN = Pattern.compile("[0-9A-Z]{2,3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final Map<String, Person> byUsername;

    private PeopleDirectory(Map<String, Person> byUsername) {
        this.byUsername = Map.copyOf(byUsername);
    }

    public Optional<Person> byUsername(String username) {
        return Optional.ofNullable(username == null ? null : byUsername.get(username));
    }

    public int size() {
        return byUsername.size();
    }

    public java.util.Collection<Person> all() {
        return byUsername.values();
    }

    /** Reads and checks a user file; {@code sourceName} names it in the errors. */
    public static PeopleDirectory read(InputStream yaml, String sourceName) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        UserFile file = mapper.readValue(yaml, UserFile.class);
        List<String> errors = new ArrayList<>();
        Map<String, Person> people = new LinkedHashMap<>();
        List<Entry> entries = file == null || file.people == null ? List.of() : file.people;
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String where = sourceName + ": person " + (i + 1) + (entry.username == null ? "" : " (" + entry.username + ")");
            if (entry.username == null || !USERNAME.matcher(entry.username).matches()) {
                errors.add(where + ": username must be 2 to 64 lower-case letters, digits, '.', '_' or '-'");
                continue;
            }
            if (people.containsKey(entry.username)) {
                errors.add(where + ": username used twice");
            }
            if (entry.secretHash == null || !BCRYPT.matcher(entry.secretHash).matches()) {
                errors.add(where + ": secretHash must be a bcrypt hash (lienthong-client hash-secret prints one)");
            }
            Set<Role> roles = new LinkedHashSet<>();
            for (String role : entry.roles == null ? List.<String>of() : entry.roles) {
                try {
                    roles.add(Role.named(role));
                } catch (IllegalArgumentException e) {
                    errors.add(where + ": unknown role '" + role + "' (known: " + List.of(Role.values()) + ")");
                }
            }
            if (roles.isEmpty() && (entry.roles == null || entry.roles.isEmpty())) {
                errors.add(where + ": no role");
            }
            boolean ofAnAgency = roles.stream().anyMatch(Role::ofAnAgency);
            if (ofAnAgency && (entry.organ == null || !ORGAN.matcher(entry.organ).matches())) {
                errors.add(where + ": a clerk or leader needs the organ code of the agency (organ: 000.01.01.H26)");
            } else if (!ofAnAgency && entry.organ != null) {
                errors.add(where + ": only a clerk or leader acts for an agency (organ)");
            }
            people.put(entry.username, new Person(entry.username, entry.name == null ? entry.username : entry.name,
                    roles, entry.secretHash, ofAnAgency ? entry.organ : null));
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("The user file has " + errors.size() + " error(s):\n  "
                    + String.join("\n  ", errors));
        }
        return new PeopleDirectory(people);
    }

    /** The file's shape. */
    static final class UserFile {
        public List<Entry> people;
    }

    static final class Entry {
        public String username;
        public String name;
        public List<String> roles;
        public String secretHash;
        public String organ;
    }
}
