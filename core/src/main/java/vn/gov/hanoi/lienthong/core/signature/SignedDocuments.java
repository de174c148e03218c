package vn.gov.hanoi.lienthong.core.signature;

import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Marshaller;

import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import vn.gov.hanoi.lienthong.core.document.AttachmentRecord;
import vn.gov.hanoi.lienthong.core.document.DeliveryRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.StatusRecord;
import vn.gov.hanoi.lienthong.core.edxml.EdxmlReader;
import vn.gov.hanoi.lienthong.schemas.edxml.EdXML;
import vn.gov.hanoi.lienthong.schemas.edxml.EnvelopeType;
import vn.gov.hanoi.lienthong.schemas.edxml.HeaderType;
import vn.gov.hanoi.lienthong.schemas.edxml.OrganizationType;
import vn.gov.hanoi.lienthong.schemas.edxml.ResponseForType;
import vn.gov.hanoi.lienthong.schemas.edxml.StatusType;

/**
 * What the hub hands out signed: the receipt of a document (what it received, when, with which hashes) and
 * each status about a document, as an edXML status message.
 */
@Component
public class SignedDocuments {

    /** The namespace of the receipt (wsdl/lienthong-types.xsd, element Receipt). */
    public static final String RECEIPT_NAMESPACE = "http://lienthong.hanoi.gov.vn/ws/types/v1";
    private static final int MAX_DESCRIPTION = 2000;

    private final HubSigner signer;
    private final JAXBContext jaxb;
    private final DatatypeFactory datatypes;

    public SignedDocuments(HubSigner signer) throws Exception {
        this.signer = signer;
        this.jaxb = JAXBContext.newInstance(EdXML.class);
        this.datatypes = DatatypeFactory.newInstance();
    }

    /** The signed receipt: the hub's id, the sender's, the time of receipt and the SHA-256 of everything received. */
    public byte[] receipt(DocumentRecord document, List<AttachmentRecord> attachments) {
        return receipt(document, attachments, List.of());
    }

    /**
     * The signed receipt once the document is dispatched: also each delivery, with what Decision 57 requires of
     * it and the article that says so.
     */
    public byte[] receipt(DocumentRecord document, List<AttachmentRecord> attachments, List<DeliveryRecord> deliveries) {
        Document xml = newDocument();
        Element receipt = xml.createElementNS(RECEIPT_NAMESPACE, "lt:Receipt");
        // Declared as an attribute, so that what is canonicalised when signing is what is serialised after.
        receipt.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:lt", RECEIPT_NAMESPACE);
        xml.appendChild(receipt);
        append(xml, receipt, "DocumentId", document.id().toString());
        append(xml, receipt, "SenderOrganId", document.senderOrganId());
        append(xml, receipt, "SenderDocumentId", document.senderDocumentId());
        append(xml, receipt, "ReceivedAt", document.receivedAt().toString());
        append(xml, receipt, "EnvelopeSha256", document.envelopeSha256());
        for (AttachmentRecord attachment : attachments) {
            Element part = xml.createElementNS(RECEIPT_NAMESPACE, "lt:Attachment");
            receipt.appendChild(part);
            append(xml, part, "ContentId", attachment.contentId());
            append(xml, part, "Size", Long.toString(attachment.size()));
            append(xml, part, "Sha256", attachment.sha256());
        }
        for (DeliveryRecord delivery : deliveries) {
            Element entry = xml.createElementNS(RECEIPT_NAMESPACE, "lt:Delivery");
            receipt.appendChild(entry);
            append(xml, entry, "OrganId", delivery.recipientOrganId());
            append(xml, entry, "Purpose", delivery.purpose().name());
            if (delivery.requirement() != null) append(xml, entry, "PaperRequirement", delivery.requirement().name());
            if (delivery.article() != null) append(xml, entry, "Article", delivery.article());
            if (delivery.note() != null) append(xml, entry, "Note", delivery.note());
            if (delivery.acknowledgement() != null) append(xml, entry, "Acknowledgement", delivery.acknowledgement());
        }
        return signer.sign(xml, receipt);
    }

    /** A status as a signed edXML status message (edXML/edXMLEnvelope/edXMLHeader/Status). */
    public byte[] status(DocumentRecord document, StatusRecord status) {
        try {
            ResponseForType responseFor = new ResponseForType();
            responseFor.setOrganId(document.senderOrganId());
            responseFor.setCode(document.codeNotation());
            responseFor.setDocumentId(document.senderDocumentId());
            OrganizationType from = new OrganizationType();
            from.setOrganId(status.organId());
            StatusType statusType = new StatusType();
            statusType.setResponseFor(responseFor);
            statusType.setFrom(from);
            statusType.setStatusCode(status.statusCode());
            statusType.setDescription(description(status));
            statusType.setTimestamp(datatypes.newXMLGregorianCalendar(
                    GregorianCalendar.from(status.reportedAt().atZone(ZoneOffset.UTC))));
            HeaderType header = new HeaderType();
            header.setStatus(statusType);
            EnvelopeType envelope = new EnvelopeType();
            envelope.setEdXMLHeader(header);
            EdXML message = new EdXML();
            message.setEdXMLEnvelope(envelope);
            Document xml = newDocument();
            Marshaller marshaller = jaxb.createMarshaller();
            marshaller.marshal(message, xml);
            Element headerElement = (Element) xml.getElementsByTagNameNS(EdxmlReader.NAMESPACE, "edXMLHeader").item(0);
            return signer.sign(xml, headerElement);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write status " + status.id() + " as edXML", e);
        }
    }

    private static String description(StatusRecord status) {
        String text = status.description() == null ? "" : status.description();
        if (!status.reasons().isEmpty()) {
            text += (text.isEmpty() ? "" : ": ") + status.reasons().stream()
                    .map(r -> r.code() + " — " + r.messageVi()).collect(Collectors.joining("; "));
        }
        return text.length() <= MAX_DESCRIPTION ? (text.isEmpty() ? null : text) : text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }

    private static void append(Document xml, Element parent, String name, String value) {
        Element element = xml.createElementNS(RECEIPT_NAMESPACE, "lt:" + name);
        element.setTextContent(value);
        parent.appendChild(element);
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
