package vn.gov.hanoi.lienthong.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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

/**
 * The hub as a JVM of its own, so that a test or the benchmark can kill it the way a power cut or the OOM
 * killer would (SIGKILL: no shutdown hook, no drain) and start it again on the same data. Each start writes
 * its output to {@code hub-run-<n>.log} in the data directory.
 */
public class ChildHub implements AutoCloseable {

    private final List<String> launch;
    private final Path dataDir;
    private final int port;
    private final List<String> arguments;
    private final Duration startTimeout;
    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;
    private long startedAt;
    private Duration startToHealthy;

    /**
     * @param launch    the JVM's options and what to run: {@code -jar <jar>} or {@code -cp <path> <main class>}
     * @param arguments the hub's own arguments after the port and the data directory
     */
    public ChildHub(List<String> launch, Path dataDir, int port, List<String> arguments, Duration startTimeout) {
        this.launch = List.copyOf(launch);
        this.dataDir = dataDir;
        this.port = port;
        this.arguments = List.copyOf(arguments);
        this.startTimeout = startTimeout;
    }

    /** Starts the hub and waits until its health endpoint answers UP. */
    public void start() throws IOException, InterruptedException {
        starts++;
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch);
        command.add("--server.port=" + port);
        command.add("--hub.data-dir=" + dataDir.toAbsolutePath());
        command.addAll(arguments);
        Path log = dataDir.resolve("hub-run-" + starts + ".log");
        startedAt = System.nanoTime();
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitHealthy(log);
        startToHealthy = Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** When the last start spawned the hub's JVM (System.nanoTime). */
    public long startedAtNanos() {
        return startedAt;
    }

    /** From the last spawn of the hub's JVM to its first healthy answer (to within the 100 ms between probes). */
    public Duration startToHealthy() {
        return startToHealthy;
    }

    /** SIGKILL: the JVM dies where it stands. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the hub shuts down in order. */
    public void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public int starts() {
        return starts;
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Where start-up waits for UP: the main port's readiness probe (ready to take documents; an optional channel
     * away does not count), unless the hub serves its actuator elsewhere.
     */
    protected String healthUrl() {
        return baseUrl() + "/actuator/health/readiness";
    }

    public String serviceUrl() {
        return baseUrl() + "/ws/edoc";
    }

    private void awaitHealthy(Path log) throws InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(URI.create(healthUrl()))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(startTimeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + " during start-up; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the hub did not become healthy within " + startTimeout + "; see " + log);
    }

    /** A port free at the moment of asking. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
