package vn.gov.hanoi.lienthong.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;
import vn.gov.hanoi.lienthong.testkit.process.ChildHub;

/**
 * The hub under measurement: the released jar (hub/target/lienthong-hub.jar) on its embedded defaults, in a
 * JVM of its own, so that its CPU and heap are its own and it can be killed the way a power cut would.
 */
final class HubProcess extends ChildHub {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Linux counts process CPU time in clock ticks of 1/100 s (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

    HubProcess(Path jar, Path dataDir, int port, String heap, List<String> arguments) {
        super(List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-jar", requireBuilt(jar).toAbsolutePath().toString()),
                dataDir, port, arguments, Duration.ofSeconds(180));
    }

    private static Path requireBuilt(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " is missing: build it first (./mvnw -q package -DskipTests)");
        }
        return jar;
    }

    /** CPU time the hub's JVM has used so far, user and system, from /proc. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid()), "stat"));
            // Fields after the command name (which may hold spaces) start after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** The hub's heap in use, from its own metrics; -1 when it does not answer. */
    long heapUsedBytes() {
        double value = metric("jvm.memory.used", "area:heap");
        return Double.isNaN(value) ? -1 : (long) value;
    }

    /** A metric of the hub's actuator, summed over the tags it is not filtered by; NaN when unavailable. */
    double metric(String name, String... tags) {
        StringBuilder uri = new StringBuilder(baseUrl()).append("/actuator/metrics/").append(name);
        for (int i = 0; i < tags.length; i++) {
            uri.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri.toString()))
                    .header("Authorization", DemoPeople.OPERATOR.basicAuthorization())
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) return Double.NaN;
            JsonNode measurements = JSON.readTree(response.body()).path("measurements");
            for (JsonNode measurement : measurements) {
                String statistic = measurement.path("statistic").asText();
                if (statistic.equals("VALUE") || statistic.equals("COUNT")) {
                    return measurement.path("value").asDouble();
                }
            }
            return Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }
}
