package vn.gov.hanoi.lienthong.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration
class CalendarConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarConfiguration.class);

    @Bean
    WorkingCalendar workingCalendar(@Value("${hub.holidays:classpath:holidays.yaml}") String location, ResourceLoader resources,
                                    Clock clock) throws IOException {
        WorkingCalendar calendar;
        try (InputStream in = resources.getResource(location).getInputStream()) {
            calendar = HolidayFile.read(in, location);
        }
        int year = WorkingCalendar.today(clock).getYear();
        if (!calendar.yearsKnown().contains(year)) {
            LOG.warn("The holiday calendar ({}) has no entry for {}: Tết, Giỗ Tổ and the days added or swapped that year are "
                    + "counted as working days until they are added", location, year);
        } else {
            LOG.info("Working days counted with the holidays of {} ({})", calendar.yearsKnown(), location);
        }
        return calendar;
    }
}
