package vn.gov.hanoi.lienthong.testkit.client;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.activation.FileDataSource;
import jakarta.mail.util.ByteArrayDataSource;

import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

import vn.gov.hanoi.lienthong.schemas.ws.edoc.EdocPortType;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetDocumentRequest;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetDocumentResponse;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetPendingDocumentsRequest;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetStatusHistoryRequest;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetStatusHistoryResponse;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.HubFault;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.SendDocumentRequest;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.SendDocumentResponse;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.UpdateStatusRequest;
import vn.gov.hanoi.lienthong.schemas.ws.types.AttachmentPart;

/** An agency system's side of the hub's SOAP service: HTTP Basic, MTOM, one method per operation. */
public final class HubClient {

    private final EdocPortType port;

    public HubClient(String serviceUrl, String username, String secret) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(EdocPortType.class);
        factory.setAddress(serviceUrl);
        factory.setUsername(username);
        factory.setPassword(secret);
        Map<String, Object> properties = new HashMap<>();
        properties.put("mtom-enabled", Boolean.TRUE);
        factory.setProperties(properties);
        this.port = factory.create(EdocPortType.class);
        Client client = ClientProxy.getClient(port);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        policy.setReceiveTimeout(Duration.ofMinutes(10).toMillis());
        policy.setAllowChunking(true);
        ((HTTPConduit) client.getConduit()).setClient(policy);
    }

    /** A file to send beside the envelope: its content id must be listed in the envelope's edXMLBody. */
    public record Part(String contentId, String name, String contentType, DataSource content) {

        public static Part bytes(String contentId, String name, String contentType, byte[] bytes) {
            return new Part(contentId, name, contentType, new ByteArrayDataSource(bytes, "application/octet-stream"));
        }

        public static Part file(String contentId, String name, String contentType, java.io.File file) {
            return new Part(contentId, name, contentType, new FileDataSource(file));
        }
    }

    public SendDocumentResponse send(byte[] envelope, Part... parts) throws HubFault {
        SendDocumentRequest request = new SendDocumentRequest();
        request.setEnvelope(new DataHandler(new ByteArrayDataSource(envelope, "application/octet-stream")));
        for (Part part : parts) {
            AttachmentPart attachment = new AttachmentPart();
            attachment.setContentId(part.contentId());
            attachment.setAttachmentName(part.name());
            attachment.setContentType(part.contentType());
            attachment.setData(new DataHandler(part.content()));
            request.getAttachment().add(attachment);
        }
        return port.sendDocument(request);
    }

    public List<String> pending() throws HubFault {
        return new ArrayList<>(port.getPendingDocuments(new GetPendingDocumentsRequest()).getDocumentId());
    }

    public GetDocumentResponse fetch(String documentId) throws HubFault {
        GetDocumentRequest request = new GetDocumentRequest();
        request.setDocumentId(documentId);
        return port.getDocument(request);
    }

    public boolean updateStatus(String documentId, byte[] statusMessage) throws HubFault {
        UpdateStatusRequest request = new UpdateStatusRequest();
        request.setDocumentId(documentId);
        request.setStatus(statusMessage);
        return port.updateStatus(request).isRecorded();
    }

    public GetStatusHistoryResponse history(String documentId) throws HubFault {
        GetStatusHistoryRequest request = new GetStatusHistoryRequest();
        request.setDocumentId(documentId);
        return port.getStatusHistory(request);
    }

    /** The Content-Type of the hub's last answer: multipart/related with application/xop+xml when files came as MTOM parts. */
    public String lastResponseContentType() {
        Object headers = ((jakarta.xml.ws.BindingProvider) port).getResponseContext()
                .get(jakarta.xml.ws.handler.MessageContext.HTTP_RESPONSE_HEADERS);
        if (headers instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> header : map.entrySet()) {
                if ("content-type".equalsIgnoreCase(String.valueOf(header.getKey()))) {
                    return String.valueOf(header.getValue());
                }
            }
        }
        return null;
    }

    /** Reads an MTOM part to the end and returns the SHA-256 (hex) of its bytes. */
    public static String sha256(DataHandler data) throws IOException {
        try (InputStream in = new DigestInputStream(data.getInputStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return java.util.HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
