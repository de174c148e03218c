package vn.gov.hanoi.lienthong.core.blob;

import java.io.IOException;
import java.io.InputStream;

/**
 * Content-addressed storage of envelopes and attachments. Messages on the broker carry only the hash
 * (claim check); the bytes never travel through it.
 */
public interface BlobStore {

    /** Stores the stream's bytes durably (on stable storage when this returns) and names them by hash. */
    StoredBlob store(InputStream content) throws IOException;

    /** Opens a stored blob; the caller closes the stream. */
    InputStream open(String sha256) throws IOException;

    boolean contains(String sha256);

    /** Whether a blob can be written and made durable now (a readiness check): throws when it cannot. */
    void checkWritable() throws IOException;
}
