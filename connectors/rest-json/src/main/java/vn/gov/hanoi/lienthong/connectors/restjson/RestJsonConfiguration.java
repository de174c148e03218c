package vn.gov.hanoi.lienthong.connectors.restjson;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The REST/JSON connector under /api/v1. */
@Configuration
@ComponentScan
public class RestJsonConfiguration {
}
