package vn.gov.hanoi.lienthong.testkit.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;

import vn.gov.hanoi.lienthong.schemas.ws.agency.AgencyPortType;
import vn.gov.hanoi.lienthong.schemas.ws.agency.ReceiveDocumentRequest;
import vn.gov.hanoi.lienthong.schemas.ws.agency.ReceiveDocumentResponse;
import vn.gov.hanoi.lienthong.schemas.ws.agency.ReceiveStatusRequest;
import vn.gov.hanoi.lienthong.schemas.ws.agency.ReceiveStatusResponse;
import vn.gov.hanoi.lienthong.schemas.ws.types.AttachmentPart;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;

/**
 * A push-mode agency's document system, as the hub sees it: the service of agency.wsdl on a loopback port.
 * It keeps what it received, and counts every call, so that a test can tell a document received twice from
 * a document received once. Like a real system it treats a known document id as the same document.
 */
public final class AgencySimulator implements AgencyPortType, AutoCloseable {

    private final String address;
    private final Map<String, ReceivedDocument> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> documentCalls = new ConcurrentHashMap<>();
    private final List<ReceivedStatus> statuses = Collections.synchronizedList(new ArrayList<>());
    private final Server server;
    private volatile boolean available = true;
    private volatile java.util.function.Consumer<ReceivedDocument> onFirstReceipt = document -> { };

    private AgencySimulator(String address, int port) {
        this.address = address;
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
        allowLargeRequests(factory.getBus(), port);
        factory.setServiceClass(AgencyPortType.class);
        factory.setServiceBean(this);
        factory.setAddress(address);
        Map<String, Object> properties = new HashMap<>();
        properties.put("mtom-enabled", Boolean.TRUE);
        factory.setProperties(properties);
        this.server = factory.create();
    }

    /** Starts a simulator at http://127.0.0.1:{port}/agency. */
    public static AgencySimulator start(int port) {
        return new AgencySimulator("http://127.0.0.1:" + port + "/agency", port);
    }

    /**
     * Undertow bounds a multipart request (MTOM is one) to 2 MiB unless told otherwise; a document system takes
     * files of any size the hub allows.
     */
    private static void allowLargeRequests(org.apache.cxf.Bus bus, int port) {
        try {
            org.apache.cxf.transport.http_undertow.UndertowHTTPServerEngine engine = new org.apache.cxf.transport.http_undertow
                    .UndertowHTTPServerEngineFactory(bus).createUndertowHTTPServerEngine("127.0.0.1", port, "http");
            engine.setHandlers(List.of(new UnboundedEntity()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the simulator's HTTP engine on port " + port, e);
        }
    }

    private static final class UnboundedEntity implements org.apache.cxf.transport.http_undertow.CXFUndertowHttpHandler {
        private io.undertow.server.HttpHandler next;

        @Override
        public void setNext(io.undertow.server.HttpHandler next) {
            this.next = next;
        }

        @Override
        public void handleRequest(io.undertow.server.HttpServerExchange exchange) throws Exception {
            exchange.setMaxEntitySize(0);
            next.handleRequest(exchange);
        }
    }

    public String address() {
        return address;
    }

    @Override
    public ReceiveDocumentResponse receiveDocument(ReceiveDocumentRequest request) {
        if (!available) {
            throw new IllegalStateException("the simulated system is offline");
        }
        documentCalls.computeIfAbsent(request.getDocumentId(), id -> new AtomicInteger()).incrementAndGet();
        try {
            Map<String, String> hashes = new LinkedHashMap<>();
            for (AttachmentPart part : request.getAttachment()) {
                hashes.put(part.getContentId(), HubClient.sha256(part.getData()));
            }
            byte[] envelope;
            try (InputStream in = request.getEnvelope().getInputStream()) {
                envelope = in.readAllBytes();
            }
            ReceivedDocument received = new ReceivedDocument(request.getDocumentId(), request.getSenderOrganId(), envelope, hashes);
            if (documents.putIfAbsent(request.getDocumentId(), received) == null) {
                onFirstReceipt.accept(received);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReceiveDocumentResponse response = new ReceiveDocumentResponse();
        response.setAccepted(true);
        return response;
    }

    @Override
    public ReceiveStatusResponse receiveStatus(ReceiveStatusRequest request) {
        statuses.add(new ReceivedStatus(request.getDocumentId(), request.getSenderDocumentId(),
                request.getStatus().getOrganId(), request.getStatus().getStatusCode(),
                request.getStatus().getReason().stream().map(r -> r.getCode()).toList()));
        ReceiveStatusResponse response = new ReceiveStatusResponse();
        response.setAccepted(true);
        return response;
    }

    /** Offline: every call fails, as when the agency's server is down; the hub retries later. */
    public void setAvailable(boolean available) {
        this.available = available;
    }

    /** What the simulated system does with a document the first time it receives it (report a status, say). */
    public void onFirstReceipt(java.util.function.Consumer<ReceivedDocument> action) {
        this.onFirstReceipt = action;
    }

    public ReceivedDocument document(String hubDocumentId) {
        return documents.get(hubDocumentId);
    }

    public Map<String, ReceivedDocument> documents() {
        return Map.copyOf(documents);
    }

    /** How many times the hub called receiveDocument for this document (more than once only after a crash). */
    public int callsFor(String hubDocumentId) {
        AtomicInteger calls = documentCalls.get(hubDocumentId);
        return calls == null ? 0 : calls.get();
    }

    public int totalDocumentCalls() {
        return documentCalls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public List<ReceivedStatus> statuses() {
        synchronized (statuses) {
            return List.copyOf(statuses);
        }
    }

    public List<ReceivedStatus> statusesFor(String hubDocumentId) {
        return statuses().stream().filter(s -> s.documentId().equals(hubDocumentId)).toList();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
