package vn.gov.hanoi.lienthong.connectors.edxmlsoap;

import javax.xml.namespace.QName;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import vn.gov.hanoi.lienthong.core.refusal.Causes;
import vn.gov.hanoi.lienthong.core.refusal.Reason;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;

/**
 * A request CXF cannot read (broken XML, an unknown operation, a body that is not the contract's) is refused
 * before it reaches the hub's routes, with CXF's own fault. This gives that fault the hub's detail — a
 * HubFaultDetail with XML_FORBIDDEN (a DOCTYPE), INLINE_CONTENT_TOO_LARGE (inline content past the bound),
 * ENVELOPE_UNREADABLE (anything else a client sent wrong) or INTERNAL_ERROR — so that a sender's system
 * branches on a reason code whatever went wrong, and logs it, as every refusal is.
 */
final class UnreadableRequestFaults extends AbstractSoapInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableRequestFaults.class);
    static final String TYPES_NAMESPACE = "http://lienthong.hanoi.gov.vn/ws/types/v1";

    private final int maxInlineBytes;
    private final vn.gov.hanoi.lienthong.core.metrics.HubMeters meters;

    UnreadableRequestFaults(int maxInlineBytes, vn.gov.hanoi.lienthong.core.metrics.HubMeters meters) {
        // After WebFaultOutInterceptor (PRE_PROTOCOL) has written a HubFault's own detail, before the fault is marshalled.
        super(Phase.WRITE);
        this.meters = meters;
        this.maxInlineBytes = maxInlineBytes;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault) || carriesHubDetail(fault)
                || causedByHubFault(fault)) {
            return;
        }
        Reason reason = reasonFor(fault, maxInlineBytes);
        boolean clientError = reason != null;
        if (reason == null) reason = ReasonCode.INTERNAL_ERROR.with();
        if (clientError) {
            LOG.warn("Refused an unreadable SOAP request ({}): {}", reason.code(), describe(fault));
            meters.refused("door", reason.code());
            fault.setFaultCode(new QName("http://schemas.xmlsoap.org/soap/envelope/", "Client"));
        } else {
            LOG.error("SOAP request failed inside CXF: {}", describe(fault), fault);
        }
        Element detail = fault.getOrCreateDetail();
        Document xml = detail.getOwnerDocument();
        Element hubDetail = xml.createElementNS(TYPES_NAMESPACE, "lt:HubFaultDetail");
        append(xml, hubDetail, "Code", reason.code());
        append(xml, hubDetail, "MessageVi", reason.messageVi());
        append(xml, hubDetail, "MessageEn", reason.messageEn());
        detail.appendChild(hubDetail);
    }

    private static boolean carriesHubDetail(Fault fault) {
        if (fault.getDetail() == null) return false;
        for (Node child = fault.getDetail().getFirstChild(); child != null; child = child.getNextSibling()) {
            if ("HubFaultDetail".equals(child.getLocalName())) return true;
        }
        return false;
    }

    private static boolean causedByHubFault(Throwable fault) {
        return Causes.any(fault, vn.gov.hanoi.lienthong.schemas.ws.edoc.HubFault.class);
    }

    /** Whether the fault is a client's mistake, answered and logged here in one line (RefusalFaultListener asks). */
    static boolean isClientMistake(Fault fault) {
        return reasonFor(fault, 0) != null;
    }

    /** The client's mistake the fault stands for, or null when it is the hub's own failure. */
    private static Reason reasonFor(Fault fault, int maxInlineBytes) {
        String text = describe(fault);
        boolean reading = isReadingProblem(fault);
        if (reading && (text.contains("DTD") || text.contains("DOCTYPE") || text.contains("ENTITY"))) {
            return ReasonCode.XML_FORBIDDEN.with("DOCTYPE (DTDs and entities are not allowed in a request)");
        }
        if (Causes.any(fault, InlineRequestLimit.TooLarge.class) || reading && TEXT_LIMIT.matcher(text).find()) {
            return ReasonCode.INLINE_CONTENT_TOO_LARGE.with(maxInlineBytes);
        }
        boolean clientCode = fault.getFaultCode() != null && CLIENT_CODES.contains(fault.getFaultCode().getLocalPart());
        if (reading || clientCode || fault.getStatusCode() < 500 || Fault.FAULT_CODE_CLIENT.equals(fault.getFaultCode())) {
            return ReasonCode.ENVELOPE_UNREADABLE.with(text);
        }
        return null;
    }

    /** Woodstox's words when a text node passes org.apache.cxf.stax.maxTextLength. */
    private static final java.util.regex.Pattern TEXT_LIMIT =
            java.util.regex.Pattern.compile("(?i)text (size|length) limit|maximum text length");
    /** The client's fault codes of SOAP 1.1 and 1.2. */
    private static final java.util.Set<String> CLIENT_CODES = java.util.Set.of("Client", "Sender");

    /** Whether the request could not be read as XML, or not as the contract's XML. */
    private static boolean isReadingProblem(Throwable fault) {
        return Causes.any(fault, javax.xml.stream.XMLStreamException.class, org.xml.sax.SAXException.class,
                jakarta.xml.bind.UnmarshalException.class);
    }

    private static String describe(Fault fault) {
        Throwable root = Causes.root(fault);
        String text = root == fault ? fault.getMessage() : fault.getMessage() + " (" + root.getMessage() + ")";
        return text == null ? fault.getClass().getSimpleName() : text;
    }

    private static void append(Document xml, Element parent, String name, String text) {
        Element element = xml.createElementNS(TYPES_NAMESPACE, "lt:" + name);
        element.setTextContent(text);
        parent.appendChild(element);
    }
}
