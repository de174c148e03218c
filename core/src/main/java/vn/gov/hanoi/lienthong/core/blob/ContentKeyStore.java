package vn.gov.hanoi.lienthong.core.blob;

import java.util.Optional;

/** Where the blobs' wrapped content keys are kept, by the blob's SHA-256 (the database's {@code content_key}). */
public interface ContentKeyStore {

    /** The wrapped key of this blob, if it has one still. */
    Optional<byte[]> find(String sha256);

    /**
     * Keeps this wrapped key for this blob unless the blob has one already (then only notes that the content was
     * stored again now). @return whether this key is now the blob's
     */
    boolean keepUnlessPresent(String sha256, byte[] wrapped);

    /** Destroys the blob's key (in the caller's transaction). @return whether there was one */
    boolean destroy(String sha256);
}
