package vn.gov.hanoi.lienthong.hub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The hub as a separate JVM on this test's classpath, so that a test can kill it the way a power cut or the
 * OOM killer would (SIGKILL: no shutdown hook, no drain) and start it again on the same data.
 */
final class HubProcess {

    private final Path dataDir;
    private final Path directory;
    private final int port;
    private final List<String> extraArguments;
    private Process process;
    private int starts;

    HubProcess(Path dataDir, Path directory, int port, String... extraArguments) {
        this.extraArguments = List.of(extraArguments);
        this.dataDir = dataDir;
        this.directory = directory;
        this.port = port;
    }

    void start() throws IOException, InterruptedException {
        starts++;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                LienThongHubApplication.class.getName(),
                "--server.port=" + port,
                "--hub.data-dir=" + dataDir.toAbsolutePath(),
                "--hub.directory=file:" + directory.toAbsolutePath(),
                "--hub.delivery.initial-delay=200ms",
                "--hub.delivery.max-delay=2s"));
        command.addAll(extraArguments);
        Path log = dataDir.resolve("hub-run-" + starts + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitHealthy(Duration.ofSeconds(120), log);
    }

    /** SIGKILL: the JVM dies where it stands. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the hub shuts down in order. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    String serviceUrl() {
        return "http://127.0.0.1:" + port + "/ws/edoc";
    }

    private void awaitHealthy(Duration timeout, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
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
}
