package vn.gov.hanoi.lienthong.routes;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import vn.gov.hanoi.lienthong.core.CoreConfiguration;

@Configuration
@ComponentScan
@Import(CoreConfiguration.class)
public class RoutesConfiguration {
}
