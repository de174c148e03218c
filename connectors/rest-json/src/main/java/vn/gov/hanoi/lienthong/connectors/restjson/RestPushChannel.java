package vn.gov.hanoi.lienthong.connectors.restjson;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import vn.gov.hanoi.lienthong.core.delivery.DeliveryChannel;
import vn.gov.hanoi.lienthong.core.delivery.OutboundDocument;
import vn.gov.hanoi.lienthong.core.delivery.OutboundStatus;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.Channel;
import vn.gov.hanoi.lienthong.core.refusal.Reason;
import vn.gov.hanoi.lienthong.core.signature.SignedDocuments;

/**
 * Push to an agency's REST endpoint (channel rest-push) — a modern document system, or the portal's publication
 * API. A document is one multipart POST to {endpoint}/documents: a "delivery" JSON part (the hub's id, what the
 * regulation decided, the portal category), the signed envelope as "envelope", and each file as a part named by
 * its ContentId, streamed from the blob store. A status is a JSON POST to {endpoint}/statuses with the hub-signed
 * edXML status. Any 2xx answer is the hand-over; its "reference", if any, is recorded as the acknowledgement. A
 * receiver treats a document id it knows as the same document (a push may be repeated after a crash).
 */
@Component
public class RestPushChannel implements DeliveryChannel {

    /** The "delivery" part. */
    public record DeliveryPart(String documentId, String senderOrganId, String senderDocumentId, String purpose,
                               String paperRequirement, String article, String category, List<Reason> warnings) {
    }

    /** What the receiver answers; {@code reference} is its own id of what it took (a publication id, say). */
    public record Acknowledgement(Boolean accepted, String reference) {
    }

    /** The body of a status push. */
    public record StatusPush(String documentId, String senderDocumentId, String organId, String statusCode,
                             String description, List<Reason> reasons, Instant reportedAt, String signedStatus) {
    }

    private final RestClient http;
    private final SignedDocuments signed;

    /**
     * @param builder Spring Boot's, with the application's JSON mapper: times as ISO-8601 strings, as the
     *                agency-side contract (lienthong-agency-rest-push-v1.json) says — a bare RestClient.builder()
     *                writes an Instant as a number of seconds
     */
    public RestPushChannel(SignedDocuments signed, vn.gov.hanoi.lienthong.core.delivery.OutboundTls tls,
                           RestClient.Builder builder,
                           @Value("${hub.delivery.connect-timeout:10s}") Duration connectTimeout,
                           @Value("${hub.delivery.receive-timeout:60s}") Duration receiveTimeout) {
        this.signed = signed;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connectTimeout).sslContext(tls.sslContext()).build());
        requests.setReadTimeout(receiveTimeout);
        this.http = builder.requestFactory(requests).build();
    }

    @Override
    public Channel channel() {
        return Channel.REST_PUSH;
    }

    @Override
    public String sendDocument(Agency recipient, OutboundDocument document) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("delivery", new DeliveryPart(document.documentId().toString(), document.senderOrganId(),
                document.senderDocumentId(), document.purpose() == null ? null : document.purpose().name(),
                document.requirement() == null ? null : document.requirement().name(), document.article(),
                document.note(), document.warnings()), MediaType.APPLICATION_JSON);
        parts.part("envelope", new StreamedFile(document.envelope(), "edxml.xml", -1), MediaType.APPLICATION_XML);
        for (OutboundDocument.OutboundAttachment attachment : document.attachments()) {
            parts.part(attachment.contentId(), new StreamedFile(attachment.content(), attachment.name(), attachment.size()),
                    MediaType.parseMediaType(attachment.mediaType() == null ? "application/octet-stream" : attachment.mediaType()));
        }
        Acknowledgement answer = http.post().uri(recipient.endpoint() + "/documents")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts.build())
                .retrieve()
                .body(Acknowledgement.class);
        if (answer != null && Boolean.FALSE.equals(answer.accepted())) {
            throw new IllegalStateException(recipient.organId() + " answered that it did not accept the document");
        }
        return answer == null || answer.reference() == null || answer.reference().isBlank() ? null
                : "rest:" + answer.reference();
    }

    @Override
    public void sendStatus(Agency sender, OutboundStatus status) {
        var record = status.status();
        http.post().uri(sender.endpoint() + "/statuses")
                .contentType(MediaType.APPLICATION_JSON)
                .body(new StatusPush(status.documentId().toString(), status.senderDocumentId(), record.organId(),
                        record.statusCode(), record.description(), record.reasons(), record.reportedAt(),
                        Base64.getEncoder().encodeToString(signed.status(status.document(), record))))
                .retrieve()
                .toBodilessEntity();
    }

    /** A file streamed from the blob store into the request, under its name. */
    private static final class StreamedFile extends AbstractResource {
        private final InputStreamSource content;
        private final String name;
        private final long size;

        StreamedFile(InputStreamSource content, String name, long size) {
            this.content = content;
            this.name = name;
            this.size = size;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return content.getInputStream();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public long contentLength() throws IOException {
            return size >= 0 ? size : super.contentLength();
        }

        @Override
        public String getDescription() {
            return "file " + name;
        }
    }
}
