package vn.gov.hanoi.lienthong.hub;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** Calls to /api/v1 as an agency system makes them, answers of any status returned as they are. */
final class RestCalls {

    private RestCalls() {
    }

    static RestClient as(int port, String user, String secret) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(user, secret, StandardCharsets.UTF_8))
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** The multipart body of POST /api/v1/documents: the envelope, then one part per file named by its ContentId. */
    static MultiValueMap<String, Object> multipart(byte[] envelope, Map<String, byte[]> files, Map<String, String> names) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("envelope", part(envelope, "edxml.xml", MediaType.APPLICATION_XML));
        files.forEach((contentId, bytes) -> body.add(contentId, part(bytes, names.get(contentId), MediaType.APPLICATION_PDF)));
        return body;
    }

    static HttpEntity<ByteArrayResource> part(byte[] bytes, String fileName, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return new HttpEntity<>(new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, headers);
    }

    static ResponseEntity<String> send(RestClient client, MultiValueMap<String, Object> body) {
        return client.post().uri("/api/v1/documents").contentType(MediaType.MULTIPART_FORM_DATA).body(body)
                .retrieve().toEntity(String.class);
    }
}
