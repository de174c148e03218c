package vn.gov.hanoi.lienthong.archive;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The archive's own small XML documents, signed by the hub (checkpoints, certified copies, destruction records):
 * elements {@code lt:*} in the archive's namespace.
 */
public final class ArchiveXml {

    public static final String NAMESPACE = "http://lienthong.hanoi.gov.vn/archive/v1";

    private ArchiveXml() {
    }

    /** A new document whose root element has this name. */
    public static Element newRoot(String name) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document xml = factory.newDocumentBuilder().newDocument();
            Element root = xml.createElementNS(NAMESPACE, "lt:" + name);
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:lt", NAMESPACE);
            xml.appendChild(root);
            return root;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A child element with this text (none when the value is null). */
    public static Element add(Element parent, String name, Object value) {
        Element element = parent.getOwnerDocument().createElementNS(NAMESPACE, "lt:" + name);
        if (value != null) element.setTextContent(value.toString());
        parent.appendChild(element);
        return element;
    }
}
