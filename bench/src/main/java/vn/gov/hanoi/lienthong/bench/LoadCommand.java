package vn.gov.hanoi.lienthong.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import org.HdrHistogram.Histogram;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import static vn.gov.hanoi.lienthong.bench.Results.percentiles;
import static vn.gov.hanoi.lienthong.bench.Results.round;

/**
 * Throughput and latency of the hub on its embedded defaults, against the broker's own bound measured in the
 * same run: (1) the raw transacted hop rate of the hub's broker configuration; (2) the hub, started from its
 * jar, warmed up; (3) as many documents as {@code --senders} closed-loop senders can push (throughput);
 * (4) half the rate the hub sustained, where it keeps up (latency); (5) twice the rate the hub sustained
 * (overload: what it accepts must all arrive); (6) 50 documents/s; (7) a fixed rate, 100 documents/s by default (the
 * rate the target names). With {@code --jfr}, a profile in a closed-loop phase of its own.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Throughput and latency against the broker's own bound (bench/RESULTS.md).")
final class LoadCommand implements Callable<Integer> {

    @Option(names = "--hub-jar", defaultValue = "hub/target/app/lienthong-hub.jar",
            description = "the hub to measure, run as the README runs it: with the class-data sharing archive beside it when there is one (default: ${DEFAULT-VALUE})")
    Path hubJar;
    @Option(names = "--work-dir", defaultValue = "bench/target/load", description = "data of the run, wiped first (default: ${DEFAULT-VALUE})")
    Path workDir;
    @Option(names = "--heap", defaultValue = "1g", description = "the hub's -Xmx (default: ${DEFAULT-VALUE})")
    String heap;
    @Option(names = "--senders", defaultValue = "16", description = "concurrent senders (default: ${DEFAULT-VALUE})")
    int senders;
    @Option(names = "--window", defaultValue = "64",
            description = "most letters on their way at once in the closed loop: accepted, not yet at all three recipients (default: ${DEFAULT-VALUE})")
    int window;
    /* On 2 cores the JVM has one C2 compiler thread; under load it needs minutes to reach the hub's hot code
       (RSA, SHA-256, DSS): at 150 s its queue still held 4 500 methods and the crypto ran as profiled C1 code. */
    @Option(names = "--warm-up", defaultValue = "300", description = "seconds of unmeasured load first, for the JIT (default: ${DEFAULT-VALUE})")
    double warmUp;
    @Option(names = "--duration", defaultValue = "60", description = "seconds of each measured phase (default: ${DEFAULT-VALUE})")
    double duration;
    @Option(names = "--rate", defaultValue = "100", description = "documents/s of the last latency phase (default: ${DEFAULT-VALUE})")
    double rate;
    @Option(names = "--middle-rate", defaultValue = "50", description = "documents/s of the latency phase between (default: ${DEFAULT-VALUE})")
    double middleRate;
    @Option(names = "--overload-drain", defaultValue = "600",
            description = "seconds the phase at twice the sustained rate may take to deliver what it accepted before a letter counts as lost (default: ${DEFAULT-VALUE})")
    double overloadDrain;
    @Option(names = "--hub-jvm-option", description = "an option of the hub's JVM (repeatable), e.g. to compare JIT settings")
    java.util.List<String> hubJvmOptions = new java.util.ArrayList<>();
    @Option(names = "--no-latency", description = "stop after the throughput phase: start, warm-up and sustained rate only")
    boolean noLatency;
    @Option(names = "--jfr", description = "record the hub with JDK Flight Recorder in a closed-loop phase after the throughput phase, into this file, and summarise it")
    Path jfr;
    @Option(names = "--pdf-kib", defaultValue = "200", description = "size of each document's signed PDF (default: ${DEFAULT-VALUE})")
    int pdfKib;
    @Option(names = "--broker-consumers", defaultValue = "10",
            description = "concurrent hops of the broker bound: the hub's consumers a document passes "
                    + "(inspect 2 + record 2 + dispatch 2 + 1 per outbox of the 3 recipients and the sender) (default: ${DEFAULT-VALUE})")
    int brokerConsumers;
    @Option(names = "--broker-seconds", defaultValue = "20", description = "seconds of the broker bound (default: ${DEFAULT-VALUE})")
    double brokerSeconds;
    @Option(names = "--results", defaultValue = "bench/results.json", description = "figures file to update (default: ${DEFAULT-VALUE})")
    Path results;

    @Override
    public Integer call() throws Exception {
        Bench.wipe(workDir);
        System.out.println("machine: " + Results.machine());

        BrokerBound.Result bound = BrokerBound.measure(workDir.resolve("broker-bound"), brokerConsumers, 5, brokerSeconds);
        System.out.printf("broker bound: %.0f transacted hops/s (%d consumers, %d-byte messages, %d hops in %.1f s)%n",
                bound.hopsPerSecond(), bound.consumers(), bound.messageBytes(), bound.hops(), bound.seconds());

        Map<String, String> senderDocumentIds = new ConcurrentHashMap<>();
        try (BenchCity city = new BenchCity(workDir.resolve("city"));
             HubProcess hub = new HubProcess(hubJar, workDir.resolve("hub"), HubProcess.freePort(), heap, hubJvmOptions,
                     city.hubArguments(false))) {
            BenchLetters letters = new BenchLetters(city.pki, pdfKib * 1024, 64);
            System.out.printf("documents: signed envelope + signed PDF of %d KiB, to 1 push, 1 pull, 1 e-mail recipient%n",
                    letters.pdfBytes() / 1024);
            hub.start();
            double startSeconds = hub.startToHealthy().toMillis() / 1000.0;
            System.out.printf("hub healthy %.1f s after its JVM was spawned%n", startSeconds);
            try (Recipients recipients = new Recipients(city, senderDocumentIds, 0, hub::serviceUrl)) {
                LoadDriver driver = new LoadDriver(hub, letters, recipients, senderDocumentIds);
                LoadDriver.Phase warm = driver.closedLoop("warm-up", senders, window, warmUp, 120);
                print(warm);
                LoadDriver.Phase throughput = driver.closedLoop("throughput", senders, window, duration, 180);
                print(throughput);
                double toSustained = warmUpCurve(driver, warm, throughput.deliveredPerSecond(), hub.startedAtNanos());
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("start_s_to_healthy", round(startSeconds));
                figures.put("warmup_s_to_sustained", Double.isNaN(toSustained) ? null : round(toSustained));
                figures.put("cpu_ms_per_doc", round(throughput.cpuMsPerDocument()));
                figures.put("docs_per_s", round(throughput.deliveredPerSecond()));
                if (noLatency) {
                    Results.update(results, figures);
                    return 0;
                }
                // Latency where the hub keeps up (half the rate it sustained), then at the rate the target names.
                double halfRate = Math.max(1, Math.round(throughput.deliveredPerSecond() / 2));
                LoadDriver.Phase half = driver.openLoop("latency at " + (int) halfRate + "/s (half the sustained rate)",
                        halfRate, senders, duration, 180);
                print(half);
                // Twice what the hub sustains: whatever it accepts must arrive, however long the backlog takes.
                double twice = Math.max(2, Math.round(throughput.deliveredPerSecond() * 2));
                LoadDriver.Phase overload = driver.openLoop("overload at " + (int) twice + "/s (twice the sustained rate)",
                        twice, senders, duration, overloadDrain);
                print(overload);
                LoadDriver.Phase middle = driver.openLoop("latency at " + (int) middleRate + "/s", middleRate, senders, duration, 180);
                print(middle);
                LoadDriver.Phase latency = driver.openLoop("latency at " + (int) rate + "/s", rate, senders, duration, 180);
                print(latency);

                double ratio = throughput.deliveredPerSecond() * throughput.hopsPerDocument() / bound.hopsPerSecond();
                System.out.printf("ratio to the broker bound: %.1f docs/s × %.1f durable hops/doc ÷ %.0f hops/s = %.2f%n",
                        throughput.deliveredPerSecond(), throughput.hopsPerDocument(), bound.hopsPerSecond(), ratio);
                figures.put("accepted_docs_per_s", round(throughput.acceptedPerSecond()));
                figures.put("broker_bound_hops_per_s", round(bound.hopsPerSecond()));
                figures.put("durable_hops_per_doc", round(throughput.hopsPerDocument()));
                figures.put("ratio_to_broker_bound", Math.round(ratio * 100) / 100.0);
                figures.put("hub_cores_at_max", round(throughput.hubCores()));
                figures.put("p99_accept_ms_at_max", Results.ms(throughput.accept(), 99));
                figures.put("p99_accept_ms_at_50", Results.ms(middle.accept(), 99));
                figures.put("p99_e2e_ms_at_50", Results.ms(middle.endToEnd(), 99));
                figures.put("overload_docs_per_s", twice);
                figures.put("p99_accept_ms_at_2x", Results.ms(overload.accept(), 99));
                figures.put("refused_at_2x", overload.refused());
                figures.put("lost_at_2x", overload.undelivered());
                figures.put("p99_accept_ms_at_100", Results.ms(latency.accept(), 99));
                figures.put("p99_e2e_ms_at_100", Results.ms(latency.endToEnd(), 99));
                figures.put("p50_e2e_ms_at_100", Results.ms(latency.endToEnd(), 50));
                figures.put("undelivered_at_100", latency.undelivered());
                figures.put("half_rate_docs_per_s", halfRate);
                figures.put("p99_accept_ms_at_half_rate", Results.ms(half.accept(), 99));
                figures.put("p99_e2e_ms_at_half_rate", Results.ms(half.endToEnd(), 99));
                figures.put("p50_e2e_ms_at_half_rate", Results.ms(half.endToEnd(), 50));
                Results.update(results, figures);
                if (jfr != null) {
                    // Last, in a phase of its own: in this bench the phases after a recording ran for minutes at half the
                    // rate with twice the CPU per document, so no figure is taken during or after one.
                    JfrProfile profile = JfrProfile.start(hub.pid(), jfr);
                    print(driver.closedLoop("profiled (JFR recording: not a figure)", senders, window, duration, 180));
                    profile.stop();
                    JfrProfile.summarise(jfr, 40);
                }
            }
        }
        return 0;
    }

    /**
     * The warm-up's completions in windows of ten seconds; the seconds from the hub's spawn to the end of the first
     * window at nine tenths of the sustained rate (NaN when the warm-up never got there).
     */
    private static double warmUpCurve(LoadDriver driver, LoadDriver.Phase warm, double sustained, long spawnNanos) {
        long[] completions = driver.completions(warm.ids());
        long window = 10_000_000_000L;
        long end = warm.startNanos() + (long) (warm.seconds() * 1e9);
        StringBuilder curve = new StringBuilder();
        double reached = Double.NaN;
        int next = 0;
        for (long from = warm.startNanos(); from + window <= end; from += window) {
            int count = 0;
            while (next < completions.length && completions[next] < from + window) {
                if (completions[next] >= from) count++;
                next++;
            }
            double rate = count / 10.0;
            curve.append(String.format(java.util.Locale.ROOT, " %.0f", rate));
            if (Double.isNaN(reached) && rate >= 0.9 * sustained) reached = (from + window - spawnNanos) / 1e9;
        }
        System.out.printf("warm-up, documents/s completed in each 10 s:%s%n", curve);
        System.out.printf(java.util.Locale.ROOT, "sustained rate %.1f/s: nine tenths of it reached %s%n", sustained,
                Double.isNaN(reached) ? "not within the warm-up" : String.format(java.util.Locale.ROOT, "%.0f s after the hub's spawn", reached));
        return reached;
    }

    static void print(LoadDriver.Phase phase) {
        System.out.printf("%n== %s: %.1f s%n", phase.name(), phase.seconds());
        System.out.printf("  accepted %d (%.1f/s), refused or failed calls %d; completed at all 3 recipients within "
                        + "the phase: %.1f/s%n", phase.accepted(), phase.acceptedPerSecond(), phase.refused(),
                phase.deliveredPerSecond());
        System.out.printf("  of the phase's letters: delivered to all 3 recipients %d, not delivered after the drain %d%n",
                phase.delivered(), phase.undelivered());
        System.out.println("  accept latency p50/p95/p99/max:      " + percentiles(phase.accept()));
        System.out.println("  end-to-end (all 3) p50/p95/p99/max:  " + percentiles(phase.endToEnd())
                + (phase.undelivered() > 0 ? "  (letters not delivered by the drain's end count at that time: a lower bound)" : ""));
        for (Map.Entry<String, Histogram> recipient : phase.endToEndByRecipient().entrySet()) {
            System.out.printf("    to the %-6s recipient:           %s%n", recipient.getKey(), percentiles(recipient.getValue()));
        }
        System.out.printf("  hub CPU %.2f cores, bench CPU %.2f cores, hub heap max %d MiB; %.1f durable hops per document%n",
                phase.hubCores(), phase.benchCores(), phase.maxHeapBytes() >> 20, phase.hopsPerDocument());
    }
}
