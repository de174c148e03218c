package vn.gov.hanoi.lienthong.core.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the hub has learnt of the agencies' registered certificates, whose fingerprints alone are in the directory:
 * each one's subject and end, from the first document signed with it or the first call presenting it. Kept once
 * per certificate (remembered in memory after that, so the hot path writes nothing more).
 */
@Repository
public class AgencyCertificates {

    public enum Usage { SIGNING, TLS_CLIENT }

    /** A registered certificate the hub has seen. */
    public record Known(String organId, String sha256, Usage usage, String subject, Instant notAfter) {
    }

    private final JdbcTemplate jdbc;
    private final AgencyDirectory directory;
    private final Clock clock;
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();

    public AgencyCertificates(JdbcTemplate jdbc, AgencyDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /** The agency used a certificate the directory registers for it. */
    public void seen(String organId, String sha256, Usage usage, String subject, Instant notAfter) {
        if (sha256 == null || notAfter == null || !recorded.add(organId + '/' + sha256)) return;
        jdbc.update("insert into agency_certificate (organ_id, sha256, usage, subject, not_after, first_seen) values (?, ?, ?, ?, ?, ?) "
                        + "on conflict (organ_id, sha256) do nothing",
                organId, sha256, usage.name(), subject == null ? "?" : subject, Timestamp.from(notAfter), Timestamp.from(clock.instant()));
    }

    /** The certificates seen that the directory still registers for their agency. */
    public List<Known> registered() {
        return jdbc.query("select organ_id, sha256, usage, subject, not_after from agency_certificate order by organ_id, not_after",
                        (row, n) -> new Known(row.getString(1), row.getString(2).trim(), Usage.valueOf(row.getString(3)),
                                row.getString(4), row.getTimestamp(5).toInstant()))
                .stream().filter(this::stillRegistered).toList();
    }

    private boolean stillRegistered(Known certificate) {
        return directory.byOrganId(certificate.organId())
                .map(agency -> certificate.usage() == Usage.SIGNING ? agency.certificateSha256().contains(certificate.sha256())
                        : certificate.sha256().equals(agency.clientCertificateSha256()))
                .orElse(false);
    }
}
