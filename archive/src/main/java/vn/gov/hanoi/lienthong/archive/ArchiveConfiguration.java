package vn.gov.hanoi.lienthong.archive;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

import vn.gov.hanoi.lienthong.archive.retention.RetentionSchedule;

/**
 * The archive of Article 11: the ledger closed into signed and timestamped checkpoints, the evidence bundle of a
 * document, the hub's own check of everything it holds, backups, access by right, search, retention and destruction.
 */
@Configuration
@ComponentScan
public class ArchiveConfiguration {

    /** The retention period of each document type: {@code hub.archive.retention.schedule}, config/retention.yaml. */
    @Bean
    RetentionSchedule retentionSchedule(@Value("${hub.archive.retention.schedule:classpath:retention.yaml}") String location,
                                        ResourceLoader resources) throws IOException {
        try (InputStream in = resources.getResource(location).getInputStream()) {
            return RetentionSchedule.read(in, location);
        }
    }
}
