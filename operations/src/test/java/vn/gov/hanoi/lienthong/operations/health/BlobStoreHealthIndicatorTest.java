package vn.gov.hanoi.lienthong.operations.health;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Status;

import vn.gov.hanoi.lienthong.core.blob.FileBlobStore;

import static org.assertj.core.api.Assertions.assertThat;

class BlobStoreHealthIndicatorTest {

    @Test
    void upWhileABlobCanBeWrittenDownWhenItCannot(@TempDir Path root) throws Exception {
        BlobStoreHealthIndicator indicator = new BlobStoreHealthIndicator(new FileBlobStore(root));
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
