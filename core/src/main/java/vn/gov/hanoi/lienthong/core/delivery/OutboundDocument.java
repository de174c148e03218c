package vn.gov.hanoi.lienthong.core.delivery;

import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamSource;

import vn.gov.hanoi.lienthong.core.policy.DeliveryPurpose;
import vn.gov.hanoi.lienthong.core.policy.Requirement;
import vn.gov.hanoi.lienthong.core.refusal.Reason;

/**
 * A document as a channel hands it to a recipient: the envelope's bytes and each file, streamed from the blob
 * store, and — for a delivery — what the regulation requires of it ({@code requirement}, {@code article}), why
 * the delivery exists ({@code purpose}), for a publication the portal category ({@code note}), and what inspection
 * asks the recipient's clerk to look at ({@code warnings}: active content in a PDF, a signature it could not read…).
 */
public record OutboundDocument(UUID documentId, String senderOrganId, String senderDocumentId, InputStreamSource envelope,
                               List<OutboundAttachment> attachments, Requirement requirement, String article,
                               DeliveryPurpose purpose, String note, List<Reason> warnings) {

    public OutboundDocument {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public OutboundDocument forDelivery(Requirement requirement, String article, DeliveryPurpose purpose, String note) {
        return new OutboundDocument(documentId, senderOrganId, senderDocumentId, envelope, attachments, requirement, article,
                purpose, note, warnings);
    }

    public record OutboundAttachment(String contentId, String name, String mediaType, long size, String sha256,
                                     InputStreamSource content) {
    }
}
