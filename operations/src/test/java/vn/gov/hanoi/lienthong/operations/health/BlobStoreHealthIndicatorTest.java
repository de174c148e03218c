package vn.gov.hanoi.lienthong.operations.health;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;

import java.util.Optional;

import vn.gov.hanoi.lienthong.core.blob.ContentCipher;
import vn.gov.hanoi.lienthong.core.blob.ContentKeyStore;
import vn.gov.hanoi.lienthong.core.blob.FileBlobStore;

import static org.assertj.core.api.Assertions.assertThat;

class BlobStoreHealthIndicatorTest {

    @Test
    void upWhileABlobCanBeWrittenDownWhenItCannot(@TempDir Path folder) throws Exception {
        Path root = folder.resolve("blobs");
        // The probe writes and forces a file; it stores no blob, so it needs no content key.
        ContentKeyStore noKeys = new ContentKeyStore() {
            @Override
            public Optional<byte[]> find(String sha256) {
                throw new UnsupportedOperationException("the readiness probe reads no blob");
            }

            @Override
            public boolean keepUnlessPresent(String sha256, byte[] wrapped) {
                throw new UnsupportedOperationException("the readiness probe stores no blob");
            }

            @Override
            public boolean destroy(String sha256) {
                throw new UnsupportedOperationException("the readiness probe destroys nothing");
            }
        };
        BlobStoreHealthIndicator indicator = new BlobStoreHealthIndicator(new FileBlobStore(root, noKeys,
                ContentCipher.withMasterKeyset(folder.resolve("master-keyset.json"))));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        try (var left = Files.list(root.resolve("incoming"))) {
            assertThat(left).as("the probe is removed").isEmpty();
        }

        // The store's working folder gone and a file in its place (a full or broken volume looks alike to the hub).
        Files.delete(root.resolve("incoming"));
        Files.writeString(root.resolve("incoming"), "not a folder");
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }
}
