package vn.gov.hanoi.lienthong.connectors.restjson;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The REST/JSON connector under /api/v1, described by OpenAPI 3 at /api/v1/openapi.json (springdoc). */
@Configuration
@ComponentScan
public class RestJsonConfiguration {

    static final String BASIC_AUTH = "agencySystem";

    @Bean
    org.springdoc.core.customizers.OpenApiCustomizer lienThongRestContract() {
        return new RestContract();
    }

    @Bean
    OpenAPI lienThongOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Liên Thông — REST/JSON").version("v1")
                        .description("The document exchange of Hanoi's state agencies (Decision 57/2013/QĐ-UBND) for "
                                + "document systems that speak JSON. Same operations, rules and reason codes as the "
                                + "SOAP service at /ws/edoc."))
                .components(new Components().addSecuritySchemes(BASIC_AUTH, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("The agency system's name and secret, as in the agency directory.")));
    }
}
