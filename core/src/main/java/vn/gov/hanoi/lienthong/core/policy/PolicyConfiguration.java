package vn.gov.hanoi.lienthong.core.policy;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration
class PolicyConfiguration {

    @Bean
    DocumentPolicy documentPolicy(@Value("${hub.policy:classpath:policy.yaml}") String location, ResourceLoader resources)
            throws IOException {
        try (InputStream in = resources.getResource(location).getInputStream()) {
            return DocumentPolicy.read(in, location);
        }
    }
}
