package vn.gov.hanoi.lienthong.core.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Blobs as files under {@code root/ab/cd/abcdef…}. A blob is written to a temporary file, forced to disk,
 * then moved into place atomically and its directory forced too: after {@link #store} returns, a crash
 * of the machine loses nothing, and a crash before leaves at most an orphan temporary file.
 */
public final class FileBlobStore implements BlobStore {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path incoming;

    public FileBlobStore(Path root) {
        this.root = root;
        this.incoming = root.resolve("incoming");
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the blob store under " + root.toAbsolutePath(), e);
        }
    }

    @Override
    public void checkWritable() throws IOException {
        Path probe = incoming.resolve("probe-" + UUID.randomUUID() + ".part");
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {1}));
            channel.force(true);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    @Override
    public StoredBlob store(InputStream content) throws IOException {
        Path temporary = incoming.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = sha256();
        long size = 0;
        try (DigestInputStream in = new DigestInputStream(content, digest);
             FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                size += read;
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        Path target = pathOf(hash);
        if (Files.exists(target)) {
            Files.delete(temporary);
        } else {
            Files.createDirectories(target.getParent());
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // Another request stored the same bytes at the same moment: identical content, keep theirs.
                Files.deleteIfExists(temporary);
            }
            forceDirectory(target.getParent());
        }
        return new StoredBlob(hash, size);
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        try {
            return Files.newInputStream(pathOf(sha256));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException("blob " + sha256 + " is not in the store under " + root.toAbsolutePath());
        }
    }

    @Override
    public boolean contains(String sha256) {
        return Files.exists(pathOf(sha256));
    }

    private Path pathOf(String sha256) {
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
