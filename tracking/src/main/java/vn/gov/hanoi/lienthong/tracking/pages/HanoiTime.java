package vn.gov.hanoi.lienthong.tracking.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar;

/**
 * Times and days on the pages as people in Hanoi read them (dd/MM/yyyy, Hanoi time), whatever the server's zone:
 * the templates call it as {@code ${@hanoiTime.at(instant)}} and {@code ${@hanoiTime.day(date)}}.
 */
@Component("hanoiTime")
public class HanoiTime {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(WorkingCalendar.HANOI);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String at(Instant instant) {
        return instant == null ? "—" : AT.format(instant);
    }

    public String day(LocalDate day) {
        return day == null ? "—" : DAY.format(day);
    }
}
