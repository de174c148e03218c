package vn.gov.hanoi.lienthong.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import vn.gov.hanoi.lienthong.testkit.process.ChildHub;

/**
 * The hub under measurement: the released jar (hub/target/lienthong-hub.jar) on its embedded defaults, in a
 * JVM of its own, so that its CPU and heap are its own and it can be killed the way a power cut would.
 */
final class HubProcess extends ChildHub {

    /** Linux counts process CPU time in clock ticks of 1/100 s (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

    /**
     * The bench reads the hub's meters as the operators' Prometheus does, with a scrape token: a person's password
     * would cost the hub a bcrypt check at every reading (a quarter of its CPU under load, when the bench used one).
     */
    private final String scrapeToken;

    HubProcess(Path jar, Path dataDir, int port, String heap, List<String> arguments) {
        this(jar, dataDir, port, heap, List.of(), arguments);
    }

    /** @param jvmOptions options of the hub's JVM beyond its heap (a comparison of JIT settings, say) */
    HubProcess(Path jar, Path dataDir, int port, String heap, List<String> jvmOptions, List<String> arguments) {
        this(jar, dataDir, port, heap, jvmOptions, arguments, randomToken());
    }

    private HubProcess(Path jar, Path dataDir, int port, String heap, List<String> jvmOptions, List<String> arguments,
                       String scrapeToken) {
        super(launch(requireBuilt(jar), heap, jvmOptions), dataDir, port, withScrapeToken(arguments, scrapeToken),
                Duration.ofSeconds(180));
        this.scrapeToken = scrapeToken;
    }

    /**
     * The JVM's options and the jar, as the README runs it: with the class-data sharing archive built beside the
     * unpacked jar (hub/target/app/lienthong-hub.jsa) when there is one.
     */
    private static List<String> launch(Path jar, String heap, List<String> jvmOptions) {
        List<String> launch = new java.util.ArrayList<>(List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
        launch.addAll(jvmOptions);
        String name = jar.getFileName().toString();
        Path archive = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
        if (Files.isRegularFile(archive)) launch.add("-XX:SharedArchiveFile=" + archive);
        launch.addAll(List.of("-jar", jar.toString()));
        return launch;
    }

    private static String randomToken() {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    private static List<String> withScrapeToken(List<String> arguments, String token) {
        List<String> all = new java.util.ArrayList<>(arguments);
        try {
            all.add("--hub.metrics.scrape-token-sha256=" + java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return all;
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

    /**
     * A meter of the hub, summed over its series whose labels match {@code tags} ("label:value"), from the Prometheus
     * scrape; NaN when unavailable. {@code jvm.memory.used} is the series {@code jvm_memory_used_bytes}, and so on.
     */
    double metric(String name, String... tags) {
        String base = name.replace('.', '_');
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + scrapeToken)
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) return Double.NaN;
            double sum = 0;
            boolean found = false;
            for (String line : response.body().split("\n")) {
                if (line.startsWith("#")) continue;
                int labels = line.indexOf('{');
                int space = line.lastIndexOf(' ');
                if (space < 0) continue;
                String series = line.substring(0, labels >= 0 ? labels : space);
                if (!(series.equals(base) || series.equals(base + "_bytes") || series.equals(base + "_total"))) continue;
                String labelText = labels >= 0 ? line.substring(labels, line.indexOf('}', labels) + 1) : "";
                boolean matches = true;
                for (String tag : tags) {
                    String[] pair = tag.split(":", 2);
                    if (!labelText.contains(pair[0] + "=\"" + pair[1] + "\"")) matches = false;
                }
                if (!matches) continue;
                sum += Double.parseDouble(line.substring(space + 1));
                found = true;
            }
            return found ? sum : Double.NaN;
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }
}
