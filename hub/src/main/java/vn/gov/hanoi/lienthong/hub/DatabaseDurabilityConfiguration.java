package vn.gov.hanoi.lienthong.hub;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads PostgreSQL's durability settings back at start-up, embedded or external. */
@Configuration
class DatabaseDurabilityConfiguration {

    @Bean
    DatabaseDurability databaseDurability(DataSource dataSource, ObjectProvider<EmbeddedPostgres> embedded) {
        // The embedded server is the hub's own: it does not start on settings that could lose an acknowledged
        // document. An external server is its operators' to configure: a WARN names what is off.
        return DatabaseDurability.checkAtStartup(dataSource, embedded.getIfAvailable() != null);
    }
}
