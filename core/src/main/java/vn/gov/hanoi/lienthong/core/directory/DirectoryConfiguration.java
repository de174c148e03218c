package vn.gov.hanoi.lienthong.core.directory;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import vn.gov.hanoi.lienthong.core.HubSettings;

@Configuration
class DirectoryConfiguration {

    @Bean
    AgencyDirectory agencyDirectory(HubSettings settings, ResourceLoader resources) throws IOException {
        Resource resource = resources.getResource(settings.directory());
        try (InputStream in = resource.getInputStream()) {
            return AgencyDirectory.read(in, settings.directory());
        }
    }
}
