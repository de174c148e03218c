package vn.gov.hanoi.lienthong.connectors.edxmlsoap;

import javax.xml.namespace.QName;

import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.Bus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import vn.gov.hanoi.lienthong.schemas.ws.edoc.EdocPortType;

/** The SOAP service (edoc.wsdl), served by CXF under {@code cxf.path} (/ws): /ws/edoc, WSDL at /ws/edoc?wsdl. */
@Configuration
@ComponentScan
public class EdocSoapConfiguration {

    static final String NAMESPACE = "http://lienthong.hanoi.gov.vn/ws/edoc/v1";

    @Bean
    CxfEndpoint edocEndpoint(Bus bus) {
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
        endpoint.getOutFaultInterceptors().add(new UnreadableRequestFaults());
        return endpoint;
    }
}
