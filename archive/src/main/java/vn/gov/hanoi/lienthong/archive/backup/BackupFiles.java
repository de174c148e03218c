package vn.gov.hanoi.lienthong.archive.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Files of a backup: copied with each file forced to disk (a backup the hub reports as made is on stable storage),
 * hashed as copied, and listed in {@code MANIFEST} (one line per file: SHA-256, size, path) — what a restore and a
 * verification check every byte against.
 */
final class BackupFiles {

    static final String MANIFEST = "MANIFEST";
    static final String COMPLETE = "COMPLETE";

    private BackupFiles() {
    }

    /** One file in the manifest. */
    record Listed(String sha256, long size, String path) {
    }

    /**
     * Copies every directory and regular file under {@code from} that {@code include} accepts to {@code to} (same relative paths),
     * adding each to {@code listed} under {@code prefix}. A file that vanishes while copying (a temporary one) is skipped.
     */
    static void copyTree(Path from, Path to, String prefix, Predicate<Path> include, List<Listed> listed) throws IOException {
        if (!Files.isDirectory(from)) return;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.toList();
        }
        for (Path source : files) {
            Path relative = from.relativize(source);
            Path target = to.resolve(relative.toString());
            if (Files.isDirectory(source)) {
                // A directory left out is left out whole (an empty replication slot's folder would stop PostgreSQL).
                if (relative.toString().isEmpty() || include.test(relative)) Files.createDirectories(target);
                continue;
            }
            if (!Files.isRegularFile(source) || !include.test(relative)) continue;
            try {
                Listed copied = copyFile(source, target, prefix + relative.toString().replace('\\', '/'));
                listed.add(copied);
            } catch (NoSuchFileException vanished) {
                // a temporary file removed by the server while the tree was copied: not part of what is backed up
            }
        }
    }

    static Listed copyFile(Path source, Path target, String listedAs) throws IOException {
        Files.createDirectories(target.getParent());
        MessageDigest sha256 = sha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(source), sha256);
             FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                     StandardOpenOption.WRITE);
             OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            byte[] buffer = new byte[128 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                size += n;
            }
            out.flush();
            channel.force(true);
        }
        return new Listed(HexFormat.of().formatHex(sha256.digest()), size, listedAs);
    }

    /** A file already in place, hashed for the manifest. */
    static Listed describe(Path file, String listedAs) throws IOException {
        MessageDigest sha256 = sha256();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        return new Listed(HexFormat.of().formatHex(sha256.digest()), size, listedAs);
    }

    static void writeForced(Path file, String content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
    }

    static void writeManifest(Path backup, List<Listed> listed) throws IOException {
        StringBuilder manifest = new StringBuilder();
        for (Listed file : listed) manifest.append(file.sha256()).append(' ').append(file.size()).append(' ').append(file.path()).append('\n');
        writeForced(backup.resolve(MANIFEST), manifest.toString());
    }

    static Map<String, Listed> readManifest(Path backup) throws IOException {
        Map<String, Listed> listed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(backup.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            String[] parts = line.split(" ", 3);
            listed.put(parts[2], new Listed(parts[0], Long.parseLong(parts[1]), parts[2]));
        }
        return listed;
    }

    /** Every file of the manifest hashed again: what does not hold, by path (empty: all hold). */
    static List<String> check(Path backup) throws IOException {
        List<String> problems = new ArrayList<>();
        if (!Files.exists(backup.resolve(COMPLETE))) problems.add("the backup " + backup + " was never completed");
        for (Listed file : readManifest(backup).values()) {
            Path path = backup.resolve(file.path());
            if (!Files.isRegularFile(path)) {
                problems.add(file.path() + ": missing");
                continue;
            }
            MessageDigest sha256 = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(path), sha256)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            String actual = HexFormat.of().formatHex(sha256.digest());
            if (!actual.equals(file.sha256())) problems.add(file.path() + ": its bytes have changed since the backup");
        }
        return problems;
    }

    static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // some file systems cannot open a directory for fsync; the files themselves are forced
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
