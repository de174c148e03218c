package vn.gov.hanoi.lienthong.core;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import vn.gov.hanoi.lienthong.core.blob.BlobStore;
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
    BlobStore blobStore(HubSettings settings) {
        return new FileBlobStore(settings.blobDir());
    }
}
