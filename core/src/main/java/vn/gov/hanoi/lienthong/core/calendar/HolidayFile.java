package vn.gov.hanoi.lienthong.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads config/holidays.yaml into a {@link WorkingCalendar}; every error of the file is reported at once. */
public final class HolidayFile {

    private HolidayFile() {
    }

    public static WorkingCalendar read(InputStream yaml, String sourceName) throws IOException {
        FileShape file = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readValue(yaml, FileShape.class);
        List<String> errors = new ArrayList<>();
        Set<DayOfWeek> weekend = new HashSet<>();
        for (String day : file.weekend() == null ? List.of("SATURDAY", "SUNDAY") : file.weekend()) {
            try {
                weekend.add(DayOfWeek.valueOf(day.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(sourceName + ": weekend: '" + day + "' is not a day of the week");
            }
        }
        Map<MonthDay, String> everyYear = new HashMap<>();
        for (Day entry : file.everyYear() == null ? List.<Day>of() : file.everyYear()) {
            try {
                everyYear.put(MonthDay.parse("--" + entry.day()), entry.name());
            } catch (DateTimeParseException | NullPointerException e) {
                errors.add(sourceName + ": every-year: '" + entry.day() + "' is not a day as MM-DD");
            }
        }
        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        Set<LocalDate> worked = new HashSet<>();
        Map<Integer, Year> years = file.years() == null ? Map.of() : file.years();
        years.forEach((year, entries) -> {
            String where = sourceName + ": years: " + year;
            for (Day entry : entries.holidays() == null ? List.<Day>of() : entries.holidays()) {
                try {
                    LocalDate from = LocalDate.parse(entry.day() != null ? entry.day() : entry.from());
                    LocalDate to = entry.day() != null ? from : LocalDate.parse(entry.to());
                    if (to.isBefore(from) || from.getYear() != year && to.getYear() != year) {
                        errors.add(where + ": holiday '" + entry.name() + "' (" + from + " to " + to + ") is not in " + year);
                        continue;
                    }
                    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) holidays.put(day, entry.name());
                } catch (DateTimeParseException | NullPointerException e) {
                    errors.add(where + ": holiday '" + entry.name() + "' needs a day, or from and to, as YYYY-MM-DD");
                }
            }
            for (Day entry : entries.workingDays() == null ? List.<Day>of() : entries.workingDays()) {
                try {
                    LocalDate day = LocalDate.parse(entry.day());
                    if (!weekend.contains(day.getDayOfWeek())) {
                        errors.add(where + ": working day " + day + " is not a weekend day");
                    }
                    worked.add(day);
                } catch (DateTimeParseException | NullPointerException e) {
                    errors.add(where + ": working day '" + entry.day() + "' is not a day as YYYY-MM-DD");
                }
            }
        });
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The holiday calendar has " + errors.size() + " error(s):\n  "
                    + String.join("\n  ", errors));
        }
        return new WorkingCalendar(weekend, everyYear, holidays, worked, years.keySet());
    }

    record FileShape(List<String> weekend, @JsonProperty("every-year") List<Day> everyYear, Map<Integer, Year> years) {
    }

    record Year(List<Day> holidays, @JsonProperty("working-days") List<Day> workingDays) {
    }

    record Day(String day, String from, String to, String name) {
    }
}
