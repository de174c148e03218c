package vn.gov.hanoi.lienthong.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

import vn.gov.hanoi.lienthong.connectors.edxmlsoap.EdocSoapConfiguration;
import vn.gov.hanoi.lienthong.connectors.email.EmailConfiguration;
import vn.gov.hanoi.lienthong.connectors.kafka.KafkaEventsConfiguration;
import vn.gov.hanoi.lienthong.connectors.restjson.RestJsonConfiguration;
import vn.gov.hanoi.lienthong.operations.OperationsConfiguration;
import vn.gov.hanoi.lienthong.routes.RoutesConfiguration;
import vn.gov.hanoi.lienthong.archive.ArchiveConfiguration;
import vn.gov.hanoi.lienthong.reports.ReportsConfiguration;
import vn.gov.hanoi.lienthong.tracking.TrackingConfiguration;

/** Liên Thông: the hub through which Hanoi's state agencies exchange official documents. */
@SpringBootApplication
@EnableScheduling
@Import({RoutesConfiguration.class, EdocSoapConfiguration.class, RestJsonConfiguration.class, EmailConfiguration.class,
        KafkaEventsConfiguration.class, OperationsConfiguration.class, TrackingConfiguration.class,
        ReportsConfiguration.class, ArchiveConfiguration.class})
public class LienThongHubApplication {

    /**
     * The training start that builds the class-data sharing archive (hub/pom.xml) passes this: once the hub is up, it
     * shuts down in order and the JVM exits, writing the classes it loaded. Spring's own {@code spring.context.exit}
     * halts the JVM without the shutdown, which left the embedded PostgreSQL running after every build.
     */
    static final String EXIT_WHEN_READY = "hub.exit-when-ready";

    public static void main(String[] args) throws Exception {
        // java -jar lienthong-hub.jar restore BACKUP [DATA_DIR]: a restore into an empty data directory, without the hub.
        if (args.length >= 2 && args[0].equals("restore")) {
            java.nio.file.Path dataDirectory = java.nio.file.Path.of(args.length > 2 ? args[2] : "data");
            vn.gov.hanoi.lienthong.archive.backup.BackupRestore.restore(java.nio.file.Path.of(args[1]), dataDirectory);
            System.out.println("Restored " + args[1] + " into " + dataDirectory.toAbsolutePath()
                    + "; start the hub on it (--hub.data-dir=" + dataDirectory + ").");
            return;
        }
        ConfigurableApplicationContext hub = SpringApplication.run(LienThongHubApplication.class, args);
        if (hub.getEnvironment().getProperty(EXIT_WHEN_READY, Boolean.class, false)) {
            System.exit(SpringApplication.exit(hub));
        }
    }
}
