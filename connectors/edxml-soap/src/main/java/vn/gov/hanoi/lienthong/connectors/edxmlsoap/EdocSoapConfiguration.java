package vn.gov.hanoi.lienthong.connectors.edxmlsoap;

import javax.xml.namespace.QName;

import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.Bus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import vn.gov.hanoi.lienthong.schemas.ws.edoc.EdocPortType;

/** The SOAP service (edoc.wsdl), served by CXF under {@code cxf.path} (/ws): /ws/edoc, WSDL at /ws/edoc?wsdl. */
@Configuration
@ComponentScan
public class EdocSoapConfiguration {

    static final String NAMESPACE = "http://lienthong.hanoi.gov.vn/ws/edoc/v1";
    /** CXF's bound on one text node of a request (StaxUtils), in characters. */
    static final String INLINE_TEXT_LIMIT_PROPERTY = "org.apache.cxf.stax.maxTextLength";

    @Bean
    CxfEndpoint edocEndpoint(Bus bus, @Value("${hub.soap.max-inline-request-bytes:16777216}") int maxInlineBytes,
                             vn.gov.hanoi.lienthong.core.metrics.HubMeters meters) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setBus(bus);
        endpoint.setAddress("/edoc");
        endpoint.setServiceClass(EdocPortType.class);
        endpoint.setWsdlURL("classpath:wsdl/edoc.wsdl");
        endpoint.setServiceNameAsQName(new QName(NAMESPACE, "EdocService"));
        endpoint.setPortNameAsQName(new QName(NAMESPACE, "EdocPort"));
        endpoint.setDataFormat(DataFormat.POJO);
        // Files arrive and leave as MTOM parts, spooled to disk by CXF past its memory threshold.
        endpoint.setMtomEnabled(true);
        endpoint.getInInterceptors().add(new InlineRequestLimit(maxInlineBytes));
        endpoint.getOutFaultInterceptors().add(new UnreadableRequestFaults(maxInlineBytes, meters));
        java.util.Map<String, Object> properties = new java.util.HashMap<>();
        // A refusal is logged once, by the hub, without a stack trace (RefusalFaultListener).
        properties.put(org.apache.cxf.logging.FaultListener.class.getName(), new RefusalFaultListener());
        // Files sent inline (base64 inside the body, without MTOM) are read into memory whole by any SOAP stack: the
        // request is bounded (InlineRequestLimit), and so, as a second guard, is any one text node of it.
        properties.put(INLINE_TEXT_LIMIT_PROPERTY, maxInlineBytes);
        endpoint.setProperties(properties);
        return endpoint;
    }
}
