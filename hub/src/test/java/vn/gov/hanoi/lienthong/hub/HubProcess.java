package vn.gov.hanoi.lienthong.hub;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import vn.gov.hanoi.lienthong.testkit.process.ChildHub;

/**
 * The hub as a separate JVM on this test's classpath, with the test's agency directory and short delivery
 * back-off, so that a test can SIGKILL it and start it again on the same data.
 */
class HubProcess extends ChildHub {

    HubProcess(Path dataDir, Path directory, int port, String... extraArguments) {
        this("512m", dataDir, directory, port, extraArguments);
    }

    /** @param heap the child's -Xmx */
    HubProcess(String heap, Path dataDir, Path directory, int port, String... extraArguments) {
        super(List.of("-Xmx" + heap, "-cp", System.getProperty("java.class.path"), LienThongHubApplication.class.getName()),
                dataDir, port, arguments(directory, extraArguments), Duration.ofSeconds(120));
    }

    private static List<String> arguments(Path directory, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--hub.directory=file:" + directory.toAbsolutePath(),
                "--hub.delivery.initial-delay=200ms",
                "--hub.delivery.max-delay=2s"));
        arguments.addAll(List.of(extraArguments));
        return arguments;
    }
}
