package vn.gov.hanoi.lienthong.core.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Working days in Hanoi: not a weekend day, not a public holiday, or a weekend day worked in exchange for one
 * (config/holidays.yaml). Deadlines are counted on it: a document to be handled within N working days of its
 * arrival is due on the N-th working day after the day it arrived; a delivery with a deadline of a day or more
 * is late once that much working time has passed since it began.
 */
public final class WorkingCalendar {

    /** The time zone of the city's working days. */
    public static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Set<DayOfWeek> weekend;
    private final Map<MonthDay, String> everyYear;
    private final Map<LocalDate, String> holidays;
    private final Set<LocalDate> workedWeekendDays;
    private final SortedSet<Integer> yearsKnown;

    WorkingCalendar(Set<DayOfWeek> weekend, Map<MonthDay, String> everyYear, Map<LocalDate, String> holidays,
                    Set<LocalDate> workedWeekendDays, Set<Integer> yearsKnown) {
        this.weekend = Set.copyOf(weekend);
        this.everyYear = Map.copyOf(everyYear);
        this.holidays = Map.copyOf(holidays);
        this.workedWeekendDays = Set.copyOf(workedWeekendDays);
        this.yearsKnown = new TreeSet<>(yearsKnown);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workedWeekendDays.contains(day)) return true;
        return !weekend.contains(day.getDayOfWeek()) && holiday(day).isEmpty();
    }

    /** The holiday's name, if the day is a public holiday. */
    public Optional<String> holiday(LocalDate day) {
        String named = holidays.get(day);
        return Optional.ofNullable(named != null ? named : everyYear.get(MonthDay.from(day)));
    }

    /** The N-th working day after {@code from} ({@code from} itself not counted); {@code from} when N is 0. */
    public LocalDate addWorkingDays(LocalDate from, int workingDays) {
        if (workingDays < 0) throw new IllegalArgumentException("a number of working days is not negative: " + workingDays);
        LocalDate day = from;
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) counted++;
        }
        return day;
    }

    /** The working days after {@code from} up to and including {@code to} (0 when {@code to} is not after it). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) count++;
        }
        return count;
    }

    /**
     * The latest start from which {@code deadline} has run out by {@code now}. A deadline of a day or more is
     * counted in working time — only the hours of working days run — so that a day's deadline set on a Friday
     * runs out on Monday, not on Saturday; a shorter one (a push handed over within 15 minutes) in plain time.
     */
    public Instant startOfRunOutDeadline(Instant now, Duration deadline) {
        if (deadline.compareTo(Duration.ofDays(1)) < 0) return now.minus(deadline);
        ZonedDateTime at = now.atZone(HANOI);
        Duration left = deadline;
        // The part of today that has passed, if today counts.
        ZonedDateTime midnight = at.toLocalDate().atStartOfDay(HANOI);
        if (isWorkingDay(at.toLocalDate())) {
            Duration today = Duration.between(midnight, at);
            if (today.compareTo(left) >= 0) return at.minus(left).toInstant();
            left = left.minus(today);
        }
        LocalDate day = at.toLocalDate();
        while (true) {
            day = day.minusDays(1);
            if (!isWorkingDay(day)) continue;
            ZonedDateTime start = day.atStartOfDay(HANOI);
            Duration whole = Duration.between(start, day.plusDays(1).atStartOfDay(HANOI));
            if (whole.compareTo(left) >= 0) return start.plus(whole.minus(left)).toInstant();
            left = left.minus(whole);
        }
    }

    /** The years whose own holidays (Tết, Giỗ Tổ, days added or swapped) are configured. */
    public SortedSet<Integer> yearsKnown() {
        return yearsKnown;
    }

    /** Today in Hanoi. */
    public static LocalDate today(java.time.Clock clock) {
        return LocalDate.now(clock.withZone(HANOI));
    }
}
