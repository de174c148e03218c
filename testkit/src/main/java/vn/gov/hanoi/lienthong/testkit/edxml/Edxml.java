package vn.gov.hanoi.lienthong.testkit.edxml;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.GregorianCalendar;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import vn.gov.hanoi.lienthong.schemas.edxml.EdXML;

/** Writing edXML messages as bytes, as an agency's system would. */
final class Edxml {

    private static final JAXBContext CONTEXT;
    private static final DatatypeFactory DATATYPES;

    static {
        try {
            CONTEXT = JAXBContext.newInstance(EdXML.class);
            DATATYPES = DatatypeFactory.newInstance();
        } catch (JAXBException | DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Edxml() {
    }

    static byte[] marshal(EdXML message) {
        try {
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(message, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }

    static XMLGregorianCalendar date(LocalDate date) {
        return DATATYPES.newXMLGregorianCalendar(date.toString());
    }

    static XMLGregorianCalendar dateTime(OffsetDateTime time) {
        return DATATYPES.newXMLGregorianCalendar(GregorianCalendar.from(time.toZonedDateTime()));
    }
}
