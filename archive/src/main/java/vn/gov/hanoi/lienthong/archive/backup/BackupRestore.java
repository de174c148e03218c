package vn.gov.hanoi.lienthong.archive.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A restore from a backup into an empty data directory: every file of the backup checked against its manifest first
 * (a damaged backup is refused, naming the files), then the database's files (with their backup_label and the WAL to
 * replay, which PostgreSQL applies at its first start) and the blob store copied in. The broker's journal is not part
 * of a backup: the database is the system of record, and at start the hub's recovery (route recovery-startup) puts
 * back on their queues the documents and deliveries the database shows as not finished.
 */
public final class BackupRestore {

    private BackupRestore() {
    }

    public static void restore(Path backup, Path dataDirectory) throws IOException {
        if (!Files.isRegularFile(backup.resolve(BackupFiles.MANIFEST))) {
            throw new IllegalArgumentException(backup + " is not a backup of the hub (no " + BackupFiles.MANIFEST + ")");
        }
        List<String> problems = BackupFiles.check(backup);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the backup " + backup + " does not hold, nothing restored: " + String.join("; ", problems));
        }
        if (Files.exists(dataDirectory)) {
            try (Stream<Path> entries = Files.list(dataDirectory)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("the data directory " + dataDirectory + " is not empty: a restore goes into an empty one");
                }
            }
        }
        List<BackupFiles.Listed> copied = new ArrayList<>();
        BackupFiles.copyTree(backup.resolve("pg"), dataDirectory.resolve("pg"), "pg/", p -> true, copied);
        BackupFiles.copyTree(backup.resolve("blobs"), dataDirectory.resolve("blobs"), "blobs/", p -> true, copied);
        Path keyset = backup.resolve(vn.gov.hanoi.lienthong.core.blob.ContentCipher.KEYSET_IN_DATA_DIR);
        if (Files.exists(keyset)) {
            copied.add(BackupFiles.copyFile(keyset, dataDirectory.resolve(vn.gov.hanoi.lienthong.core.blob.ContentCipher.KEYSET_IN_DATA_DIR),
                    vn.gov.hanoi.lienthong.core.blob.ContentCipher.KEYSET_IN_DATA_DIR));
            Files.setPosixFilePermissions(dataDirectory.resolve(vn.gov.hanoi.lienthong.core.blob.ContentCipher.KEYSET_IN_DATA_DIR),
                    PosixFilePermissions.fromString("rw-------"));
        }
        // PostgreSQL refuses a data directory others may read.
        Files.setPosixFilePermissions(dataDirectory.resolve("pg"), PosixFilePermissions.fromString("rwx------"));
        BackupFiles.forceDirectory(dataDirectory);
    }
}
