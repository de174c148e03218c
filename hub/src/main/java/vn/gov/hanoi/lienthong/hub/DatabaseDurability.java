package vn.gov.hanoi.lienthong.hub;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL settings on which a committed transaction survives a power cut, read back from the running
 * server (not from the configuration that was meant to set them) and logged at start-up.
 */
final class DatabaseDurability {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseDurability.class);

    /** Each setting and the value the hub needs. */
    static final Map<String, String> REQUIRED = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    private final Map<String, String> observed;

    private DatabaseDurability(Map<String, String> observed) {
        this.observed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(observed));
    }

    /** What the server answered to {@code SHOW <setting>}, for each required setting. */
    Map<String, String> observed() {
        return observed;
    }

    boolean durable() {
        return REQUIRED.entrySet().stream().allMatch(e -> e.getValue().equals(observed.get(e.getKey())));
    }

    /**
     * Reads the settings and logs them in one line. With {@code mustBeDurable}, settings that could lose a
     * commit stop the start-up; otherwise (an external server the hub does not own) they are a WARN.
     */
    static DatabaseDurability checkAtStartup(DataSource dataSource, boolean mustBeDurable) {
        DatabaseDurability durability = read(dataSource);
        if (durability.durable()) {
            LOG.info("PostgreSQL durability: {}", durability.observed);
            return durability;
        }
        String message = "PostgreSQL settings can lose an acknowledged document after a power cut: " + durability.observed
                + " (needed: " + REQUIRED + ")";
        if (mustBeDurable) {
            throw new IllegalStateException(message);
        }
        LOG.warn(message);
        return durability;
    }

    static DatabaseDurability read(DataSource dataSource) {
        Map<String, String> observed = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String setting : REQUIRED.keySet().stream().sorted().toList()) {
                try (ResultSet row = statement.executeQuery("SHOW " + setting)) {
                    row.next();
                    observed.put(setting, row.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read PostgreSQL's durability settings", e);
        }
        return new DatabaseDurability(observed);
    }
}
