package vn.gov.hanoi.lienthong.testkit.edxml;

import java.time.OffsetDateTime;

import vn.gov.hanoi.lienthong.schemas.edxml.EdXML;
import vn.gov.hanoi.lienthong.schemas.edxml.EnvelopeType;
import vn.gov.hanoi.lienthong.schemas.edxml.HeaderType;
import vn.gov.hanoi.lienthong.schemas.edxml.OrganizationType;
import vn.gov.hanoi.lienthong.schemas.edxml.ResponseForType;
import vn.gov.hanoi.lienthong.schemas.edxml.StatusType;

/** Builds an edXML status message: what a recipient reports about a document it received. */
public final class StatusMessage {

    private StatusMessage() {
    }

    /**
     * @param reporter         the recipient's organ code
     * @param senderOrganId    the document's sender
     * @param senderDocumentId the sender's own id of the document (edXML DocumentId)
     * @param code             the status code (01 arrived, 03 registered, 04 assigned, 06 done…)
     */
    public static byte[] of(String reporter, String senderOrganId, String senderDocumentId, String code,
                            String description, OffsetDateTime at) {
        return of(reporter, senderOrganId, senderDocumentId, code, description, at, null);
    }

    /** @param incomingNumber with 03: the number the recipient gave the document in its incoming register */
    public static byte[] of(String reporter, String senderOrganId, String senderDocumentId, String code,
                            String description, OffsetDateTime at, String incomingNumber) {
        ResponseForType responseFor = new ResponseForType();
        responseFor.setOrganId(senderOrganId);
        responseFor.setDocumentId(senderDocumentId);
        OrganizationType from = new OrganizationType();
        from.setOrganId(reporter);
        StatusType status = new StatusType();
        status.setResponseFor(responseFor);
        status.setFrom(from);
        status.setStatusCode(code);
        status.setDescription(description);
        status.setTimestamp(Edxml.dateTime(at));
        status.setIncomingNumber(incomingNumber);
        HeaderType header = new HeaderType();
        header.setStatus(status);
        EnvelopeType envelope = new EnvelopeType();
        envelope.setEdXMLHeader(header);
        EdXML message = new EdXML();
        message.setEdXMLEnvelope(envelope);
        return Edxml.marshal(message);
    }
}
