package vn.gov.hanoi.lienthong.core.delivery;

import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamSource;

/** A document as a channel hands it to a recipient: the envelope's bytes and each file, streamed from the blob store. */
public record OutboundDocument(UUID documentId, String senderOrganId, String senderDocumentId, InputStreamSource envelope,
                               List<OutboundAttachment> attachments) {

    public record OutboundAttachment(String contentId, String name, String mediaType, long size, String sha256,
                                     InputStreamSource content) {
    }
}
