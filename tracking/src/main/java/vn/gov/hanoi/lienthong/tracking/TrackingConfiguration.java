package vn.gov.hanoi.lienthong.tracking;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** What clerks and leaders follow: the tracking of their agency's documents (Article 9.3) and the paper copies. */
@Configuration
@ComponentScan
@EnableConfigurationProperties(TrackingSettings.class)
@io.swagger.v3.oas.annotations.security.SecurityScheme(name = TrackingConfiguration.PERSON,
        type = io.swagger.v3.oas.annotations.enums.SecuritySchemeType.HTTP, scheme = "basic",
        description = "A clerk or leader of an agency (config/users.yaml, or the city's OpenID Connect provider through "
                + "the sign-in page), never an agency system's credentials")
public class TrackingConfiguration {

    /** The security scheme of the people's operations in the REST contract. */
    public static final String PERSON = "person";
}
