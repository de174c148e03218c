package vn.gov.hanoi.lienthong.connectors.edxmlsoap;

import java.util.List;
import java.util.UUID;

import jakarta.activation.DataHandler;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.delivery.OutboundDocument;
import vn.gov.hanoi.lienthong.core.delivery.OutboundStatus;
import vn.gov.hanoi.lienthong.core.document.DeliveryRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.signature.SignedDocuments;
import vn.gov.hanoi.lienthong.core.document.StatusRecord;
import vn.gov.hanoi.lienthong.core.intake.IncomingAttachment;
import vn.gov.hanoi.lienthong.core.intake.IncomingDocument;
import vn.gov.hanoi.lienthong.core.intake.IntakeReceipt;
import vn.gov.hanoi.lienthong.core.refusal.Reason;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.core.status.StatusHistory;
import vn.gov.hanoi.lienthong.schemas.ws.agency.ReceiveDocumentRequest;
import vn.gov.hanoi.lienthong.schemas.ws.agency.ReceiveStatusRequest;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetDocumentResponse;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetPendingDocumentsResponse;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetStatusHistoryResponse;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.HubFault;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.SendDocumentRequest;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.SendDocumentResponse;
import vn.gov.hanoi.lienthong.schemas.ws.types.AttachmentPart;
import vn.gov.hanoi.lienthong.schemas.ws.types.HubFaultDetail;
import vn.gov.hanoi.lienthong.schemas.ws.types.RecipientState;
import vn.gov.hanoi.lienthong.schemas.ws.types.StatusEntry;

/** Between the SOAP contract (edoc.wsdl, agency.wsdl) and the hub's canonical model. */
@Component
public class EdocSoapMapper {

    private final SignedDocuments signed;

    public EdocSoapMapper(SignedDocuments signed) {
        this.signed = signed;
    }

    public IncomingDocument incoming(SendDocumentRequest request) {
        if (request.getEnvelope() == null) {
            throw RefusedException.because(ReasonCode.ENVELOPE_UNREADABLE, "the request carries no Envelope");
        }
        DataHandler envelope = request.getEnvelope();
        List<IncomingAttachment> attachments = request.getAttachment().stream()
                .map(part -> new IncomingAttachment(part.getContentId(), part.getAttachmentName(), part.getContentType(),
                        () -> {
                            if (part.getData() == null) {
                                throw new java.io.IOException("the part carries no Data");
                            }
                            return part.getData().getInputStream();
                        }))
                .toList();
        return new IncomingDocument(envelope::getInputStream, attachments);
    }

    public SendDocumentResponse sendDocumentResponse(IntakeReceipt receipt) {
        SendDocumentResponse response = new SendDocumentResponse();
        response.setDocumentId(receipt.documentId().toString());
        response.setDuplicate(receipt.duplicate());
        response.setReceivedAt(XmlTimes.of(receipt.receivedAt()));
        response.setSignedReceipt(receipt.signedReceipt());
        return response;
    }

    public GetPendingDocumentsResponse pendingResponse(List<UUID> documentIds) {
        GetPendingDocumentsResponse response = new GetPendingDocumentsResponse();
        documentIds.forEach(id -> response.getDocumentId().add(id.toString()));
        return response;
    }

    public GetDocumentResponse documentResponse(OutboundDocument document) {
        GetDocumentResponse response = new GetDocumentResponse();
        response.setDocumentId(document.documentId().toString());
        response.setSenderOrganId(document.senderOrganId());
        response.setEnvelope(new DataHandler(new StreamDataSource(document.envelope(), "edxml.xml")));
        response.getAttachment().addAll(parts(document));
        document.warnings().forEach(warning -> response.getWarning().add(wsReason(warning)));
        return response;
    }

    public ReceiveDocumentRequest receiveDocumentRequest(OutboundDocument document) {
        ReceiveDocumentRequest request = new ReceiveDocumentRequest();
        request.setDocumentId(document.documentId().toString());
        request.setSenderOrganId(document.senderOrganId());
        request.setEnvelope(new DataHandler(new StreamDataSource(document.envelope(), "edxml.xml")));
        request.getAttachment().addAll(parts(document));
        document.warnings().forEach(warning -> request.getWarning().add(wsReason(warning)));
        return request;
    }

    public ReceiveStatusRequest receiveStatusRequest(OutboundStatus status) {
        ReceiveStatusRequest request = new ReceiveStatusRequest();
        request.setDocumentId(status.documentId().toString());
        request.setSenderDocumentId(status.senderDocumentId());
        request.setStatus(statusEntry(status.document(), status.status()));
        return request;
    }

    public GetStatusHistoryResponse historyResponse(StatusHistory history) {
        GetStatusHistoryResponse response = new GetStatusHistoryResponse();
        response.setDocumentId(history.documentId().toString());
        response.setSenderOrganId(history.senderOrganId());
        response.setSenderDocumentId(history.senderDocumentId());
        response.setDocumentState(history.state().name());
        for (DeliveryRecord delivery : history.deliveries()) {
            RecipientState recipient = new RecipientState();
            recipient.setOrganId(delivery.recipientOrganId());
            recipient.setChannel(delivery.channel().configName());
            recipient.setDeliveryState(delivery.state().name());
            recipient.setUpdatedAt(XmlTimes.of(delivery.updatedAt()));
            recipient.setPurpose(delivery.purpose().name());
            recipient.setPaperRequirement(delivery.requirement() == null ? null : delivery.requirement().name());
            recipient.setArticle(delivery.article());
            recipient.setNote(delivery.note());
            recipient.setAcknowledgement(delivery.acknowledgement());
            response.getRecipient().add(recipient);
        }
        history.statuses().forEach(status -> response.getStatus().add(statusEntry(history.document(), status)));
        response.setSignedReceipt(history.senderReceipt());
        return response;
    }

    public HubFault fault(Reason reason) {
        HubFaultDetail detail = new HubFaultDetail();
        detail.setCode(reason.code());
        detail.setMessageVi(reason.messageVi());
        detail.setMessageEn(reason.messageEn());
        return new HubFault(reason.code() + ": " + reason.messageEn(), detail);
    }

    public UUID documentId(String text) {
        try {
            return UUID.fromString(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, text);
        }
    }

    private static List<AttachmentPart> parts(OutboundDocument document) {
        return document.attachments().stream().map(attachment -> {
            AttachmentPart part = new AttachmentPart();
            part.setContentId(attachment.contentId());
            part.setAttachmentName(attachment.name());
            part.setContentType(attachment.mediaType());
            part.setSize(attachment.size());
            part.setSha256(attachment.sha256());
            part.setData(new DataHandler(new StreamDataSource(attachment.content(), attachment.name())));
            return part;
        }).toList();
    }

    private StatusEntry statusEntry(DocumentRecord document, StatusRecord status) {
        StatusEntry entry = new StatusEntry();
        entry.setOrganId(status.organId());
        entry.setStatusCode(status.statusCode());
        entry.setDescription(status.description());
        entry.setTimestamp(XmlTimes.of(status.reportedAt()));
        entry.setRecordedAt(XmlTimes.of(status.recordedAt()));
        for (Reason reason : status.reasons()) {
            entry.getReason().add(wsReason(reason));
        }
        entry.setSignedStatus(signed.status(document, status));
        return entry;
    }

    private static vn.gov.hanoi.lienthong.schemas.ws.types.Reason wsReason(Reason reason) {
        vn.gov.hanoi.lienthong.schemas.ws.types.Reason wsReason = new vn.gov.hanoi.lienthong.schemas.ws.types.Reason();
        wsReason.setCode(reason.code());
        wsReason.setMessageVi(reason.messageVi());
        wsReason.setMessageEn(reason.messageEn());
        return wsReason;
    }
}
