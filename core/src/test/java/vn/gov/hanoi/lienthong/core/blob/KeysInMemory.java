package vn.gov.hanoi.lienthong.core.blob;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The content keys of a unit test's blob store, kept in a map instead of the database. */
public final class KeysInMemory implements ContentKeyStore {

    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    /** A blob store under this folder, its master keyset beside it, its keys in memory. */
    public static FileBlobStore blobStore(Path root) {
        return new FileBlobStore(root, new KeysInMemory(), ContentCipher.withMasterKeyset(root.resolveSibling(root.getFileName() + "-master-keyset.json")));
    }

    @Override
    public Optional<byte[]> find(String sha256) {
        return Optional.ofNullable(keys.get(sha256));
    }

    @Override
    public boolean keepUnlessPresent(String sha256, byte[] wrapped) {
        return keys.putIfAbsent(sha256, wrapped) == null;
    }

    @Override
    public boolean destroy(String sha256) {
        return keys.remove(sha256) != null;
    }
}
