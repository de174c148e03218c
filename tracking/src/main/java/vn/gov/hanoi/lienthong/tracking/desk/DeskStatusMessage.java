package vn.gov.hanoi.lienthong.tracking.desk;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.GregorianCalendar;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar;
import vn.gov.hanoi.lienthong.schemas.edxml.EdXML;
import vn.gov.hanoi.lienthong.schemas.edxml.EnvelopeType;
import vn.gov.hanoi.lienthong.schemas.edxml.HeaderType;
import vn.gov.hanoi.lienthong.schemas.edxml.OrganizationType;
import vn.gov.hanoi.lienthong.schemas.edxml.ResponseForType;
import vn.gov.hanoi.lienthong.schemas.edxml.StaffInfoType;
import vn.gov.hanoi.lienthong.schemas.edxml.StatusType;

/**
 * The edXML status message a desk clerk's action makes: the one an agency's DMS would send, from the agency, with
 * the clerk as its staff — so that it goes through the status stage and reaches the sender exactly as a DMS's.
 */
final class DeskStatusMessage {

    private static final JAXBContext JAXB;

    static {
        try {
            JAXB = JAXBContext.newInstance(EdXML.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private DeskStatusMessage() {
    }

    static byte[] of(String agencyOrganId, String agencyName, String senderOrganId, String senderDocumentId, String code,
                     String description, Instant at, String clerkName, String incomingNumber) {
        ResponseForType responseFor = new ResponseForType();
        responseFor.setOrganId(senderOrganId);
        responseFor.setDocumentId(senderDocumentId);
        OrganizationType from = new OrganizationType();
        from.setOrganId(agencyOrganId);
        from.setOrganName(agencyName);
        StaffInfoType staff = new StaffInfoType();
        staff.setDepartment("Văn thư");
        staff.setStaff(clerkName);
        StatusType status = new StatusType();
        status.setResponseFor(responseFor);
        status.setFrom(from);
        status.setStatusCode(code);
        status.setDescription(description);
        try {
            status.setTimestamp(DatatypeFactory.newInstance()
                    .newXMLGregorianCalendar(GregorianCalendar.from(at.atZone(WorkingCalendar.HANOI))));
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
        status.setStaffInfo(staff);
        status.setIncomingNumber(incomingNumber);
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
