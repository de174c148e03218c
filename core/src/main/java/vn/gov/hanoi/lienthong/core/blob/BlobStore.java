package vn.gov.hanoi.lienthong.core.blob;

import java.io.IOException;
import java.io.InputStream;

/**
 * Content-addressed storage of envelopes, attachments and status messages, encrypted at rest under a key per blob. Messages on the broker carry only the hash
 * (claim check); the bytes never travel through it.
 */
public interface BlobStore {

    /** Stores the stream's bytes durably (on stable storage when this returns) and names them by hash. */
    StoredBlob store(InputStream content) throws IOException;

    /** Opens a stored blob; the caller closes the stream. */
    InputStream open(String sha256) throws IOException;

    boolean contains(String sha256);

    /** A stored blob's bytes, whole (for the small parts the archive hands out: envelopes, files, status messages). */
    default byte[] readAll(String sha256) throws IOException {
        try (InputStream in = open(sha256)) {
            return in.readAllBytes();
        }
    }

    /**
     * Destroys a blob (a destruction run's, once no document still refers to it): its content key, in the caller's
     * transaction, so that its ciphertext — and every copy of it — can no longer be decrypted, then its file.
     * @return whether it had a key (a blob stored in plaintext by an earlier version has none: its file is removed)
     */
    boolean destroy(String sha256) throws IOException;

    /**
     * Encrypts, each under a key of its own, the blobs stored before the hub encrypted content at rest (an upgraded
     * hub's), resting this long after each so that the exchange keeps its pace. @return how many it encrypted
     */
    long encryptStoredInPlaintext(java.time.Duration restBetweenFiles) throws IOException;

    /** Whether a blob can be written and made durable now (a readiness check): throws when it cannot. */
    void checkWritable() throws IOException;
}
