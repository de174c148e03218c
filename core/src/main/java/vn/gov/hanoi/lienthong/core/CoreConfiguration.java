package vn.gov.hanoi.lienthong.core;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.gov.hanoi.lienthong.core.blob.BlobStore;
import vn.gov.hanoi.lienthong.core.blob.ContentCipher;
import vn.gov.hanoi.lienthong.core.blob.ContentKeyStore;
import vn.gov.hanoi.lienthong.core.blob.JdbcContentKeyStore;
import vn.gov.hanoi.lienthong.core.blob.FileBlobStore;

@Configuration
@ComponentScan
@EnableConfigurationProperties(HubSettings.class)
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    vn.gov.hanoi.lienthong.core.metrics.HubMeters hubMeters(
            org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> registry) {
        io.micrometer.core.instrument.MeterRegistry meters = registry.getIfAvailable();
        return meters == null ? vn.gov.hanoi.lienthong.core.metrics.HubMeters.none()
                : new vn.gov.hanoi.lienthong.core.metrics.HubMeters(meters);
    }

    @Bean
    ContentKeyStore contentKeyStore(JdbcClient jdbc, Clock clock) {
        return new JdbcContentKeyStore(jdbc, clock);
    }

    /**
     * The master keyset that wraps every content key: {@code hub.content-keys.master-keyset}, by default
     * {@code <data-dir>/keys/master-keyset.json} (outside the blob store; created at the first start).
     */
    @Bean
    ContentCipher contentCipher(HubSettings settings, @Value("${hub.content-keys.master-keyset:}") String masterKeyset) {
        return ContentCipher.withMasterKeyset(masterKeyset.isBlank() ? settings.masterKeysetFile() : Path.of(masterKeyset));
    }

    @Bean
    BlobStore blobStore(HubSettings settings, ContentKeyStore keys, ContentCipher cipher) {
        return new FileBlobStore(settings.blobDir(), keys, cipher);
    }
}
