package vn.gov.hanoi.lienthong.operations;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Everything the operators work with: people and their sign-in, the console, the health of the hub's parts. */
@Configuration
@ComponentScan
public class OperationsConfiguration {
}
