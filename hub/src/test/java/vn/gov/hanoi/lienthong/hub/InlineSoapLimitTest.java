package vn.gov.hanoi.lienthong.hub;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;

/**
 * SOAP stacks without MTOM (zeep, many others) send files base64 inside the body, which every SOAP stack reads
 * whole. A hub with 256 MiB of heap answers a 64 MiB inline envelope and a 200 MiB inline file with a reason
 * code, never a dropped connection, its heap far from the limit, and takes the next document as usual.
 *
 * <p>Its own hub, as a child JVM: the heap bound is the point, and the shared test context has more.
 */
class InlineSoapLimitTest {

    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final long HEAP_LIMIT = 256L << 20;
    private static final Path DATA_DIR = Path.of("target", "inline-soap-hub", UUID.randomUUID().toString());
    private static HubProcess hub;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void startHub() throws Exception {
        Path directory = TestHub.writeDirectory(DATA_DIR, "http://127.0.0.1:" + TestHub.freePort() + "/agency",
                "http://127.0.0.1:" + TestHub.freePort() + "/agency");
        hub = new HubProcess("256m", DATA_DIR, directory, TestHub.freePort());
        hub.start();
    }

    @AfterAll
    static void stopHub() throws Exception {
        if (hub != null) hub.stop();
    }

    @Test
    void largeInlineContentIsRefusedWithACodeAndTheHeapStaysFarFromItsLimit() throws Exception {
        byte[] envelope = DocumentMessage.from(SO_NOI_VU.organId).to(UBND_BA_DINH.organId)
                .attachment("pl-1", "Phụ lục.pdf", "application/pdf").toBytes();
        Path request64MiBEnvelope = Files.createTempFile(DATA_DIR, "inline-envelope", ".xml");
        writeRequest(request64MiBEnvelope, 64L << 20, null, 0);
        Path request200MiBFile = Files.createTempFile(DATA_DIR, "inline-file", ".xml");
        writeRequest(request200MiBFile, 0, envelope, 200L << 20);

        HeapWatch heap = new HeapWatch();
        heap.start();
        try {
            for (Path request : new Path[] {request64MiBEnvelope, request200MiBFile}) {
                HttpResponse<String> answer = post(request);
                assertThat(answer.statusCode()).as("an answer, not a dropped connection").isEqualTo(500);
                assertThat(answer.body()).contains("<lt:Code>INLINE_CONTENT_TOO_LARGE</lt:Code>", "MTOM")
                        .contains("faultcode>soap:Client<");
                heap.sampleNow(); // the body was read to its end and dropped: whatever it left on the heap is there now
            }
        } finally {
            heap.stop();
        }
        System.out.printf("Inline SOAP at -Xmx256m: heap used at most %d MiB over %d samples%n", heap.max() >> 20, heap.samples());
        // The refusals come at once (the Content-Length says it all) and the rest of the body is read and dropped in
        // well under a second: few samples every 20 ms while the requests are under way, and one after each answer.
        assertThat(heap.samples()).as("heap samples taken").isGreaterThanOrEqualTo(2);
        assertThat(heap.max()).as("heap used at most (bytes)").isLessThan((long) (HEAP_LIMIT * 0.8));

        // A small inline file is still taken as it is, and the hub goes on.
        byte[] small = DocumentMessage.from(SO_NOI_VU.organId).to(UBND_BA_DINH.organId)
                .attachment("pl-1", "Phụ lục.pdf", "application/pdf").toBytes();
        Path smallRequest = Files.createTempFile(DATA_DIR, "inline-small", ".xml");
        writeRequest(smallRequest, 0, small, 2L << 20);
        HttpResponse<String> accepted = post(smallRequest);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains("DocumentId>");
        java.util.regex.Matcher documentId = java.util.regex.Pattern.compile("<(?:\\w+:)?DocumentId>([0-9a-f-]{36})</")
                .matcher(accepted.body());
        assertThat(documentId.find()).as(accepted.body()).isTrue();
        String id = documentId.group(1);
        HubClient pull = new HubClient(hub.serviceUrl(), UBND_BA_DINH.username, UBND_BA_DINH.secret);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(pull.pending()).as("pending for %s", id).contains(id));
    }

    /**
     * A sendDocument request without MTOM: the envelope inline (the given bytes, or {@code randomEnvelopeBytes}
     * of noise) and, when {@code inlineFileBytes} > 0, one file of that many bytes inline, written to a file so
     * that the test's own heap holds none of it.
     */
    private static void writeRequest(Path file, long randomEnvelopeBytes, byte[] envelope, long inlineFileBytes) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body>"
                    + "<e:SendDocumentRequest xmlns:e=\"http://lienthong.hanoi.gov.vn/ws/edoc/v1\" "
                    + "xmlns:lt=\"http://lienthong.hanoi.gov.vn/ws/types/v1\"><e:Envelope>").getBytes(StandardCharsets.UTF_8));
            if (envelope != null) {
                out.write(Base64.getEncoder().encode(envelope));
            } else {
                writeBase64Noise(out, randomEnvelopeBytes, 1);
            }
            out.write("</e:Envelope>".getBytes(StandardCharsets.UTF_8));
            if (inlineFileBytes > 0) {
                out.write("<e:Attachment><lt:ContentId>pl-1</lt:ContentId><lt:AttachmentName>Phụ lục.pdf</lt:AttachmentName><lt:Data>"
                        .getBytes(StandardCharsets.UTF_8));
                writeBase64Noise(out, inlineFileBytes, 2);
                out.write("</lt:Data></e:Attachment>".getBytes(StandardCharsets.UTF_8));
            }
            out.write("</e:SendDocumentRequest></soap:Body></soap:Envelope>".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void writeBase64Noise(OutputStream out, long bytes, long seed) throws IOException {
        Random random = new Random(seed);
        OutputStream base64 = Base64.getEncoder().wrap(new java.io.FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush(); // the encoder's close writes its padding; the request goes on after it
            }
        });
        byte[] block = new byte[1 << 16];
        for (long written = 0; written < bytes; written += block.length) {
            random.nextBytes(block);
            if (written == 0) System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, block, 0, 9);
            base64.write(block, 0, (int) Math.min(block.length, bytes - written));
        }
        base64.close();
    }

    private HttpResponse<String> post(Path request) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(hub.serviceUrl()))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (SO_NOI_VU.username + ":" + SO_NOI_VU.secret).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofFile(request)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Samples the child hub's heap in use (its actuator, as an operator) every 20 ms. */
    private final class HeapWatch {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong max = new AtomicLong();
        private final AtomicLong samples = new AtomicLong();
        private final Thread thread = new Thread(this::sample, "heap-watch");
        private final ObjectMapper json = new ObjectMapper();

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        long max() {
            return max.get();
        }

        long samples() {
            return samples.get();
        }

        /** One sample, taken by the caller's thread. */
        void sampleNow() throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(hub.baseUrl() + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
                    .header("Authorization", DemoPeople.OPERATOR.basicAuthorization()).build(), HttpResponse.BodyHandlers.ofString());
            long used = (long) json.readTree(response.body()).path("measurements").get(0).path("value").asDouble();
            max.accumulateAndGet(used, Math::max);
            samples.incrementAndGet();
        }

        private void sample() {
            while (running.get()) {
                try {
                    sampleNow();
                    Thread.sleep(20);
                } catch (Exception e) {
                    if (e instanceof InterruptedException) return;
                }
            }
        }
    }
}
