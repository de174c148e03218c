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
     * Removes a blob's file (a destruction run's, once the blob's content key is destroyed and no document still refers
     * to it). Nothing happens when it is not there.
     */
    void delete(String sha256) throws IOException;

    /** Whether a blob can be written and made durable now (a readiness check): throws when it cannot. */
    void checkWritable() throws IOException;
}
