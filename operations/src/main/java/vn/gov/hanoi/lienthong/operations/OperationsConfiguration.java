package vn.gov.hanoi.lienthong.operations;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Everything the operators work with: people and their sign-in, the console, the health of the hub's parts. */
@Configuration
@ComponentScan
@org.springframework.boot.context.properties.EnableConfigurationProperties({
        vn.gov.hanoi.lienthong.operations.watchdog.DeliveryDeadlines.class,
        vn.gov.hanoi.lienthong.operations.alerts.AlertSettings.class,
        vn.gov.hanoi.lienthong.operations.security.OidcSignIn.class})
public class OperationsConfiguration {
}
