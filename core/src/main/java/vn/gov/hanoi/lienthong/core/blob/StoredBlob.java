package vn.gov.hanoi.lienthong.core.blob;

/** A file in the blob store, named by the SHA-256 (lower-case hex) of its bytes. */
public record StoredBlob(String sha256, long size) {
}
