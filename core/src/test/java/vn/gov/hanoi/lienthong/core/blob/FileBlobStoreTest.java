package vn.gov.hanoi.lienthong.core.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
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
        FileBlobStore store = KeysInMemory.blobStore(root);
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
        FileBlobStore store = KeysInMemory.blobStore(root);
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
        FileBlobStore store = KeysInMemory.blobStore(root);
        assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contentIsEncryptedAtRestUnderItsOwnKeyAndUnreadableOnceTheKeyIsDestroyed() throws Exception {
        KeysInMemory keys = new KeysInMemory();
        FileBlobStore store = new FileBlobStore(root, keys, ContentCipher.withMasterKeyset(root.resolveSibling("master.json")));
        byte[] content = "Quyết định số 57/2013/QĐ-UBND về quản lý văn bản điện tử".getBytes(StandardCharsets.UTF_8);
        StoredBlob stored = store.store(new ByteArrayInputStream(content));
        StoredBlob other = store.store(new ByteArrayInputStream("another".getBytes(StandardCharsets.UTF_8)));

        byte[] onDisk = Files.readAllBytes(fileOf(stored.sha256()));
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).startsWith("LTBLOB1\n").doesNotContain("57/2013");
        assertThat(keys.find(stored.sha256())).as("a key of its own").isPresent()
                .get().isNotEqualTo(keys.find(other.sha256()).orElseThrow());

        try (InputStream in = store.open(stored.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(content); // its key now among those unwrapped lately
        }
        assertThat(store.destroy(stored.sha256())).isTrue();
        assertThat(keys.find(stored.sha256())).isEmpty();
        assertThat(Files.exists(fileOf(stored.sha256()))).isFalse();
        assertThat(store.contains(stored.sha256())).isFalse();
        // The ciphertext put back, as a copy kept aside would be: still nothing to decrypt it with.
        Files.write(fileOf(stored.sha256()), onDisk);
        assertThatThrownBy(() -> store.open(stored.sha256())).isInstanceOf(ContentKeyGoneException.class);
        try (InputStream in = store.open(other.sha256())) {
            assertThat(in.readAllBytes()).as("the other blob untouched").isEqualTo("another".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aFileOfSeveralSegmentsStreamsBothWaysAndAChangedByteIsRefused() throws Exception {
        FileBlobStore store = KeysInMemory.blobStore(root);
        byte[] content = new byte[3 * 1024 * 1024 + 12345];
        new java.util.Random(57).nextBytes(content);
        StoredBlob stored = store.store(new ByteArrayInputStream(content));
        try (InputStream in = store.open(stored.sha256())) {
            assertThat(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()))
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(content));
        }
        Path file = fileOf(stored.sha256());
        byte[] changed = Files.readAllBytes(file);
        changed[changed.length / 2] ^= 0x01;
        Files.write(file, changed);
        assertThatThrownBy(() -> {
            try (InputStream in = store.open(stored.sha256())) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void blobsStoredBeforeEncryptionAreEncryptedInPlaceEachUnderItsOwnKey() throws Exception {
        KeysInMemory keys = new KeysInMemory();
        FileBlobStore store = new FileBlobStore(root, keys, ContentCipher.withMasterKeyset(root.resolveSibling("master.json")));
        List<byte[]> contents = List.of("Báo cáo năm 2019".getBytes(StandardCharsets.UTF_8), "Kế hoạch 2020".getBytes(StandardCharsets.UTF_8));
        List<String> names = new java.util.ArrayList<>();
        for (byte[] content : contents) {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            Files.createDirectories(fileOf(sha).getParent());
            Files.write(fileOf(sha), content);
            names.add(sha);
        }
        StoredBlob already = store.store(new ByteArrayInputStream("mới".getBytes(StandardCharsets.UTF_8)));

        assertThat(store.encryptStoredInPlaintext(java.time.Duration.ZERO)).isEqualTo(2);
        assertThat(store.encryptStoredInPlaintext(java.time.Duration.ZERO)).as("nothing left the second time").isZero();
        for (int i = 0; i < names.size(); i++) {
            assertThat(Files.readAllBytes(fileOf(names.get(i)))).startsWith(FileBlobStore.MAGIC);
            assertThat(keys.find(names.get(i))).isPresent();
            try (InputStream in = store.open(names.get(i))) {
                assertThat(in.readAllBytes()).isEqualTo(contents.get(i));
            }
        }
        assertThat(keys.find(already.sha256())).isPresent();
    }

    @Test
    void aBlobStoredBeforeEncryptionIsReadAsItIsAndEncryptedWhenStoredAgain() throws Exception {
        KeysInMemory keys = new KeysInMemory();
        FileBlobStore store = new FileBlobStore(root, keys, ContentCipher.withMasterKeyset(root.resolveSibling("master.json")));
        byte[] content = "Công văn cũ, lưu trước khi mã hóa".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        Files.createDirectories(fileOf(sha).getParent());
        Files.write(fileOf(sha), content);
        try (InputStream in = store.open(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        store.store(new ByteArrayInputStream(content));
        assertThat(Files.readAllBytes(fileOf(sha))).startsWith(FileBlobStore.MAGIC);
        try (InputStream in = store.open(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aKeyKeptWhoseFileNeverArrivedIsUsedWhenTheContentComesAgain() throws Exception {
        KeysInMemory keys = new KeysInMemory();
        FileBlobStore store = new FileBlobStore(root, keys, ContentCipher.withMasterKeyset(root.resolveSibling("master.json")));
        byte[] content = "Tờ trình số 12/TTr-SNV".getBytes(StandardCharsets.UTF_8);
        StoredBlob stored = store.store(new ByteArrayInputStream(content));
        byte[] key = keys.find(stored.sha256()).orElseThrow();
        Files.delete(fileOf(stored.sha256())); // as after a crash between the key's commit and the file's move

        store.store(new ByteArrayInputStream(content));
        assertThat(keys.find(stored.sha256())).get().isEqualTo(key);
        try (InputStream in = store.open(stored.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    private Path fileOf(String sha) {
        return root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }
}
