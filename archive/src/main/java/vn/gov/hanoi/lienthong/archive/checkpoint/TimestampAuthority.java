package vn.gov.hanoi.lienthong.archive.checkpoint;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The RFC 3161 time-stamping authority the checkpoints are sent to ({@code hub.archive.tsa.url}; none: checkpoints
 * are signed by the hub only). BouncyCastle builds the request (SHA-256 imprint, a nonce, the authority's
 * certificate asked for) and checks the response against it (status granted, same imprint, same nonce).
 */
@Component
public class TimestampAuthority {

    private final String url;
    private final Duration timeout;
    private final HttpClient http;
    private final SecureRandom nonces = new SecureRandom();

    public TimestampAuthority(@Value("${hub.archive.tsa.url:}") String url,
                              @Value("${hub.archive.tsa.timeout:10s}") Duration timeout) {
        this.url = url == null || url.isBlank() ? null : url.trim();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public boolean configured() {
        return url != null;
    }

    public String url() {
        return url;
    }

    /** The DER-encoded time-stamp token over the SHA-256 of {@code content}; throws when the authority cannot give one. */
    public byte[] timestamp(byte[] content) throws IOException, InterruptedException {
        if (url == null) throw new IllegalStateException("no time-stamping authority is configured (hub.archive.tsa.url)");
        byte[] imprint;
        try {
            imprint = MessageDigest.getInstance("SHA-256").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, imprint, new BigInteger(64, nonces));
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                        .header("Content-Type", "application/timestamp-query")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("the time-stamping authority answered HTTP " + response.statusCode());
        }
        try {
            TimeStampResponse answer = new TimeStampResponse(response.body());
            answer.validate(request);
            if (answer.getTimeStampToken() == null) {
                throw new IOException("the time-stamping authority gave no token: " + answer.getStatusString());
            }
            return answer.getTimeStampToken().getEncoded();
        } catch (TSPException e) {
            throw new IOException("the time-stamping authority's answer does not hold: " + e.getMessage(), e);
        }
    }
}
