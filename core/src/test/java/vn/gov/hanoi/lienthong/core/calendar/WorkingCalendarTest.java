package vn.gov.hanoi.lienthong.core.calendar;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working days on the calendar of config/holidays.yaml: weekends, fixed holidays, Tết, days made up and swapped. */
class WorkingCalendarTest {

    static WorkingCalendar calendar;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = new FileInputStream("../config/holidays.yaml")) {
            calendar = HolidayFile.read(in, "config/holidays.yaml");
        }
    }

    @Test
    void weekendsAndHolidaysAreNotWorkingDaysAndASwappedSaturdayIs() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 1))).as("a Tuesday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 5))).as("a Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 1))).as("Tết Dương lịch").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 18))).as("Tết Bính Ngọ").isFalse();
        assertThat(calendar.holiday(LocalDate.of(2026, 2, 18))).contains("Tết Nguyên đán Bính Ngọ");
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 27))).as("Giỗ Tổ on a Sunday, made up on Monday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 2))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 2))).as("swapped for 26 April 2025").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 4, 26))).as("the Saturday worked instead").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 4, 30))).as("fixed holidays in a year not yet configured").isFalse();
        assertThat(calendar.yearsKnown()).contains(2025, 2026);
    }

    @Test
    void aDeadlineInWorkingDaysSkipsWeekendsAndHolidays() {
        // Friday 4 December 2026 + 3 working days: Monday 7, Tuesday 8, Wednesday 9.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 4), 3)).isEqualTo(LocalDate.of(2026, 12, 9));
        // Arrived on Friday 13 February 2026, the eve of Tết: 16–20 February are Tết, 21–22 the weekend.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 3)).isEqualTo(LocalDate.of(2026, 2, 25));
        // Over 30 April – 1 May 2026 (Thursday, Friday) and the weekend after.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 4, 29), 1)).isEqualTo(LocalDate.of(2026, 5, 4));
        // Over Giỗ Tổ's day made up (Monday 27 April 2026).
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 4, 24), 2)).isEqualTo(LocalDate.of(2026, 4, 29));
        // 2025: Saturday 26 April worked, Friday 2 May off.
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 4, 25), 1)).isEqualTo(LocalDate.of(2025, 4, 26));
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 4, 29), 1)).isEqualTo(LocalDate.of(2025, 5, 5));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 4), 0)).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 25))).isEqualTo(3);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 25), LocalDate.of(2026, 2, 13))).isZero();
    }

    @Test
    void aDayLongDeadlineRunsInWorkingTimeAndAShortOneInPlainTime() {
        Instant sunday = hanoi(LocalDateTime.of(2026, 12, 6, 10, 0));
        // On a Sunday, a day's deadline has run out for what began before Friday 00:00 (all of Friday ran).
        assertThat(calendar.startOfRunOutDeadline(sunday, Duration.ofDays(1))).isEqualTo(hanoi(LocalDateTime.of(2026, 12, 4, 0, 0)));
        // On Monday 10:00: ten hours of Monday and fourteen of Friday.
        Instant monday = hanoi(LocalDateTime.of(2026, 12, 7, 10, 0));
        assertThat(calendar.startOfRunOutDeadline(monday, Duration.ofDays(1))).isEqualTo(hanoi(LocalDateTime.of(2026, 12, 4, 10, 0)));
        // Within a working day.
        Instant wednesday = hanoi(LocalDateTime.of(2026, 12, 9, 10, 0));
        assertThat(calendar.startOfRunOutDeadline(wednesday, Duration.ofDays(1))).isEqualTo(hanoi(LocalDateTime.of(2026, 12, 8, 10, 0)));
        // Across Tết 2026: at 09:00 on Monday 23 February, one day back is Friday 13 February 09:00.
        assertThat(calendar.startOfRunOutDeadline(hanoi(LocalDateTime.of(2026, 2, 23, 9, 0)), Duration.ofDays(1)))
                .isEqualTo(hanoi(LocalDateTime.of(2026, 2, 13, 9, 0)));
        assertThat(calendar.startOfRunOutDeadline(sunday, Duration.ofMinutes(15))).isEqualTo(sunday.minus(Duration.ofMinutes(15)));
    }

    @Test
    void everyErrorOfTheFileIsReportedAtOnce() {
        String yaml = """
                weekend: [SATURDAY, SUNDY]
                every-year:
                  - { day: "13-01", name: "no such month" }
                years:
                  2026:
                    holidays:
                      - { from: 2026-02-20, to: 2026-02-14, name: "backwards" }
                      - { name: "no day" }
                    working-days:
                      - { day: 2026-12-01, name: "a Tuesday" }
                """;
        assertThatThrownBy(() -> HolidayFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml"))
                .hasMessageContaining("5 error(s)").hasMessageContaining("SUNDY").hasMessageContaining("13-01")
                .hasMessageContaining("backwards").hasMessageContaining("no day").hasMessageContaining("2026-12-01 is not a weekend day");
    }

    private static Instant hanoi(LocalDateTime local) {
        return local.atZone(WorkingCalendar.HANOI).toInstant();
    }
}
