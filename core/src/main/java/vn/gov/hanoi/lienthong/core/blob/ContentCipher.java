package vn.gov.hanoi.lienthong.core.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;

/**
 * The encryption of content at rest (Article 11.4: destroyed so that it cannot be recovered). Every blob is encrypted
 * under a key of its own — Tink's streaming AES-256-GCM with HKDF (segments of 1 MiB, so a file of a gigabyte is
 * written and read without holding it in memory) — and that key is kept only wrapped by the hub's master key
 * (AES-256-GCM). Destroying a blob's key row leaves its ciphertext, and any copy of it, undecryptable: the master key
 * decrypts keys, never content.
 *
 * <p>The master keyset is a Tink JSON keyset in its own file, outside the blob store, created (readable by the hub's
 * user only) the first time the hub starts. Tink rather than the JDK's cipher: the JDK's AES-GCM holds the whole
 * plaintext back until the tag is checked, which a gigabyte file cannot afford, and a segmented stream of one's own
 * is exactly what a crypto library should supply.
 */
public final class ContentCipher {

    private static final byte[] KEY_CONTEXT = "lienthong content key v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_CONTEXT = "lienthong blob v1".getBytes(StandardCharsets.US_ASCII);

    /**
     * AES-256-GCM segments of 64 KiB, each key derived by HKDF-SHA256 from the blob's key: Tink's predefined 1 MiB
     * segments cost every stream two 1 MiB buffers, which the many reads of a 200 KiB file (inspection, signature
     * checks, three deliveries) turned into most of the hub's garbage; 4 KiB segments would multiply the per-segment
     * work instead. A key keeps its parameters: changing them here applies to new blobs only.
     */
    private static final AesGcmHkdfStreamingParameters CONTENT_KEY;

    static {
        try {
            AeadConfig.register();
            StreamingAeadConfig.register();
            CONTENT_KEY = AesGcmHkdfStreamingParameters.builder().setKeySizeBytes(32).setDerivedAesGcmKeySizeBytes(32)
                    .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256).setCiphertextSegmentSizeBytes(64 * 1024).build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Where a backup keeps the master keyset, and a restore puts it back under the data directory. */
    public static final String KEYSET_IN_DATA_DIR = "keys/master-keyset.json";

    private final Aead master;
    private final Path masterKeyset;

    private ContentCipher(Aead master, Path masterKeyset) {
        this.master = master;
        this.masterKeyset = masterKeyset;
    }

    /** The master keyset's file (a backup copies it: without it, the backup's content cannot be read). */
    public Path masterKeyset() {
        return masterKeyset;
    }

    /** The cipher of the master keyset in this file, created there (mode 600, forced to disk) when there is none. */
    public static ContentCipher withMasterKeyset(Path file) {
        try {
            if (!Files.exists(file)) create(file);
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
                    InsecureSecretKeyAccess.get());
            return new ContentCipher(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class), file);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the content master keyset " + file.toAbsolutePath(), e);
        }
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                InsecureSecretKeyAccess.get());
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel directory = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    /** A new content key, and its wrapped form — the only form in which it is kept. */
    public ContentKey newKey() {
        try {
            KeysetHandle keyset = KeysetHandle.generateNew(CONTENT_KEY);
            return new ContentKey(keyset.getPrimitive(RegistryConfiguration.get(), StreamingAead.class),
                    TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, master, KEY_CONTEXT));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a content key", e);
        }
    }

    /** A kept key, unwrapped. */
    public ContentKey unwrap(byte[] wrapped) throws IOException {
        try {
            KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master, KEY_CONTEXT);
            return new ContentKey(keyset.getPrimitive(RegistryConfiguration.get(), StreamingAead.class), wrapped);
        } catch (GeneralSecurityException e) {
            throw new IOException("a content key cannot be unwrapped by this master key", e);
        }
    }

    /** A content key: the primitive and its wrapped bytes. */
    public record ContentKey(StreamingAead aead, byte[] wrapped) {

        public OutputStream encrypting(OutputStream ciphertext) throws IOException {
            try {
                return aead.newEncryptingStream(ciphertext, CONTENT_CONTEXT);
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        }

        public InputStream decrypting(InputStream ciphertext) throws IOException {
            try {
                return aead.newDecryptingStream(ciphertext, CONTENT_CONTEXT);
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
        }
    }
}
