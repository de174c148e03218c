package vn.gov.hanoi.lienthong.reports;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The reports on electronic exchange between agencies (Articles 12.7, 16.8). */
@Configuration
@ComponentScan
public class ReportsConfiguration {
}
