package vn.gov.hanoi.lienthong.connectors.edxmlsoap;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.message.Message;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.directory.AgencyAuthenticator;
import vn.gov.hanoi.lienthong.routes.HubEndpoints;

/**
 * Authenticates the agency system behind a SOAP call by its HTTP Basic credentials, and its TLS client
 * certificate where the directory pins one.
 */
@Component
public class SoapCallerAuthenticator implements Processor {

    private final AgencyAuthenticator authenticator;

    public SoapCallerAuthenticator(AgencyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void process(Exchange exchange) {
        Message cxfMessage = exchange.getIn().getHeader(CxfConstants.CAMEL_CXF_MESSAGE, Message.class);
        AuthorizationPolicy credentials = cxfMessage == null ? null : cxfMessage.get(AuthorizationPolicy.class);
        Object request = cxfMessage == null ? null : cxfMessage.get("HTTP.REQUEST");
        java.security.cert.X509Certificate[] clientChain = request instanceof jakarta.servlet.http.HttpServletRequest http
                ? (java.security.cert.X509Certificate[]) http.getAttribute("jakarta.servlet.request.X509Certificate") : null;
        exchange.getIn().setHeader(HubEndpoints.CALLER, authenticator.authenticate(
                credentials == null ? null : credentials.getUserName(),
                credentials == null ? null : credentials.getPassword(), clientChain));
    }
}
