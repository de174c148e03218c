package vn.gov.hanoi.lienthong.tracking.register;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar;

/**
 * The registers' numbers and lines. Numbering is gap-free under concurrency: the year's counter row is created or
 * moved by one statement that locks it until the caller's transaction ends, and the line is written in that same
 * transaction — concurrent entries queue on the row, one rolled back gives its number back. The year is the one of
 * the day entered, in Hanoi: the first entry after midnight on 1 January is number 1.
 */
@Repository
public class Registers {

    private final JdbcClient jdbc;

    public Registers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the line with the next number of its year. The caller holds the transaction. */
    public RegisterEntry enter(RegisterEntry line) {
        int year = line.enteredAt().atZone(WorkingCalendar.HANOI).getYear();
        int number = jdbc.sql("""
                        insert into register_counter (organ_id, register, year, last_number) values (?, ?, ?, 1)
                        on conflict (organ_id, register, year) do update set last_number = register_counter.last_number + 1
                        returning last_number""")
                .params(line.organId(), line.register().name(), year).query(Integer.class).single();
        jdbc.sql("""
                        insert into register_entry (organ_id, register, year, number, document_id, entered_at, issuing_organ,
                                                    number_and_notation, document_date, type_name, summary, handled_by, notes, entered_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(line.organId(), line.register().name(), year, number, line.documentId(), Timestamp.from(line.enteredAt()),
                        line.issuingOrgan(), line.numberAndNotation(),
                        line.documentDate() == null ? null : Date.valueOf(line.documentDate()), line.typeName(), line.summary(),
                        line.handledBy(), line.notes(), line.enteredBy())
                .update();
        return new RegisterEntry(line.organId(), line.register(), year, number, line.documentId(), line.enteredAt(),
                line.issuingOrgan(), line.numberAndNotation(), line.documentDate(), line.typeName(), line.summary(),
                line.handledBy(), line.notes(), line.enteredBy());
    }

    /** The line of a document in an agency's register, if it was entered. */
    public Optional<RegisterEntry> ofDocument(String organId, Register register, UUID documentId) {
        return jdbc.sql("select * from register_entry where organ_id = ? and register = ? and document_id = ?")
                .params(organId, register.name(), documentId).query(Registers::entry).optional();
    }

    /** The lines entered in a period (days in Hanoi, both included), in the order of their numbers. */
    public List<RegisterEntry> lines(String organId, Register register, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select * from register_entry where organ_id = ? and register = ? and entered_at >= ? and entered_at < ?
                        order by year, number""")
                .params(organId, register.name(), startOf(from), startOf(to.plusDays(1)))
                .query(Registers::entry).list();
    }

    /** The last number given in a year (0 before the first). */
    public int lastNumber(String organId, Register register, int year) {
        return jdbc.sql("select last_number from register_counter where organ_id = ? and register = ? and year = ?")
                .params(organId, register.name(), year).query(Integer.class).optional().orElse(0);
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(WorkingCalendar.HANOI).toInstant());
    }

    private static RegisterEntry entry(ResultSet row, int n) throws SQLException {
        Date date = row.getDate("document_date");
        return new RegisterEntry(row.getString("organ_id"), Register.valueOf(row.getString("register")), row.getInt("year"),
                row.getInt("number"), row.getObject("document_id", UUID.class), row.getTimestamp("entered_at").toInstant(),
                row.getString("issuing_organ"), row.getString("number_and_notation"), date == null ? null : date.toLocalDate(),
                row.getString("type_name"), row.getString("summary"), row.getString("handled_by"), row.getString("notes"),
                row.getString("entered_by"));
    }

}
