package vn.gov.hanoi.lienthong.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import vn.gov.hanoi.lienthong.core.directory.InvalidDirectoryException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A directory with errors stops the hub at start-up, naming every error on its own line. */
class DirectoryStartupTest {

    @Test
    void aDirectoryWithErrorsFailsStartUpWithOneLinePerError() throws Exception {
        Path dataDir = Path.of("target", "bad-directory-hub", UUID.randomUUID().toString());
        Files.createDirectories(dataDir);
        Path directory = dataDir.resolve("agencies.yaml");
        String hash = "$2a$10$6hNkmt8C9r.bF632NF1vnOubA372/.An4AUwVzUlVFUffHBKoO3c.";
        Files.writeString(directory, """
                agencies:
                  - {organId: 000.00.12.H26, name: Sở Nội vụ, mailbox: sonoivu@hanoi.gov.vn, channel: pull, username: a, secretHash: '%s'}
                  - {organId: 000.00.12.H26, name: Sở trùng mã, mailbox: trung@hanoi.gov.vn, channel: pull, username: b, secretHash: '%s'}
                  - {organId: 000.00.15.H26, name: Sở Tài chính, mailbox: sotaichinh@yahoo.com, channel: pull, username: c, secretHash: '%s'}
                  - {organId: 000.00.16.H26, name: Sở Xây dựng, mailbox: soxaydung@hanoi.gov.vn, channel: fax, username: d, secretHash: '%s'}
                """.formatted(hash, hash, hash, hash));

        // Command-line arguments: they win over the packed application.yaml, as an operator's would.
        Throwable failure = catchThrowable(() -> {
            try (var started = new SpringApplicationBuilder(LienThongHubApplication.class).run("--server.port=0",
                    "--hub.data-dir=" + dataDir.toAbsolutePath(), "--hub.directory=file:" + directory.toAbsolutePath(),
                    "--hub.embedded-postgres.enabled=false", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
                    "--spring.flyway.enabled=false", "--spring.artemis.embedded.enabled=false")) {
                started.getId();
            }
        });

        InvalidDirectoryException invalid = rootCause(failure);
        assertThat(invalid.errors()).hasSize(3);
        assertThat(invalid.errors().get(0)).contains("agencies[1]", "000.00.12.H26 is already used by agencies[0]");
        assertThat(invalid.errors().get(1)).contains("agencies[2]", "'sotaichinh@yahoo.com' is not on the hanoi.gov.vn domain");
        assertThat(invalid.errors().get(2)).contains("agencies[3]", "unknown channel 'fax'");
        FailureAnalysis analysis = new InvalidDirectoryFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription().lines().filter(line -> line.contains("agencies[")).count()).isEqualTo(3);
    }

    private static InvalidDirectoryException rootCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidDirectoryException invalid) return invalid;
        }
        throw new AssertionError("start-up did not fail on the directory", failure);
    }
}
