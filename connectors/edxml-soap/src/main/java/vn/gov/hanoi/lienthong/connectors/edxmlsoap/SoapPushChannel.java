package vn.gov.hanoi.lienthong.connectors.edxmlsoap;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.cxf.Bus;
import org.apache.cxf.transport.http.HTTPConduitFactory;
import org.apache.cxf.transport.http.URLConnectionHTTPConduit;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.delivery.DeliveryChannel;
import vn.gov.hanoi.lienthong.core.delivery.OutboundDocument;
import vn.gov.hanoi.lienthong.core.delivery.OutboundStatus;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.Channel;
import vn.gov.hanoi.lienthong.schemas.ws.agency.AgencyPortType;

/** The edXML SOAP connector, outbound: pushes documents and statuses to an agency's service (agency.wsdl). */
@Component
public class SoapPushChannel implements DeliveryChannel {

    private final Bus bus;
    private final EdocSoapMapper mapper;
    private final Duration connectTimeout;
    private final Duration receiveTimeout;
    private final Map<URI, AgencyPortType> clients = new ConcurrentHashMap<>();

    private final vn.gov.hanoi.lienthong.core.delivery.OutboundTls tls;

    public SoapPushChannel(Bus bus, EdocSoapMapper mapper, vn.gov.hanoi.lienthong.core.delivery.OutboundTls tls,
                           @Value("${hub.push.connect-timeout:5s}") Duration connectTimeout,
                           @Value("${hub.push.receive-timeout:120s}") Duration receiveTimeout) {
        this.bus = bus;
        // CXF's default client conduit (on the JDK HttpClient) writes the body through a pipe whose reading
        // thread the JDK reaps when a receiver is slow, failing large MTOM pushes (CXF-8926); the
        // HttpURLConnection conduit writes to the socket itself. The hub's bus has no clients but these pushes.
        bus.setExtension((HTTPConduitFactory) (factory, conduitBus, endpoint, target) ->
                new URLConnectionHTTPConduit(conduitBus, endpoint, target), HTTPConduitFactory.class);
        this.mapper = mapper;
        this.tls = tls;
        this.connectTimeout = connectTimeout;
        this.receiveTimeout = receiveTimeout;
    }

    @Override
    public Channel channel() {
        return Channel.SOAP_PUSH;
    }

    @Override
    public String sendDocument(Agency recipient, OutboundDocument document) {
        if (!client(recipient).receiveDocument(mapper.receiveDocumentRequest(document)).isAccepted()) {
            throw new IllegalStateException(recipient.organId() + " answered that it did not accept the document");
        }
        // agency.wsdl's answer is Accepted alone; the statuses that follow are the agency's acknowledgement.
        return null;
    }

    @Override
    public void sendStatus(Agency sender, OutboundStatus status) {
        if (!client(sender).receiveStatus(mapper.receiveStatusRequest(status)).isAccepted()) {
            throw new IllegalStateException(sender.organId() + " answered that it did not accept the status");
        }
    }

    private AgencyPortType client(Agency agency) {
        return clients.computeIfAbsent(agency.endpoint(), endpoint -> {
            JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
            factory.setBus(bus);
            factory.setServiceClass(AgencyPortType.class);
            factory.setAddress(endpoint.toString());
            Map<String, Object> properties = new HashMap<>();
            properties.put("mtom-enabled", Boolean.TRUE);
            factory.setProperties(properties);
            AgencyPortType port = factory.create(AgencyPortType.class);
            Client client = ClientProxy.getClient(port);
            HTTPClientPolicy policy = new HTTPClientPolicy();
            policy.setConnectionTimeout(connectTimeout.toMillis());
            policy.setReceiveTimeout(receiveTimeout.toMillis());
            policy.setAllowChunking(true);
            HTTPConduit conduit = (HTTPConduit) client.getConduit();
            conduit.setClient(policy);
            // The agency's server certificate is checked against the configured CAs, its host name too (OutboundTls).
            org.apache.cxf.configuration.jsse.TLSClientParameters tlsParameters = new org.apache.cxf.configuration.jsse.TLSClientParameters();
            tlsParameters.setSslContext(tls.sslContext());
            conduit.setTlsClientParameters(tlsParameters);
            return port;
        });
    }
}
