package vn.gov.hanoi.lienthong.archive.backup;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

/**
 * A PostgreSQL server started for a while on a data directory restored from a backup, so that the scheduled
 * verification can read what the backup holds. The hub module gives one on the embedded server's binaries.
 */
public interface ScratchDatabase {

    Running start(Path dataDirectory) throws IOException;

    interface Running extends AutoCloseable {
        DataSource dataSource();

        @Override
        void close() throws IOException;
    }
}
