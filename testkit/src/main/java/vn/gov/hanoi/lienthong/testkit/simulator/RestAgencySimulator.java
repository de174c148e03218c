package vn.gov.hanoi.lienthong.testkit.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A document system (or the portal) that takes pushes over REST (channel rest-push), on a loopback port:
 * POST /documents (multipart: "delivery" JSON, "envelope", one part per file named by ContentId) and
 * POST /statuses (JSON). It answers a document with {"accepted":true,"reference":"…"} — the reference a
 * portal gives its publication — and treats a known document id as the same document.
 */
public final class RestAgencySimulator implements AutoCloseable {

    private static final Pattern JSON_STRING = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");

    private final HttpServer server;
    private final String referencePrefix;
    private final Map<String, ReceivedDocument> documents = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> deliveryParts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> documentCalls = new ConcurrentHashMap<>();
    private final Map<String, String> references = new ConcurrentHashMap<>();
    private final List<Map<String, String>> statuses = Collections.synchronizedList(new ArrayList<>());
    private final List<String> statusBodies = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, RawPush> rawPushes = new ConcurrentHashMap<>();
    private final AtomicInteger published = new AtomicInteger();
    private volatile boolean available = true;
    private volatile Consumer<ReceivedDocument> onFirstReceipt = document -> { };

    private RestAgencySimulator(int port, String referencePrefix) throws IOException {
        this.referencePrefix = referencePrefix;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/agency/documents", this::document);
        server.createContext("/agency/statuses", this::status);
        server.start();
    }

    /** Starts a simulator whose endpoint is http://127.0.0.1:{port}/agency; references are "{prefix}-{n}". */
    public static RestAgencySimulator start(int port, String referencePrefix) {
        try {
            return new RestAgencySimulator(port, referencePrefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/agency";
    }

    private void document(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!available) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(body,
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            Map<String, String> delivery = Map.of();
            byte[] envelope = null;
            Map<String, String> hashes = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            List<String> partOrder = new ArrayList<>();
            Map<String, String> partTypes = new LinkedHashMap<>();
            String deliveryJson = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                // Part headers are UTF-8 (RFC 7578); the MIME parser reads them as Latin-1.
                String disposition = new String(part.getHeader("Content-Disposition")[0].getBytes(StandardCharsets.ISO_8859_1),
                        StandardCharsets.UTF_8);
                ContentDisposition parsed = new ContentDisposition(disposition);
                String name = parsed.getParameter("name");
                byte[] bytes;
                try (InputStream in = part.getInputStream()) {
                    bytes = in.readAllBytes();
                }
                partOrder.add(name);
                partTypes.put(name, part.getContentType());
                if ("delivery".equals(name)) {
                    deliveryJson = new String(bytes, StandardCharsets.UTF_8);
                    delivery = strings(deliveryJson);
                }
                else if ("envelope".equals(name)) envelope = bytes;
                else {
                    hashes.put(name, sha256(bytes));
                    names.put(name, parsed.getParameter("filename"));
                }
            }
            String documentId = delivery.get("documentId");
            if (documentId == null || envelope == null) {
                respond(exchange, 400, "{\"accepted\":false}");
                return;
            }
            documentCalls.computeIfAbsent(documentId, id -> new AtomicInteger()).incrementAndGet();
            ReceivedDocument received = new ReceivedDocument(documentId, delivery.get("senderOrganId"), envelope, hashes);
            Map<String, String> kept = new LinkedHashMap<>(delivery);
            names.forEach((contentId, fileName) -> kept.put("file:" + contentId, fileName));
            if (documents.putIfAbsent(documentId, received) == null) {
                deliveryParts.put(documentId, kept);
                rawPushes.put(documentId, new RawPush(deliveryJson, List.copyOf(partOrder), Map.copyOf(partTypes)));
                references.put(documentId, referencePrefix + "-" + published.incrementAndGet());
                onFirstReceipt.accept(received);
            }
            respond(exchange, 200, "{\"accepted\":true,\"reference\":\"" + references.get(documentId) + "\"}");
        } catch (MessagingException | RuntimeException e) {
            respond(exchange, 400, "{\"accepted\":false}");
        }
    }

    private void status(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!available) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            statusBodies.add(body);
            statuses.add(strings(body));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static void respond(HttpExchange exchange, int code, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** The top-level string fields of a small JSON object (all a simulator needs to read). */
    private static Map<String, String> strings(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = JSON_STRING.matcher(json);
        while (matcher.find()) fields.putIfAbsent(matcher.group(1), matcher.group(2).replace("\\\"", "\""));
        return fields;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    public void onFirstReceipt(Consumer<ReceivedDocument> action) {
        this.onFirstReceipt = action;
    }

    public Map<String, ReceivedDocument> documents() {
        return Map.copyOf(documents);
    }

    /** The "delivery" part's fields (purpose, category, paperRequirement…) and "file:{contentId}" → file name. */
    public Map<String, String> deliveryOf(String hubDocumentId) {
        return deliveryParts.get(hubDocumentId);
    }

    /**
     * A document push as it came over the wire: the "delivery" part's JSON text, the parts' names in their order
     * and each part's Content-Type.
     */
    public record RawPush(String deliveryJson, List<String> partNames, Map<String, String> partContentTypes) {
    }

    public RawPush rawPushOf(String hubDocumentId) {
        return rawPushes.get(hubDocumentId);
    }

    /** The JSON text of every status push received. */
    public List<String> statusBodies() {
        synchronized (statusBodies) {
            return List.copyOf(statusBodies);
        }
    }

    public String referenceOf(String hubDocumentId) {
        return references.get(hubDocumentId);
    }

    public int callsFor(String hubDocumentId) {
        AtomicInteger calls = documentCalls.get(hubDocumentId);
        return calls == null ? 0 : calls.get();
    }

    /** Status pushes received: documentId, senderDocumentId, organId, statusCode, signedStatus… */
    public List<Map<String, String>> statuses() {
        synchronized (statuses) {
            return List.copyOf(statuses);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
