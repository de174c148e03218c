package vn.gov.hanoi.lienthong.core;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hub's own settings ({@code hub.*} in application.yaml).
 *
 * @param organId           the hub's organ code, used on the statuses it issues itself (rejections, failures)
 * @param dataDir           root of the embedded defaults: blob store, Artemis journal, PostgreSQL data
 * @param directory         location of the agency directory (a Spring resource: file: or classpath:)
 * @param envelopeMaxBytes  largest edXML envelope accepted (the files travel beside it, not inside)
 * @param delivery          retry profile of the per-recipient delivery queues
 */
@ConfigurationProperties("hub")
public record HubSettings(String organId, Path dataDir, String directory, int envelopeMaxBytes, Delivery delivery) {

    public HubSettings {
        if (organId == null) organId = "000.00.99.H26";
        if (dataDir == null) dataDir = Path.of("data");
        if (directory == null) directory = "classpath:agencies.yaml";
        if (envelopeMaxBytes <= 0) envelopeMaxBytes = 10 * 1024 * 1024;
        if (delivery == null) delivery = new Delivery(0, null, 0, null);
    }

    public Path blobDir() {
        return dataDir.resolve("blobs");
    }

    /** The default place of the master keyset wrapping the content keys: beside the blob store, never inside it. */
    public Path masterKeysetFile() {
        return dataDir.resolve(vn.gov.hanoi.lienthong.core.blob.ContentCipher.KEYSET_IN_DATA_DIR);
    }

    /**
     * @param maxAttempts       attempts before a delivery is declared failed and dead-lettered
     * @param initialDelay      delay before the first redelivery
     * @param backOffMultiplier growth of the delay between attempts
     * @param maxDelay          longest delay between two attempts
     */
    public record Delivery(int maxAttempts, Duration initialDelay, double backOffMultiplier, Duration maxDelay) {
        public Delivery {
            if (maxAttempts <= 0) maxAttempts = 10;
            if (initialDelay == null) initialDelay = Duration.ofSeconds(1);
            if (backOffMultiplier < 1) backOffMultiplier = 2.0;
            if (maxDelay == null) maxDelay = Duration.ofMinutes(5);
        }
    }
}
