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
    BlobStore blobStore(HubSettings settings) {
        return new FileBlobStore(settings.blobDir());
    }
}
