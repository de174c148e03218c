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
        AlertCondition far = new AlertConditions().lowDiskSpace(hub, settings(DataSize.ofTerabytes(1_000_000)));
        List<AlertCondition.Firing> firing = far.evaluate(Instant.now());
        assertThat(firing).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(data.toAbsolutePath().toString());
            assertThat(f.summaryVi()).contains("MiB trống");
            assertThat((Long) f.details().get("freeBytes")).isPositive();
        });
        assertThat(new AlertConditions().lowDiskSpace(hub, settings(DataSize.ofBytes(1))).evaluate(Instant.now())).isEmpty();
    }

    private static AlertSettings settings(DataSize freeBelow) {
        return new AlertSettings(null, null, null, null, null, null, null, freeBelow);
    }
}
