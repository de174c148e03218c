package vn.gov.hanoi.lienthong.archive.retention;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionScheduleTest {

    @Test
    void theShippedScheduleKeepsDecisionsForeverInvitationsFiveYearsAndAnythingElseTen() throws Exception {
        RetentionSchedule schedule;
        try (InputStream in = Files.newInputStream(Path.of("../config/retention.yaml"))) {
            schedule = RetentionSchedule.read(in, "config/retention.yaml");
        }
        assertThat(schedule.yearsOf(2, null)).as("Quyết định").isEmpty();
        assertThat(schedule.yearsOf(23, null)).as("Giấy mời").contains(5);
        assertThat(schedule.yearsOf(18, null)).as("Công văn").contains(10);
        assertThat(schedule.yearsOf(99, null)).as("a type it does not name").contains(10);
        assertThat(schedule.yearsOf(null, null)).as("no type").contains(10);
        assertThat(schedule.yearsOf(2, 7)).as("an archivist's override, even of a permanent type").contains(7);
        assertThat(schedule.shortestYears()).isEqualTo(5);
    }

    @Test
    void aPeriodRunsFromTheFirstOfJanuaryAfterTheDocumentsYear() {
        assertThat(RetentionSchedule.expiresOn(LocalDate.of(2015, 3, 2), 5)).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(RetentionSchedule.expiresOn(LocalDate.of(2015, 12, 31), 5)).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(RetentionSchedule.expiresOn(LocalDate.of(2016, 1, 1), 5)).isEqualTo(LocalDate.of(2022, 1, 1));
    }

    @Test
    void aScheduleThatSaysNeitherYearsNorPermanentIsRefusedAtStart() {
        assertThatThrownBy(() -> read("default: 10\ntypes:\n  23: soon\n")).hasMessageContaining("type 23");
        assertThatThrownBy(() -> read("default: 0\n")).hasMessageContaining("default");
        assertThatThrownBy(() -> read("types:\n  23: 5\n")).hasMessageContaining("no default");
    }

    private static RetentionSchedule read(String yaml) throws Exception {
        return RetentionSchedule.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
    }
}
