package vn.gov.hanoi.lienthong.core.document;

public record AttachmentRecord(int position, String contentId, String name, String mediaType, long size, String sha256) {
}
