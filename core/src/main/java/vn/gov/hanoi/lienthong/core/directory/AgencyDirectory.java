package vn.gov.hanoi.lienthong.core.directory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The agencies the hub knows, loaded from the directory file (config/agencies.yaml). Every error in the
 * file is reported at once, one line each, so that whoever edits it can fix all of them in one go. A
 * directory read anew replaces the entries as a whole ({@link #replaceWith}), so a reader sees either the
 * old directory or the new one, never a mixture.
 */
public final class AgencyDirectory {

    private static final Pattern ORGAN_ID = Pattern.compile("[0-9A-Z]{2,3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}");
    /** Article 17.2b: official mailboxes are on the city's domain, hanoi.gov.vn or one of its subdomains. */
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern OFFICIAL_MAILBOX =
            Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+\\.)*hanoi\\.gov\\.vn", Pattern.CASE_INSENSITIVE);

    private record Entries(Map<String, Agency> byOrganId, Map<String, Agency> byUsername, Map<String, Agency> byMailbox) {
    }

    private volatile Entries entries;
    /** The agencies as the file has them, before the operators' suspensions. */
    private volatile List<Agency> fromFile;
    private volatile Set<String> suspendedByOperators = Set.of();

    private AgencyDirectory(List<Agency> agencies) {
        this.fromFile = List.copyOf(agencies);
        this.entries = index(agencies);
    }

    /**
     * The agencies operators suspended (agency_suspension): each is SUSPENDED whatever its file says, until an
     * operator reactivates it; a reload of the file keeps them.
     */
    public synchronized void suspendedByOperators(Set<String> organIds) {
        this.suspendedByOperators = Set.copyOf(organIds);
        this.entries = index(withSuspensions(fromFile));
    }

    public Set<String> suspendedByOperators() {
        return suspendedByOperators;
    }

    /** Whether the directory file itself says SUSPENDED (an operator cannot lift that; the file must change). */
    public boolean suspendedInFile(String organId) {
        return fromFile.stream().anyMatch(a -> a.organId().equals(organId) && a.state() == AgencyState.SUSPENDED);
    }

    private List<Agency> withSuspensions(List<Agency> agencies) {
        Set<String> suspended = suspendedByOperators;
        return agencies.stream().map(a -> suspended.contains(a.organId()) ? a.withState(AgencyState.SUSPENDED) : a).toList();
    }

    private static Entries index(Collection<Agency> agencies) {
        Map<String, Agency> byOrganId = new LinkedHashMap<>();
        Map<String, Agency> byUsername = new LinkedHashMap<>();
        Map<String, Agency> byMailbox = new LinkedHashMap<>();
        for (Agency agency : agencies) {
            byOrganId.put(agency.organId(), agency);
            byUsername.put(agency.username(), agency);
            byMailbox.putIfAbsent(agency.mailbox().toLowerCase(Locale.ROOT), agency);
        }
        return new Entries(Map.copyOf(byOrganId), Map.copyOf(byUsername), Map.copyOf(byMailbox));
    }

    public Optional<Agency> byOrganId(String organId) {
        return Optional.ofNullable(entries.byOrganId().get(organId));
    }

    public Optional<Agency> byUsername(String username) {
        return Optional.ofNullable(entries.byUsername().get(username));
    }

    /** The agency whose official mailbox this is (addresses compare without regard to case). */
    public Optional<Agency> byMailbox(String address) {
        return address == null ? Optional.empty()
                : Optional.ofNullable(entries.byMailbox().get(address.trim().toLowerCase(Locale.ROOT)));
    }

    public Collection<Agency> all() {
        return entries.byOrganId().values();
    }

    /**
     * The agency and every unit below it, down the tree the directory's {@code parent} entries make (what a leader
     * follows), the agency first.
     */
    public java.util.Set<String> withUnitsBelow(String organId) {
        java.util.Set<String> organs = new java.util.LinkedHashSet<>();
        organs.add(organId);
        Collection<Agency> all = all();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Agency agency : all) {
                if (agency.parentOrganId() != null && organs.contains(agency.parentOrganId())) grew |= organs.add(agency.organId());
            }
        }
        return organs;
    }

    /** Takes the entries of a directory read anew; returns the agencies it did not have before. */
    public synchronized List<Agency> replaceWith(AgencyDirectory fresh) {
        Entries before = this.entries;
        this.fromFile = fresh.fromFile;
        this.entries = index(withSuspensions(fresh.fromFile));
        return all().stream().filter(agency -> !before.byOrganId().containsKey(agency.organId())).toList();
    }

    /** Reads and checks a directory file. */
    public static AgencyDirectory read(InputStream yaml, String sourceName) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        DirectoryFile file = mapper.readValue(yaml, DirectoryFile.class);
        List<String> errors = new ArrayList<>();
        List<Agency> agencies = new ArrayList<>();
        Map<String, Integer> seenOrganIds = new LinkedHashMap<>();
        Map<String, Integer> seenUsernames = new LinkedHashMap<>();
        Map<String, Integer> seenMailboxes = new LinkedHashMap<>();
        List<DirectoryFile.Entry> entries = file.agencies() == null ? List.of() : file.agencies();
        for (int i = 0; i < entries.size(); i++) {
            DirectoryFile.Entry entry = entries.get(i);
            String where = sourceName + ": agencies[" + i + "]" + (entry.organId() == null ? "" : " (" + entry.organId() + ")");
            int before = errors.size();
            if (entry.organId() == null || !ORGAN_ID.matcher(entry.organId()).matches()) {
                errors.add(where + ": organId '" + entry.organId() + "' is not an organ code like 000.00.12.H26");
            } else if (seenOrganIds.putIfAbsent(entry.organId(), i) != null) {
                errors.add(where + ": organId " + entry.organId() + " is already used by agencies[" + seenOrganIds.get(entry.organId()) + "]");
            }
            if (blank(entry.name())) errors.add(where + ": name is missing");
            if (blank(entry.mailbox())) {
                errors.add(where + ": mailbox is missing (every agency has an official mailbox, Article 6.2)");
            } else if (!OFFICIAL_MAILBOX.matcher(entry.mailbox()).matches()) {
                errors.add(where + ": mailbox '" + entry.mailbox() + "' is not on the hanoi.gov.vn domain (Article 17.2b)");
            } else if (seenMailboxes.putIfAbsent(entry.mailbox().toLowerCase(Locale.ROOT), i) != null) {
                // Mail is attributed to its sender by this address: one mailbox, one agency.
                errors.add(where + ": mailbox " + entry.mailbox() + " is already used by agencies["
                        + seenMailboxes.get(entry.mailbox().toLowerCase(Locale.ROOT)) + "]");
            }
            if (blank(entry.username())) {
                errors.add(where + ": username is missing");
            } else if (seenUsernames.putIfAbsent(entry.username(), i) != null) {
                errors.add(where + ": username " + entry.username() + " is already used by agencies[" + seenUsernames.get(entry.username()) + "]");
            }
            if (blank(entry.secretHash()) || !entry.secretHash().startsWith("$2")) {
                errors.add(where + ": secretHash must be a bcrypt hash ($2a$/$2b$/$2y$…); never put a secret in clear here");
            }
            Channel channel = null;
            try {
                channel = Channel.fromConfigName(entry.channel());
            } catch (IllegalArgumentException e) {
                errors.add(where + ": " + e.getMessage());
            }
            URI endpoint = null;
            if (entry.endpoint() != null) {
                try {
                    endpoint = URI.create(entry.endpoint());
                    if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
                        errors.add(where + ": endpoint '" + entry.endpoint() + "' is not an http(s) address");
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(where + ": endpoint '" + entry.endpoint() + "' is not an address: " + e.getMessage());
                }
            }
            if (channel != null && channel.needsEndpoint() && endpoint == null) {
                errors.add(where + ": channel " + channel.configName() + " needs an endpoint");
            }
            AgencyState state = AgencyState.ACTIVE;
            if (entry.state() != null) {
                try {
                    state = AgencyState.valueOf(entry.state().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    errors.add(where + ": state '" + entry.state() + "' is not one of onboarding, active, suspended");
                }
            }
            List<String> fingerprints = new ArrayList<>();
            List<String> certificates = entry.certificates() == null ? List.of() : entry.certificates();
            for (int c = 0; c < certificates.size(); c++) {
                String fingerprint = certificates.get(c) == null ? "" : certificates.get(c).replace(":", "").strip()
                        .toLowerCase(Locale.ROOT);
                if (!SHA256_HEX.matcher(fingerprint).matches()) {
                    errors.add(where + ": certificates[" + c + "] '" + certificates.get(c) + "' is not a SHA-256 "
                            + "fingerprint (64 hex digits, as `openssl x509 -noout -fingerprint -sha256` prints it)");
                } else {
                    fingerprints.add(fingerprint);
                }
            }
            String clientCertificate = null;
            if (!blank(entry.clientCertificate())) {
                clientCertificate = entry.clientCertificate().replace(":", "").strip().toLowerCase(Locale.ROOT);
                if (!SHA256_HEX.matcher(clientCertificate).matches()) {
                    errors.add(where + ": clientCertificate '" + entry.clientCertificate() + "' is not a SHA-256 "
                            + "fingerprint (64 hex digits, as `openssl x509 -noout -fingerprint -sha256` prints it)");
                }
            }
            if (errors.size() == before) {
                agencies.add(new Agency(entry.organId(), entry.name(), blank(entry.parent()) ? null : entry.parent(),
                        entry.mailbox(), channel, endpoint,
                        entry.username(), entry.secretHash(), state, List.copyOf(fingerprints), clientCertificate,
                        Boolean.TRUE.equals(entry.registers()), Boolean.TRUE.equals(entry.desk())));
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            String parent = entries.get(i).parent();
            if (!blank(parent) && !seenOrganIds.containsKey(parent)) {
                errors.add(sourceName + ": agencies[" + i + "] (" + entries.get(i).organId() + "): parent " + parent
                        + " is not in the directory");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidDirectoryException(errors);
        }
        return new AgencyDirectory(agencies);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    record DirectoryFile(List<Entry> agencies) {
        record Entry(String organId, String name, String parent, String mailbox, String channel, String endpoint,
                     String username, String secretHash, String state, List<String> certificates,
                     String clientCertificate, Boolean registers, Boolean desk) {
        }
    }
}
