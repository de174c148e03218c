package vn.gov.hanoi.lienthong.connectors.edxmlsoap;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.message.Message;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.directory.AgencyAuthenticator;
import vn.gov.hanoi.lienthong.routes.HubEndpoints;

/** Authenticates the agency system behind a SOAP call by its HTTP Basic credentials. */
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
        exchange.getIn().setHeader(HubEndpoints.CALLER, authenticator.authenticate(
                credentials == null ? null : credentials.getUserName(),
                credentials == null ? null : credentials.getPassword()));
    }
}
