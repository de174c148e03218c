package vn.gov.hanoi.lienthong.core.intake;

import java.util.List;

import org.springframework.core.io.InputStreamSource;

/**
 * A document as a connector received it, mapped to the canonical form: the edXML envelope (read by intake,
 * up to the configured bound) and its files (streamed into the blob store).
 *
 * @param sourceReference the channel's own identity of what carried the document (a mail's message key),
 *                        recorded with the document so that the same carrier is never taken twice; null when
 *                        the channel has none (SOAP, REST: their senders resend under the same DocumentId)
 */
public record IncomingDocument(InputStreamSource envelope, List<IncomingAttachment> attachments, String sourceReference) {

    public IncomingDocument(InputStreamSource envelope, List<IncomingAttachment> attachments) {
        this(envelope, attachments, null);
    }
}
