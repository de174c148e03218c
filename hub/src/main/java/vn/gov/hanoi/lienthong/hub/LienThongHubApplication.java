package vn.gov.hanoi.lienthong.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import vn.gov.hanoi.lienthong.connectors.edxmlsoap.EdocSoapConfiguration;
import vn.gov.hanoi.lienthong.connectors.email.EmailConfiguration;
import vn.gov.hanoi.lienthong.connectors.kafka.KafkaEventsConfiguration;
import vn.gov.hanoi.lienthong.connectors.restjson.RestJsonConfiguration;
import vn.gov.hanoi.lienthong.operations.OperationsConfiguration;
import vn.gov.hanoi.lienthong.routes.RoutesConfiguration;

/** Liên Thông: the hub through which Hanoi's state agencies exchange official documents. */
@SpringBootApplication
@EnableScheduling
@Import({RoutesConfiguration.class, EdocSoapConfiguration.class, RestJsonConfiguration.class, EmailConfiguration.class,
        KafkaEventsConfiguration.class, OperationsConfiguration.class})
public class LienThongHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(LienThongHubApplication.class, args);
    }
}
