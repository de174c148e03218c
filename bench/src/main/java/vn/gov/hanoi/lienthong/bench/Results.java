package vn.gov.hanoi.lienthong.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** bench/results.json: the latest figures of each kind of run, each run replacing only its own keys. */
final class Results {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Results() {
    }

    static void update(Path file, Map<String, Object> figures) throws IOException {
        ObjectNode results = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
        figures.forEach((key, value) -> results.set(key, JSON.valueToTree(value)));
        results.put("machine", machine());
        results.put("date", LocalDate.now().toString());
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), results);
        System.out.println("figures written to " + file);
    }

    /** The CPU model, the cores this JVM may use, the memory and the JDK: what the figures depend on. */
    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException e) {
            // Not Linux: the model stays unknown.
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return "%s, %d cores, %d GiB, Java %s".formatted(cpu, Runtime.getRuntime().availableProcessors(),
                Math.round(memory / (1024.0 * 1024 * 1024)), System.getProperty("java.version"));
    }

    /** "p50 / p95 / p99 / max" in milliseconds of a histogram of microseconds. */
    static String percentiles(Histogram micros) {
        if (micros.getTotalCount() == 0) return "no samples";
        return "%s / %s / %s / %s ms (n=%d)".formatted(ms(micros, 50), ms(micros, 95), ms(micros, 99),
                round(micros.getMaxValue() / 1000.0), micros.getTotalCount());
    }

    static double ms(Histogram micros, double percentile) {
        return round(micros.getValueAtPercentile(percentile) / 1000.0);
    }

    /** CPU time of the calling thread so far, in ns: what the one-thread measurements count. */
    static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
