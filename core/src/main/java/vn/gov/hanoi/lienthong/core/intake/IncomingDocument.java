package vn.gov.hanoi.lienthong.core.intake;

import java.util.List;

import org.springframework.core.io.InputStreamSource;

/**
 * A document as a connector received it, mapped to the canonical form: the edXML envelope (read by intake,
 * up to the configured bound) and its files (streamed into the blob store).
 */
public record IncomingDocument(InputStreamSource envelope, List<IncomingAttachment> attachments) {
}
