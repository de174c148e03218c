package vn.gov.hanoi.lienthong.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The chaos run in its short form, on every build: 1 000 letters, two SIGKILLs of the real hub (the jar the
 * build has just made) and the push recipient offline for most of the run. The long form (10 000 letters,
 * three kills) is {@code java -jar bench/target/lienthong-bench.jar chaos}, reported in bench/RESULTS.md.
 */
class ChaosShortTest {

    @Test
    void nothingIsLostOrDuplicatedAcrossTwoKills() throws Exception {
        Path hubJar = Path.of("../hub/target/lienthong-hub.jar");
        assertThat(hubJar).as("the hub's runnable jar, built by the hub module").exists();

        ChaosCommand chaos = new ChaosCommand();
        chaos.hubJar = hubJar;
        chaos.workDir = Files.createDirectories(Path.of("target/chaos-short"));
        chaos.heap = "512m";
        chaos.documents = 1_000;
        chaos.kills = 2;
        chaos.senders = 8;
        chaos.pdfKib = 16;
        chaos.offlineUntil = 0.8;
        chaos.mailStatusEvery = 10;
        chaos.drainMinutes = 10;
        chaos.seed = 57;
        chaos.results = "none";

        ChaosCommand.Report report = chaos.run();

        assertThat(report.killsDone()).isEqualTo(2);
        assertThat(report.accepted()).isEqualTo(1_000);
        assertThat(report.lost()).as("deliveries lost").isZero();
        assertThat(report.duplicated()).as("deliveries duplicated").isZero();
        assertThat(report.deliveredPush()).isEqualTo(1_000);
        assertThat(report.deliveredPull()).isEqualTo(1_000);
        assertThat(report.deliveredMail()).isEqualTo(1_000);
        // Every push and pull recipient reports 01, the e-mail clerk answers every tenth letter.
        assertThat(report.statusesIssued()).isEqualTo(2_100);
        assertThat(report.statusesLost()).as("statuses lost").isZero();
    }
}
