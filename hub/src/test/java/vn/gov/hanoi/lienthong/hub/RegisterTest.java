package vn.gov.hanoi.lienthong.hub;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar;
import vn.gov.hanoi.lienthong.tracking.register.Register;
import vn.gov.hanoi.lienthong.tracking.register.RegisterEntry;
import vn.gov.hanoi.lienthong.tracking.register.Registers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registers' numbering (Decree 30/2020/NĐ-CP, Art. 15 and 22) under concurrency, against the real database:
 * 10 000 entries at once for one agency and year are numbered 1 … 10 000, no gap and no duplicate; an entry rolled
 * back gives its number back; the last minute of 31 December is still that year; 1 January starts at 1 again.
 */
class RegisterTest extends HubIntegrationTest {

    /** An agency of the registers only: no other test writes its lines. */
    private static final String ORGAN = "000.00.55.H26";
    private static final int YEAR = 2031;

    @Autowired
    Registers registers;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tenThousandConcurrentEntriesAreNumberedOneToTenThousandAndTheNextYearStartsAtOne() throws Exception {
        Instant midYear = hanoi(LocalDateTime.of(YEAR, 6, 15, 9, 0));
        List<Integer> numbers = new ArrayList<>();
        ExecutorService clerks = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> entries = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                int n = i;
                entries.add(clerks.submit(() -> transaction.execute(tx -> registers.enter(line(midYear.plusSeconds(n), "Công văn số " + n))).number()));
            }
            for (Future<Integer> entry : entries) numbers.add(entry.get());
        } finally {
            clerks.shutdown();
        }
        assertThat(numbers).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(numbers.stream().sorted().toList()).isEqualTo(IntStream.rangeClosed(1, 10_000).boxed().toList());
        assertThat(jdbc.queryForList("select number from register_entry where organ_id = ? and register = 'INCOMING' and year = ? "
                + "order by number", Integer.class, ORGAN, YEAR)).isEqualTo(IntStream.rangeClosed(1, 10_000).boxed().toList());
        assertThat(registers.lastNumber(ORGAN, Register.INCOMING, YEAR)).isEqualTo(10_000);

        // A line whose transaction is rolled back gives its number back.
        transaction.executeWithoutResult(tx -> {
            assertThat(registers.enter(line(midYear, "rolled back")).number()).isEqualTo(10_001);
            tx.setRollbackOnly();
        });
        // The last minute of 31 December, Hanoi time (16:59 UTC), is still the year's.
        RegisterEntry last = transaction.execute(tx -> registers.enter(line(hanoi(LocalDateTime.of(YEAR, 12, 31, 23, 59)), "cuối năm")));
        assertThat(last.year()).isEqualTo(YEAR);
        assertThat(last.number()).isEqualTo(10_001);
        // The first minute of 1 January starts the next year at 1; the outgoing register has its own numbers.
        RegisterEntry first = transaction.execute(tx -> registers.enter(line(hanoi(LocalDateTime.of(YEAR + 1, 1, 1, 0, 1)), "đầu năm")));
        assertThat(first.year()).isEqualTo(YEAR + 1);
        assertThat(first.number()).isEqualTo(1);
        RegisterEntry outgoing = transaction.execute(tx -> registers.enter(new RegisterEntry(ORGAN, Register.OUTGOING, 0, 0, null,
                midYear, null, "1/UBND-VP", LocalDate.of(YEAR, 6, 15), "Công văn", "văn bản đi", "Văn phòng", null, "vanthu-test")));
        assertThat(outgoing.number()).isEqualTo(1);
        assertThat(registers.lines(ORGAN, Register.INCOMING, LocalDate.of(YEAR, 12, 31), LocalDate.of(YEAR + 1, 1, 1)))
                .extracting(RegisterEntry::summary).containsExactly("cuối năm", "đầu năm");
    }

    private static RegisterEntry line(Instant at, String summary) {
        return new RegisterEntry(ORGAN, Register.INCOMING, 0, 0, null, at, "Sở Nội vụ thành phố Hà Nội", "12/SNV-VP",
                LocalDate.of(YEAR, 6, 1), "Công văn", summary, "Phòng Tổng hợp", null, "vanthu-test");
    }

    private static Instant hanoi(LocalDateTime local) {
        return local.atZone(WorkingCalendar.HANOI).toInstant();
    }
}
