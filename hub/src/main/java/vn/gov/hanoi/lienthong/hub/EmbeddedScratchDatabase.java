package vn.gov.hanoi.lienthong.hub;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.archive.backup.ScratchDatabase;

/**
 * The PostgreSQL a backup's verification restores into: the embedded server's binaries, started on the restored data
 * directory (PostgreSQL replays the backup's WAL at this first start), on a free port, stopped once checked.
 */
@Component
class EmbeddedScratchDatabase implements ScratchDatabase {

    @Override
    public Running start(Path dataDirectory) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(120))
                .setRegisterShutdownHook(true)
                .start();
        return new Running() {
            @Override
            public DataSource dataSource() {
                return postgres.getPostgresDatabase();
            }

            @Override
            public void close() throws IOException {
                postgres.close();
            }
        };
    }
}
