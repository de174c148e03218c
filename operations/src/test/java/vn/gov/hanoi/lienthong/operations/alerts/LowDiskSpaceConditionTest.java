package vn.gov.hanoi.lienthong.operations.alerts;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import vn.gov.hanoi.lienthong.core.HubSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** Low disk space under the data directory fires with the free space in its details, and not above the threshold. */
class LowDiskSpaceConditionTest {

    @Test
    void firesBelowTheThresholdOnly(@TempDir Path data) throws Exception {
        HubSettings hub = new HubSettings("000.00.99.H26", data, null, 0, null);
        AlertCondition far = new AlertConditions().lowDiskSpace(hub, threshold(DataSize.ofTerabytes(1_000_000)));
        List<AlertCondition.Firing> firing = far.evaluate(Instant.now());
        assertThat(firing).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(data.toAbsolutePath().toString());
            assertThat(f.summaryVi()).contains("MiB trống");
            assertThat((Long) f.details().get("freeBytes")).isPositive();
        });
        assertThat(new AlertConditions().lowDiskSpace(hub, threshold(DataSize.ofBytes(1))).evaluate(Instant.now())).isEmpty();
    }

    @Test
    void theThresholdChangedAtRunTimeDecidesTheNextEvaluation(@TempDir Path data) throws Exception {
        HubSettings hub = new HubSettings("000.00.99.H26", data, null, 0, null);
        DiskSpaceThreshold threshold = threshold(DataSize.ofBytes(1));
        AlertCondition condition = new AlertConditions().lowDiskSpace(hub, threshold);
        assertThat(condition.evaluate(Instant.now())).isEmpty();
        threshold.setFreeBelowMiB(1L << 40);
        assertThat(condition.evaluate(Instant.now())).singleElement()
                .satisfies(f -> assertThat(f.details()).containsEntry("thresholdBytes", (1L << 40) << 20));
        assertThat(threshold.getFreeBelowMiB()).isEqualTo(1L << 40);
    }

    private static DiskSpaceThreshold threshold(DataSize freeBelow) {
        return new DiskSpaceThreshold(new AlertSettings(null, null, null, null, null, null, null, freeBelow));
    }
}
