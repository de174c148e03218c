package vn.gov.hanoi.lienthong.core.inspect;

import java.util.List;

import vn.gov.hanoi.lienthong.core.document.AttachmentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;

/** What a legality check sees: the recorded document, the envelope's exact bytes, and its files' records. */
public record InspectedDocument(DocumentRecord record, byte[] envelope, List<AttachmentRecord> attachments) {
}
