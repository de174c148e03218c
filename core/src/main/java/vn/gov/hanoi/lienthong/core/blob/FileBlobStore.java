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
import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Blobs as files under {@code root/ab/cd/abcdef…}, named by the SHA-256 of their content and encrypted under a key of
 * their own ({@link ContentCipher}; the wrapped key in the {@link ContentKeyStore}). A blob is written to a temporary
 * file, forced to disk, its key kept, then moved into place atomically and its directory forced too: after
 * {@link #store} returns, a crash of the machine loses nothing, and a crash before leaves at most an orphan file
 * (a temporary one, or one whose key was never committed — the next store of the same content replaces it).
 *
 * <p>A file begins with {@link #MAGIC} when it is encrypted; a file without it was stored before the hub encrypted
 * content at rest and is read as it is until {@link #encryptStoredInPlaintext} (or a store of the same content)
 * encrypts it.
 */
public final class FileBlobStore implements BlobStore {

    /** The first bytes of an encrypted blob's file; the rest is Tink's streaming ciphertext. */
    public static final byte[] MAGIC = "LTBLOB1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FileBlobStore.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path incoming;
    private final ContentKeyStore keys;
    private final ContentCipher cipher;
    private final UnwrappedKeys unwrapped = new UnwrappedKeys();

    public FileBlobStore(Path root, ContentKeyStore keys, ContentCipher cipher) {
        this.root = root;
        this.keys = keys;
        this.cipher = cipher;
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
        ContentCipher.ContentKey key = cipher.newKey();
        Path temporary = incoming.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = sha256();
        long size;
        try (DigestInputStream in = new DigestInputStream(content, digest)) {
            size = writeEncrypted(in, key, temporary);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        Path target = pathOf(hash);
        try {
            if (keys.keepUnlessPresent(hash, key.wrapped())) {
                // This key is the blob's now: its file goes in place, over an orphan or a file stored before encryption.
                unwrapped.put(hash, key);
                moveIntoPlace(temporary, target);
            } else if (Files.exists(target)) {
                Files.delete(temporary);
            } else {
                // The content has a key but no file (a crash between the two): write it again under that key.
                ContentCipher.ContentKey kept = cipher.unwrap(keys.find(hash).orElseThrow(() ->
                        new IOException("the content key of blob " + hash + " vanished while it was stored")));
                Path again = incoming.resolve(UUID.randomUUID() + ".part");
                try (InputStream plain = decrypting(temporary, key)) {
                    writeEncrypted(plain, kept, again);
                } finally {
                    Files.deleteIfExists(temporary);
                }
                unwrapped.put(hash, kept);
                moveIntoPlace(again, target);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return new StoredBlob(hash, size);
    }

    private static long writeEncrypted(InputStream in, ContentCipher.ContentKey key, Path file) throws IOException {
        long size = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream raw = Channels.newOutputStream(channel);
            raw.write(MAGIC);
            OutputStream encrypted = key.encrypting(new java.io.FilterOutputStream(raw) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush(); // the channel is forced and closed below, not here
                }
            });
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = in.read(buffer)) != -1) {
                encrypted.write(buffer, 0, read);
                size += read;
            }
            encrypted.close(); // the last segment and its tag
            channel.force(true);
        }
        return size;
    }

    private void moveIntoPlace(Path temporary, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(target.getParent());
    }

    private InputStream decrypting(Path file, ContentCipher.ContentKey key) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.readNBytes(MAGIC.length);
            return key.decrypting(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(pathOf(sha256));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException("blob " + sha256 + " is not in the store under " + root.toAbsolutePath());
        }
        try {
            byte[] head = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(head, MAGIC)) {
                return new SequenceInputStream(new ByteArrayInputStream(head), in); // stored before encryption at rest
            }
            ContentCipher.ContentKey key = unwrapped.get(sha256);
            if (key == null) {
                key = cipher.unwrap(keys.find(sha256).orElseThrow(() -> new ContentKeyGoneException(sha256)));
                unwrapped.put(sha256, key);
            }
            return key.decrypting(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public boolean contains(String sha256) {
        Path file = pathOf(sha256);
        if (!Files.exists(file)) return false;
        try (InputStream in = Files.newInputStream(file)) {
            return !Arrays.equals(in.readNBytes(MAGIC.length), MAGIC) || keys.find(sha256).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean destroy(String sha256) throws IOException {
        Path file = pathOf(sha256);
        boolean hadKey = keys.destroy(sha256);
        unwrapped.forget(sha256);
        if (Files.deleteIfExists(file)) forceDirectory(file.getParent());
        return hadKey;
    }

    @Override
    public long encryptStoredInPlaintext(Duration restBetweenFiles) throws IOException {
        List<Path> plaintext;
        try (Stream<Path> files = Files.walk(root)) {
            plaintext = files.filter(file -> !file.startsWith(incoming) && Files.isRegularFile(file)
                            && SHA256_HEX.matcher(file.getFileName().toString()).matches())
                    .filter(file -> !startsWithMagic(file)).toList();
        }
        long encrypted = 0;
        for (Path file : plaintext) {
            String name = file.getFileName().toString();
            StoredBlob stored;
            try (InputStream in = Files.newInputStream(file)) {
                if (startsWithMagic(file)) continue; // stored again meanwhile
                stored = store(in);
            } catch (NoSuchFileException vanished) {
                continue;
            }
            if (stored.sha256().equals(name)) {
                encrypted++;
            } else {
                // Its bytes are not those it is named by: left as it is, for the archive's integrity check to report.
                LOG.warn("Blob {} was not encrypted: its content hashes to {}, not to its name", name, stored.sha256());
            }
            try {
                Thread.sleep(restBetweenFiles.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return encrypted;
    }

    /**
     * The keys of the blobs read lately, unwrapped: a file is read many times within seconds (inspection, signature
     * checks, each delivery), and unwrapping is a database read and a decryption each time. A few thousand, for five
     * minutes after their last use; a blob's key is forgotten here when the blob is destroyed. (Another hub sharing the
     * blob store forgets it within those five minutes; its file is gone already.)
     */
    private static final class UnwrappedKeys {

        private static final int MOST = 4096;
        private static final long KEEP_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(5);

        private record Kept(ContentCipher.ContentKey key, long lastUsed) {
        }

        private final java.util.LinkedHashMap<String, Kept> kept = new java.util.LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, Kept> eldest) {
                return size() > MOST;
            }
        };

        synchronized ContentCipher.ContentKey get(String sha256) {
            Kept entry = kept.get(sha256);
            long now = System.nanoTime();
            if (entry == null || now - entry.lastUsed() > KEEP_NANOS) {
                kept.remove(sha256);
                return null;
            }
            kept.put(sha256, new Kept(entry.key(), now));
            return entry.key();
        }

        synchronized void put(String sha256, ContentCipher.ContentKey key) {
            kept.put(sha256, new Kept(key, System.nanoTime()));
        }

        synchronized void forget(String sha256) {
            kept.remove(sha256);
        }
    }

    private static boolean startsWithMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return true; // unreadable or gone: nothing to encrypt here
        }
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
