package vn.gov.hanoi.lienthong.archive.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;

import vn.gov.hanoi.lienthong.archive.integrity.ArchiveIntegrity;
import vn.gov.hanoi.lienthong.archive.integrity.IntegrityReport;
import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.blob.ContentCipher;
import vn.gov.hanoi.lienthong.core.blob.FileBlobStore;
import vn.gov.hanoi.lienthong.core.blob.JdbcContentKeyStore;

/**
 * Backups of the archive (Circular 02/2019/TT-BNV: at least two copies on independent media, checked regularly): one
 * consistent set — the database by PostgreSQL's own backup API ({@code pg_backup_start} / {@code pg_backup_stop} on one
 * session, its files copied between them, the WAL kept by a temporary replication slot and copied after; no client
 * tool, which the embedded server does not ship) and then the blob store (blobs are written before any row names them
 * and never changed, so every blob the copied database names is in the copy) — written to the first target, each file
 * forced to disk, listed with its SHA-256 in a manifest, then copied to every other target and checked there.
 * The verification restores the latest backup of each target into a temporary directory, starts a PostgreSQL on it,
 * and runs the hub's own integrity check there: the ledger, every checkpoint, every blob's hash.
 */
@Service
public class BackupService {

    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    /** What PostgreSQL's documentation says a base backup may and should leave out (the server recreates them). */
    private static final Set<String> SKIPPED_CONTENTS = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem",
            "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label.old");

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final HubSettings settings;
    private final List<Path> targets;
    private final ObjectProvider<ScratchDatabase> scratch;
    private final Clock clock;
    private final ContentCipher cipher;

    public BackupService(DataSource dataSource, JdbcClient jdbc, HubSettings settings,
                         @Value("${hub.archive.backup.targets:}") List<String> targets, ObjectProvider<ScratchDatabase> scratch,
                         Clock clock, ContentCipher cipher) {
        this.cipher = cipher;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.settings = settings;
        this.targets = targets.stream().filter(t -> t != null && !t.isBlank()).map(t -> Path.of(t.trim()).toAbsolutePath()).toList();
        this.scratch = scratch;
        this.clock = clock;
        if (this.targets.size() == 1) {
            LOG.warn("One backup target only ({}): the archive's rules ask for two, each on its own medium (hub.archive.backup.targets)",
                    this.targets.get(0));
        }
    }

    public boolean configured() {
        return !targets.isEmpty();
    }

    /** One backup, to every target. */
    public synchronized BackupReport backup() throws IOException, SQLException {
        if (targets.isEmpty()) {
            throw vn.gov.hanoi.lienthong.core.refusal.RefusedException.because(
                    vn.gov.hanoi.lienthong.core.refusal.ReasonCode.REQUEST_INVALID, "no backup target is set (hub.archive.backup.targets)");
        }
        Instant started = clock.instant();
        String name = "lienthong-" + NAME.format(started);
        List<Long> runs = new ArrayList<>();
        for (Path target : targets) {
            runs.add(jdbc.sql("insert into backup_run (started_at, target, status) values (?, ?, 'RUNNING') returning id")
                    .params(Timestamp.from(started), target.toString()).query(Long.class).single());
        }
        try {
            Path first = targets.get(0).resolve(name);
            List<BackupFiles.Listed> listed = writeFirst(first);
            long head = jdbc.sql("select coalesce(max(seq), 0) from ledger_entry").query(Long.class).single();
            long bytes = listed.stream().mapToLong(BackupFiles.Listed::size).sum();
            finish(runs.get(0), first, listed.size(), bytes, head);
            for (int i = 1; i < targets.size(); i++) {
                Path copy = targets.get(i).resolve(name);
                copyBackup(first, copy);
                List<String> problems = BackupFiles.check(copy);
                if (!problems.isEmpty()) throw new IOException("the copy at " + copy + " does not hold: " + problems);
                finish(runs.get(i), copy, listed.size(), bytes, head);
            }
            LOG.info("Backup {} made: {} files, {} bytes, ledger up to entry {}, to {}", name, listed.size(), bytes, head, targets);
            return new BackupReport(name, targets.stream().map(t -> t.resolve(name).toString()).toList(), listed.size(), bytes, head);
        } catch (IOException | SQLException | RuntimeException e) {
            for (Long run : runs) {
                jdbc.sql("update backup_run set status = 'FAILED', finished_at = ?, error = ? where id = ? and status = 'RUNNING'")
                        .params(Timestamp.from(clock.instant()), String.valueOf(e.getMessage()), run).update();
            }
            LOG.error("Backup {} failed: {}", name, e.getMessage());
            throw e;
        }
    }

    private List<BackupFiles.Listed> writeFirst(Path backup) throws IOException, SQLException {
        Path part = backup.resolveSibling(backup.getFileName() + ".part");
        Files.createDirectories(part);
        List<BackupFiles.Listed> listed = new ArrayList<>();
        try (Connection session = dataSource.getConnection(); Statement sql = session.createStatement()) {
            session.setAutoCommit(true);
            Path pgData = Path.of(single(sql, "show data_directory"));
            if (!Files.isRegularFile(pgData.resolve("PG_VERSION"))) {
                throw new IOException("the database's files (" + pgData + ") are not on this machine: back an external "
                        + "PostgreSQL up with its own tools (pg_basebackup, WAL archiving)");
            }
            // Keeps every WAL segment from here until this session ends, so that none the copy needs is recycled.
            sql.execute("select pg_create_physical_replication_slot('lienthong_backup_' || pg_backend_pid(), true, true)");
            sql.execute("select pg_backup_start('" + backup.getFileName() + "', true)");
            BackupFiles.copyTree(pgData, part.resolve("pg"), "pg/", BackupService::included, listed);
            try (ResultSet stop = sql.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                stop.next();
                BackupFiles.writeForced(part.resolve("pg").resolve("backup_label"), stop.getString(1));
                listed.add(BackupFiles.describe(part.resolve("pg").resolve("backup_label"), "pg/backup_label"));
                String map = stop.getString(2);
                if (map != null && !map.isBlank()) {
                    BackupFiles.writeForced(part.resolve("pg").resolve("tablespace_map"), map);
                    listed.add(BackupFiles.describe(part.resolve("pg").resolve("tablespace_map"), "pg/tablespace_map"));
                }
            }
            // The WAL written from the start to the stop, replayed by the restored server at its first start.
            BackupFiles.copyTree(pgData.resolve("pg_wal"), part.resolve("pg").resolve("pg_wal"), "pg/pg_wal/",
                    p -> p.getNameCount() == 1, listed);
        }
        BackupFiles.copyTree(settings.blobDir(), part.resolve("blobs"), "blobs/",
                p -> !p.getName(0).toString().equals("incoming"), listed);
        // The master keyset, without which the blobs' content cannot be read: a backup is kept as safely as the key.
        listed.add(BackupFiles.copyFile(cipher.masterKeyset(), part.resolve(ContentCipher.KEYSET_IN_DATA_DIR),
                ContentCipher.KEYSET_IN_DATA_DIR));
        BackupFiles.writeManifest(part, listed);
        BackupFiles.writeForced(part.resolve(BackupFiles.COMPLETE), "complete " + clock.instant() + "\n");
        BackupFiles.forceDirectory(part);
        Files.move(part, backup, StandardCopyOption.ATOMIC_MOVE);
        BackupFiles.forceDirectory(backup.getParent());
        return listed;
    }

    private static boolean included(Path relative) {
        String top = relative.getName(0).toString();
        if (relative.getNameCount() == 1 && SKIPPED_FILES.contains(top)) return false;
        if (relative.getNameCount() > 1 && SKIPPED_CONTENTS.contains(top)) return false;
        return !relative.getFileName().toString().equals("pg_internal.init");
    }

    private static void copyBackup(Path from, Path to) throws IOException {
        Path part = to.resolveSibling(to.getFileName() + ".part");
        BackupFiles.copyTree(from, part, "", p -> true, new ArrayList<>());
        BackupFiles.forceDirectory(part);
        Files.move(part, to, StandardCopyOption.ATOMIC_MOVE);
        BackupFiles.forceDirectory(to.getParent());
    }

    private void finish(long run, Path path, int files, long bytes, long head) {
        jdbc.sql("update backup_run set status = 'COMPLETE', finished_at = ?, path = ?, files = ?, bytes = ?, ledger_head = ? where id = ?")
                .params(Timestamp.from(clock.instant()), path.toString(), files, bytes, head, run).update();
    }

    /** The latest backup of every target restored somewhere temporary and checked; each result recorded. */
    public synchronized List<Verification> verifyLatest() {
        List<Verification> results = new ArrayList<>();
        for (Path target : targets) {
            Optional<Path> latest = latest(target);
            if (latest.isEmpty()) continue;
            results.add(verify(latest.get()));
        }
        return results;
    }

    public Verification verify(Path backup) {
        List<String> findings = new ArrayList<>();
        long documents = -1;
        try {
            findings.addAll(BackupFiles.check(backup));
            ScratchDatabase database = scratch.getIfAvailable();
            if (findings.isEmpty() && database != null) {
                Path temporary = Files.createTempDirectory("lienthong-backup-verify-");
                try {
                    Path restored = temporary.resolve("data");
                    BackupRestore.restore(backup, restored);
                    try (ScratchDatabase.Running server = database.start(restored.resolve("pg"))) {
                        JdbcClient restoredJdbc = JdbcClient.create(server.dataSource());
                        IntegrityReport report = ArchiveIntegrity.of(restoredJdbc, new FileBlobStore(restored.resolve("blobs"),
                                        new JdbcContentKeyStore(restoredJdbc, clock),
                                        ContentCipher.withMasterKeyset(restored.resolve(ContentCipher.KEYSET_IN_DATA_DIR))),
                                new DataSourceTransactionManager(server.dataSource()), clock).check();
                        report.findings().forEach(f -> findings.add(f.kind() + ": " + f.what()));
                        documents = restoredJdbc.sql("select count(*) from document").query(Long.class).single();
                    }
                } finally {
                    deleteTree(temporary);
                }
            } else if (database == null) {
                LOG.warn("Backup {}: its files hold; not restored to check the ledger (no scratch database here)", backup);
            }
        } catch (Exception e) {
            findings.add("the verification could not be carried out: " + e.getMessage());
        }
        boolean holds = findings.isEmpty();
        jdbc.sql("insert into backup_verification (at, path, holds, findings) values (?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), backup.toString(), holds, String.join("\n", findings)).update();
        if (holds) {
            LOG.info("Backup {} verified: restored, {} documents, the ledger and every blob hold", backup, documents);
        } else {
            LOG.error("Backup {} FAILED its verification ({} finding(s)): {}", backup, findings.size(), findings.get(0));
        }
        return new Verification(backup.toString(), holds, documents, findings);
    }

    static Optional<Path> latest(Path target) {
        if (!Files.isDirectory(target)) return Optional.empty();
        try (Stream<Path> backups = Files.list(target)) {
            return backups.filter(p -> p.getFileName().toString().startsWith("lienthong-") && !p.toString().endsWith(".part")
                            && Files.exists(p.resolve(BackupFiles.COMPLETE)))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system's own cleaning takes what is left
        }
    }

    public record BackupReport(String name, List<String> copies, int files, long bytes, long ledgerHead) {
    }

    public record Verification(String backup, boolean holds, long documents, List<String> findings) {
    }
}
