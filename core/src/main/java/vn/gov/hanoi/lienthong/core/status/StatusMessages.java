package vn.gov.hanoi.lienthong.core.status;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.GregorianCalendar;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import vn.gov.hanoi.lienthong.schemas.edxml.EdXML;
import vn.gov.hanoi.lienthong.schemas.edxml.EnvelopeType;
import vn.gov.hanoi.lienthong.schemas.edxml.HeaderType;
import vn.gov.hanoi.lienthong.schemas.edxml.OrganizationType;
import vn.gov.hanoi.lienthong.schemas.edxml.ResponseForType;
import vn.gov.hanoi.lienthong.schemas.edxml.StatusType;

/**
 * The edXML status messages the hub writes on an agency's behalf — a clerk's reply by mail, a desk clerk's action —
 * the very message the agency's DMS would send, so that it goes through the status stage like one.
 */
public final class StatusMessages {

    private static final JAXBContext JAXB;
    private static final DatatypeFactory DATATYPES;

    static {
        try {
            JAXB = JAXBContext.newInstance(EdXML.class);
            DATATYPES = DatatypeFactory.newInstance();
        } catch (JAXBException | DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private StatusMessages() {
    }

    /** A status from {@code reporter} about the sender's document, at a time (in the time zone given). */
    public static StatusType status(String reporter, String senderOrganId, String senderDocumentId, String code,
                                    String description, Instant at, java.time.ZoneId zone) {
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
        status.setTimestamp(DATATYPES.newXMLGregorianCalendar(GregorianCalendar.from(at.atZone(zone))));
        return status;
    }

    /** The status as the bytes of its edXML message. */
    public static byte[] message(StatusType status) {
        HeaderType header = new HeaderType();
        header.setStatus(status);
        EnvelopeType envelope = new EnvelopeType();
        envelope.setEdXMLHeader(header);
        EdXML message = new EdXML();
        message.setEdXMLEnvelope(envelope);
        try {
            Marshaller marshaller = JAXB.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(message, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write a status message", e);
        }
    }
}
