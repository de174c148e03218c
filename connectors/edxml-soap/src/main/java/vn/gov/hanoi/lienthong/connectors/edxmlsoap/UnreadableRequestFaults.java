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

import vn.gov.hanoi.lienthong.core.refusal.Reason;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;

/**
 * A request CXF cannot read (broken XML, an unknown operation, a body that is not the contract's) is refused
 * before it reaches the hub's routes, with CXF's own fault. This gives that fault the hub's detail — a
 * HubFaultDetail with ENVELOPE_UNREADABLE (a client's error) or INTERNAL_ERROR — so that a sender's system
 * branches on a reason code whatever went wrong, and logs it, as every refusal is.
 */
final class UnreadableRequestFaults extends AbstractSoapInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(UnreadableRequestFaults.class);
    static final String TYPES_NAMESPACE = "http://lienthong.hanoi.gov.vn/ws/types/v1";

    UnreadableRequestFaults() {
        // After WebFaultOutInterceptor (PRE_PROTOCOL) has written a HubFault's own detail, before the fault is marshalled.
        super(Phase.WRITE);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault) || carriesHubDetail(fault)
                || causedByHubFault(fault)) {
            return;
        }
        boolean clientError = fault.getStatusCode() < 500 || Fault.FAULT_CODE_CLIENT.equals(fault.getFaultCode())
                || isReadingProblem(fault);
        Reason reason = clientError ? ReasonCode.ENVELOPE_UNREADABLE.with(describe(fault)) : ReasonCode.INTERNAL_ERROR.with();
        if (clientError) {
            LOG.warn("Refused an unreadable SOAP request: {}", describe(fault));
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
        for (Throwable cause = fault; cause != null; cause = cause.getCause()) {
            if (cause instanceof vn.gov.hanoi.lienthong.schemas.ws.edoc.HubFault) return true;
            if (cause.getCause() == cause) break;
        }
        return false;
    }

    private static boolean isReadingProblem(Throwable fault) {
        for (Throwable cause = fault; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getName();
            if (name.contains("XMLStream") || name.contains("Unmarshal") || name.contains("SAX")
                    || name.contains("WstxException")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Fault fault) {
        Throwable root = fault;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String text = root == fault ? fault.getMessage() : fault.getMessage() + " (" + root.getMessage() + ")";
        return text == null ? fault.getClass().getSimpleName() : text;
    }

    private static void append(Document xml, Element parent, String name, String text) {
        Element element = xml.createElementNS(TYPES_NAMESPACE, "lt:" + name);
        element.setTextContent(text);
        parent.appendChild(element);
    }
}
