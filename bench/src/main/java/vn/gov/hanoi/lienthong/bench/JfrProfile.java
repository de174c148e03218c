package vn.gov.hanoi.lienthong.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder profile of the hub during one phase, taken with {@code jcmd} (JFR ships with the JDK: nothing
 * to install), and its summary: the methods the hub's threads were running, by their own time and by the time of
 * everything they called — where each document's CPU goes.
 */
final class JfrProfile {

    private final long pid;
    private final Path file;

    private JfrProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    /**
     * Execution samples only, every 20 ms: JFR's own "default" settings (parks, monitor waits, socket reads with their
     * stacks, allocation samples) halved the hub's rate under this load and doubled its CPU per document.
     */
    private static final String SAMPLES_ONLY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="Execution samples only">
              <event name="jdk.ExecutionSample">
                <setting name="enabled">true</setting>
                <setting name="period">20 ms</setting>
              </event>
            </configuration>
            """;

    static JfrProfile start(long pid, Path file) throws IOException, InterruptedException {
        Path settings = file.toAbsolutePath().resolveSibling("execution-samples-only.jfc");
        java.nio.file.Files.createDirectories(settings.getParent());
        java.nio.file.Files.writeString(settings, SAMPLES_ONLY);
        jcmd(pid, "JFR.start", "name=bench", "settings=" + settings);
        return new JfrProfile(pid, file);
    }

    Path stop() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=bench", "filename=" + file.toAbsolutePath());
        return file;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(String.valueOf(pid));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }

    /** Prints the top methods by self and by inclusive samples of the recording. */
    static void summarise(Path recording, int top) throws IOException {
        Map<String, Integer> self = new LinkedHashMap<>();
        Map<String, Integer> inclusive = new LinkedHashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) continue;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) continue;
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (seen.add(name)) inclusive.merge(name, 1, Integer::sum);
            }
        }
        System.out.printf("profile %s: %d execution samples of the hub's threads%n", recording, samples);
        print("by own time", self, samples, top);
        print("by time of all it called (the threads' own loops left out)", inclusive, samples, top);
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println("  " + title + ":");
        counts.entrySet().stream()
                .filter(entry -> entry.getValue() < samples * 0.97)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(entry -> System.out.printf(Locale.ROOT, "    %5.1f %%  %s%n", 100.0 * entry.getValue() / samples, entry.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
