package vn.gov.hanoi.lienthong.core.intake;

import java.util.List;

/** A document as a connector received it, mapped to the canonical form: the edXML envelope and its files. */
public record IncomingDocument(byte[] envelope, List<IncomingAttachment> attachments) {
}
