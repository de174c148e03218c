package vn.gov.hanoi.lienthong.core.edxml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.schemas.edxml.EdXML;
import vn.gov.hanoi.lienthong.schemas.edxml.MessageHeaderType;
import vn.gov.hanoi.lienthong.schemas.edxml.StatusType;

/**
 * Reads edXML messages safely: no DTD, no external entity or schema is ever fetched or expanded, and
 * validation runs against the schemas packed in the schemas module.
 */
@Component
public class EdxmlReader {

    public static final String NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    private static final int MAX_REPORTED_VIOLATIONS = 20;
    private static final String SCHEMA_FOLDER = "edxml/";
    /** edXML nests a dozen levels at most; a deeper document is an attack on the parser. */
    private static final String MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";
    private static final Integer MAX_DEPTH = 64;
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_DECLARATION_ENCODING =
            Pattern.compile("\\uFEFF?<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    private final Schema schema;
    private final JAXBContext jaxb;

    public EdxmlReader() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // Nothing is fetched from anywhere: the schema's includes are read from the schemas jar by name.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setResourceResolver(new PackagedSchemaResolver(SCHEMA_FOLDER));
            this.schema = factory.newSchema(new StreamSource(PackagedSchemaResolver.open(SCHEMA_FOLDER + "edxml.xsd"),
                    "edxml.xsd"));
            this.jaxb = JAXBContext.newInstance(EdXML.class);
        } catch (SAXException | JAXBException e) {
            throw new IllegalStateException("cannot load the edXML schema", e);
        }
    }

    /** The text of one element of the envelope, with the path that names it in a refusal. */
    public record TextField(String path, String text) {
    }

    /**
     * Refuses, before any parsing, what no edXML message may be: a document type declaration (the door to
     * external entities and entity expansion) and anything not encoded in UTF-8.
     */
    public void checkSafeXml(byte[] xml) {
        CharBuffer text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(xml));
        } catch (CharacterCodingException e) {
            throw RefusedException.because(ReasonCode.TEXT_NOT_UTF8, "the bytes are not valid UTF-8");
        }
        Matcher declaration = XML_DECLARATION_ENCODING.matcher(text);
        if (declaration.lookingAt() && !declaration.group(1).equalsIgnoreCase("UTF-8")) {
            throw RefusedException.because(ReasonCode.TEXT_NOT_UTF8, "the XML declaration says " + declaration.group(1));
        }
        if (DOCTYPE.matcher(text).find()) {
            throw RefusedException.because(ReasonCode.XML_FORBIDDEN,
                    "a DOCTYPE declaration (DTDs and entities are not allowed)");
        }
    }

    /** The header of a schema-valid document message as typed objects; empty if the envelope is not valid. */
    public Optional<MessageHeaderType> readMessageHeader(byte[] xml) {
        if (!schemaViolations(xml).isEmpty()) return Optional.empty();
        try {
            return messageHeader(parse(xml));
        } catch (RefusedException e) {
            return Optional.empty();
        }
    }

    /**
     * The header of an envelope already known to be schema-valid (inspected, or accepted by inspection), from
     * its parsed form: no second validation.
     */
    public Optional<MessageHeaderType> messageHeader(Document dom) {
        try {
            EdXML edxml = (EdXML) jaxb.createUnmarshaller().unmarshal(dom);
            return Optional.ofNullable(edxml.getEdXMLEnvelope().getEdXMLHeader().getMessageHeader());
        } catch (JAXBException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Every piece of text in the envelope, outside its signature, with the path of its element. */
    public List<TextField> textFields(byte[] xml) {
        return textFields(parse(xml));
    }

    public List<TextField> textFields(Document dom) {
        List<TextField> fields = new ArrayList<>();
        collectText(dom.getDocumentElement(), "", fields);
        return fields;
    }

    private static void collectText(Element element, String parentPath, List<TextField> fields) {
        if (!NAMESPACE.equals(element.getNamespaceURI())) return;
        String path = parentPath.isEmpty() ? element.getLocalName() : parentPath + "/" + element.getLocalName();
        StringBuilder own = new StringBuilder();
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element child) {
                collectText(child, path, fields);
            } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                own.append(node.getNodeValue());
            }
        }
        String text = own.toString().strip();
        if (!text.isEmpty()) {
            fields.add(new TextField(path.replaceFirst("^edXML/edXMLEnvelope/(edXMLHeader/)?", ""), text));
        }
    }

    /** The envelope as a DOM, parsed with the same protections as everything else here. */
    public Document dom(byte[] xml) {
        return parse(xml);
    }

    /** Parses a document message far enough to route it; refuses what is not readable edXML at all. */
    public EnvelopeSummary summarize(byte[] envelope) {
        return summarize(parse(envelope));
    }

    public EnvelopeSummary summarize(Document document) {
        Element header = child(document.getDocumentElement(), "edXMLEnvelope", "edXMLHeader");
        Element message = header == null ? null : firstChild(header, "MessageHeader");
        if (message == null) {
            throw RefusedException.because(ReasonCode.ENVELOPE_UNREADABLE,
                    "no edXML/edXMLEnvelope/edXMLHeader/MessageHeader in namespace " + NAMESPACE);
        }
        String sender = text(firstChild(message, "From"), "OrganId");
        String documentId = text(message, "DocumentId");
        if (sender == null || documentId == null) {
            throw RefusedException.because(ReasonCode.ENVELOPE_UNREADABLE,
                    "MessageHeader must name From/OrganId and DocumentId");
        }
        List<String> recipients = new ArrayList<>();
        for (Element to : children(message, "To")) {
            String organId = text(to, "OrganId");
            if (organId != null) recipients.add(organId);
        }
        Element code = firstChild(message, "Code");
        String notation = code == null ? null : join(text(code, "CodeNumber"), text(code, "CodeNotation"));
        List<String> contentIds = new ArrayList<>();
        Element body = child(document.getDocumentElement(), "edXMLEnvelope", "edXMLBody");
        if (body != null) {
            for (Element attachment : children(body, "Attachment")) {
                contentIds.add(text(attachment, "ContentId"));
            }
        }
        return new EnvelopeSummary(sender, documentId, List.copyOf(recipients), text(message, "Subject"), notation,
                contentIds);
    }

    /** The files the envelope lists: ContentId to AttachmentName, in the envelope's order. */
    public java.util.Map<String, String> attachmentNames(Document document) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        Element body = child(document.getDocumentElement(), "edXMLEnvelope", "edXMLBody");
        if (body != null) {
            for (Element attachment : children(body, "Attachment")) {
                String contentId = text(attachment, "ContentId");
                if (contentId != null) names.put(contentId, text(attachment, "AttachmentName"));
            }
        }
        return names;
    }

    /** Validates against the edXML schema; returns every violation found (up to a bound), empty if valid. */
    public List<String> schemaViolations(byte[] xml) {
        List<String> violations = new ArrayList<>();
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    violations.add(describe(e));
                    if (violations.size() >= MAX_REPORTED_VIOLATIONS) throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    violations.add(describe(e));
                    throw e;
                }
            });
            validator.validate(new SAXSource(secureReader(), new InputSource(new ByteArrayInputStream(xml))));
        } catch (SAXParseException e) {
            // Already reported through the error handler.
        } catch (SAXException | IOException e) {
            violations.add(e.getMessage());
        }
        return violations;
    }

    /** Reads a status message: schema-valid edXML whose header is a Status; refuses anything else. */
    public StatusType readStatus(byte[] xml) {
        try {
            checkSafeXml(xml);
        } catch (RefusedException e) {
            throw RefusedException.because(ReasonCode.STATUS_INVALID, e.reason().messageEn());
        }
        List<String> violations = schemaViolations(xml);
        if (!violations.isEmpty()) {
            throw RefusedException.because(ReasonCode.STATUS_INVALID, String.join("; ", violations));
        }
        try {
            EdXML edxml = (EdXML) jaxb.createUnmarshaller().unmarshal(parse(xml));
            StatusType status = edxml.getEdXMLEnvelope().getEdXMLHeader().getStatus();
            if (status == null) {
                throw RefusedException.because(ReasonCode.STATUS_INVALID, "the header holds no Status");
            }
            return status;
        } catch (JAXBException e) {
            throw RefusedException.because(ReasonCode.STATUS_INVALID, e.getMessage());
        }
    }

    private static String describe(SAXParseException e) {
        return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage();
    }

    private Document parse(byte[] xml) {
        checkSafeXml(xml);
        try {
            return secureDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw RefusedException.because(ReasonCode.ENVELOPE_UNREADABLE, e.getMessage());
        }
    }

    private static DocumentBuilder secureDocumentBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute(MAX_ELEMENT_DEPTH, MAX_DEPTH);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static XMLReader secureReader() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setProperty(MAX_ELEMENT_DEPTH, MAX_DEPTH);
            return reader;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element child(Element parent, String... path) {
        if (parent == null || !NAMESPACE.equals(parent.getNamespaceURI()) || !"edXML".equals(parent.getLocalName())) {
            return null;
        }
        Element current = parent;
        for (String name : path) {
            current = firstChild(current, name);
            if (current == null) return null;
        }
        return current;
    }

    private static Element firstChild(Element parent, String localName) {
        if (parent == null) return null;
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && NAMESPACE.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String localName) {
        Element element = firstChild(parent, localName);
        if (element == null) return null;
        String value = element.getTextContent().strip();
        return value.isEmpty() ? null : value;
    }

    private static String join(String number, String notation) {
        if (number == null) return notation;
        return notation == null ? number : number + "/" + notation;
    }
}
