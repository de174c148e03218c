package vn.gov.hanoi.lienthong.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The hub under measurement: the released jar (hub/target/lienthong-hub.jar) on its embedded defaults, in a
 * JVM of its own, so that its CPU and heap are its own and it can be killed the way a power cut would.
 */
final class HubProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Linux counts process CPU time in clock ticks of 1/100 s (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Path jar;
    private final Path dataDir;
    private final int port;
    private final String heap;
    private final List<String> arguments;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    HubProcess(Path jar, Path dataDir, int port, String heap, List<String> arguments) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " is missing: build it first (./mvnw -q package -DskipTests)");
        }
        this.jar = jar;
        this.dataDir = dataDir;
        this.port = port;
        this.heap = heap;
        this.arguments = List.copyOf(arguments);
    }

    void start() throws IOException, InterruptedException {
        starts++;
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--hub.data-dir=" + dataDir.toAbsolutePath()));
        command.addAll(arguments);
        Path log = dataDir.resolve("hub-run-" + starts + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitHealthy(Duration.ofSeconds(180), log);
    }

    /** SIGKILL: no shutdown hook, no drain. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    int starts() {
        return starts;
    }

    String serviceUrl() {
        return baseUrl() + "/ws/edoc";
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** CPU time the hub's JVM has used so far, user and system, from /proc. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
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

    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitHealthy(Duration timeout, Path log) throws InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + " during start-up; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the hub did not become healthy within " + timeout + "; see " + log);
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
