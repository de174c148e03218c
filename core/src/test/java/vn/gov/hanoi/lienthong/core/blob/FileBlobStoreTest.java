package vn.gov.hanoi.lienthong.core.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileBlobStoreTest {

    @TempDir
    Path root;

    @Test
    void storesContentUnderItsHashOnceAndReadsItBack() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        byte[] content = "Công văn số 123/UBND-VP".getBytes(StandardCharsets.UTF_8);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

        StoredBlob first = store.store(new ByteArrayInputStream(content));
        StoredBlob second = store.store(new ByteArrayInputStream(content));

        assertThat(first).isEqualTo(new StoredBlob(expected, content.length)).isEqualTo(second);
        assertThat(store.contains(expected)).isTrue();
        try (InputStream in = store.open(expected)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(Files.exists(root.resolve(expected.substring(0, 2)).resolve(expected.substring(2, 4)).resolve(expected))).isTrue();
        try (Stream<Path> leftovers = Files.list(root.resolve("incoming"))) {
            assertThat(leftovers).as("no temporary file is left behind").isEmpty();
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws Exception {
        FileBlobStore store = new FileBlobStore(root);
        InputStream failing = new InputStream() {
            private int left = 10_000;

            @Override
            public int read() throws IOException {
                if (left <= 0) throw new IOException("connection reset by the sender");
                left--;
                return 'x';
            }
        };
        assertThatThrownBy(() -> store.store(failing)).isInstanceOf(IOException.class);
        try (Stream<Path> leftovers = Files.list(root.resolve("incoming"))) {
            assertThat(leftovers).isEmpty();
        }
    }

    @Test
    void refusesANameThatIsNotAHash() {
        FileBlobStore store = new FileBlobStore(root);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
