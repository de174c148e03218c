package vn.gov.hanoi.lienthong.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hub that was killed (power cut, SIGKILL, OOM killer) leaves its embedded PostgreSQL server running on
 * the data directory, and a new server refuses to start there. This finds that server by its
 * postmaster.pid and asks it to shut down; PostgreSQL's own recovery does the rest.
 */
final class StalePostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) return;
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isEmpty()) return;
        LOG.warn("A PostgreSQL server (pid {}) left by a previous hub is still running on {}: stopping it", pid,
                dataDirectory);
        // SIGTERM: PostgreSQL's smart shutdown; the dead hub's connections are already gone.
        process.get().destroy();
        try {
            process.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("PostgreSQL (pid {}) did not stop within 60 s: killing it", pid);
            process.get().destroyForcibly();
        }
    }
}
