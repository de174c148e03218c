package vn.gov.hanoi.lienthong.reports;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;

/**
 * The SQL of the exchange report, in one place, made to stay fast over years: one pass over the period's documents
 * (by the day the hub received them) grouped by sender, type, month and verdict; one pass over the period's
 * deliveries to recipients (by the day they were dispatched) grouped by recipient, channel, state, type and paper
 * requirement — the type and the sender are on the delivery (V14, V16), so no join; the percentiles in a pass of
 * their own; the failures, refusals and overdue through their small partial sets. Everything else is added up here.
 * All of it reads one snapshot (a read-only repeatable-read transaction), so the tables agree with each other.
 * A period is days in Hanoi, both ends included. Scoped to an agency, "sent" is what it sent and "received" what
 * was delivered to it; for the city, every document and every delivery.
 */
@Component
public class ExchangeReportQuery {

    private final JdbcClient jdbc;
    private final AgencyDirectory directory;
    private final Clock clock;
    private final String hubOrganId;
    private final TransactionTemplate snapshot;

    private final vn.gov.hanoi.lienthong.core.policy.DocumentPolicy policy;

    public ExchangeReportQuery(JdbcClient jdbc, AgencyDirectory directory, Clock clock, HubSettings hub,
                               org.springframework.transaction.PlatformTransactionManager transactions,
                               vn.gov.hanoi.lienthong.core.policy.DocumentPolicy policy) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
        this.hubOrganId = hub.organId();
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public ExchangeReport run(LocalDate from, LocalDate to, String organId) {
        return snapshot.execute(tx -> compute(from, to, organId));
    }

    /** How long each pass of the last report took, in ms (for the benchmark and the log). */
    private volatile Map<String, Long> lastPasses = Map.of();

    public Map<String, Long> lastPasses() {
        return lastPasses;
    }

    private ExchangeReport compute(LocalDate from, LocalDate to, String organId) {
        Map<String, Long> passes = new LinkedHashMap<>();
        long[] mark = {System.nanoTime()};
        java.util.function.Consumer<String> pass = name -> {
            long now = System.nanoTime();
            passes.put(name, (now - mark[0]) / 1_000_000);
            mark[0] = now;
        };
        // The percentiles sort a period's delivery times: in memory rather than in temporary files.
        jdbc.sql("select set_config('work_mem', '256MB', true)").query(String.class).single();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from", startOf(from));
        p.put("to", startOf(to.plusDays(1)));
        p.put("fromDay", Date.valueOf(from));
        p.put("toDay", Date.valueOf(to));
        p.put("today", Date.valueOf(WorkingCalendar.today(clock)));
        p.put("hub", hubOrganId);
        if (organId != null) p.put("organ", organId);
        String sentBy = organId == null ? "" : " and doc.sender_organ_id = :organ";
        String receivedBy = organId == null ? "" : " and d.recipient_organ_id = :organ";
        String period = "doc.received_at >= :from and doc.received_at < :to";
        String dispatched = "d.created_at >= :from and d.created_at < :to and d.purpose = 'RECIPIENT'";
        boolean daily = ChronoUnit.DAYS.between(from, to) < 62;
        String bucket = daily ? "'YYYY-MM-DD'" : "'YYYY-MM'";

        // Documents: one pass.
        long[] totals = new long[3]; // sent, rejected, validly signed
        Map<Integer, long[]> byType = new TreeMap<>(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        Map<String, long[]> perAgency = agencies(organId);
        Map<String, Long> overTime = periods(from, to, daily);
        jdbc.sql("select doc.sender_organ_id, doc.type_number, to_char(doc.received_at at time zone 'Asia/Ho_Chi_Minh', "
                        + bucket + "), doc.state, coalesce(doc.validly_signed, false), count(*) from document doc where " + period
                        + " and doc.state in ('DISPATCHED', 'REJECTED')" + sentBy + " group by 1, 2, 3, 4, 5")
                .params(p).query((row, n) -> {
                    long count = row.getLong(6);
                    if (row.getString(4).equals("REJECTED")) {
                        totals[1] += count;
                        return null;
                    }
                    totals[0] += count;
                    if (row.getBoolean(5)) totals[2] += count;
                    byType.computeIfAbsent((Integer) row.getObject(2), t -> new long[2])[0] += count;
                    perAgency.computeIfAbsent(row.getString(1), k -> new long[3])[0] += count;
                    overTime.merge(row.getString(3), count, Long::sum);
                    return null;
                }).list();

        pass.accept("documents");
        // Deliveries to recipients: one pass.
        long[] received = new long[1];
        Map<String, Long> paper = new TreeMap<>();
        jdbc.sql("select d.recipient_organ_id, d.state, d.type_number, coalesce(d.paper_requirement, 'UNKNOWN'), coalesce(d.article, ''), "
                        + "count(*) from delivery d where " + dispatched + receivedBy + " group by 1, 2, 3, 4, 5")
                .params(p).query((row, n) -> {
                    long count = row.getLong(6);
                    paper.merge(row.getString(4) + "\t" + row.getString(5), count, Long::sum);
                    if (row.getString(2).equals("DELIVERED")) {
                        received[0] += count;
                        byType.computeIfAbsent((Integer) row.getObject(3), t -> new long[2])[1] += count;
                        perAgency.computeIfAbsent(row.getString(1), k -> new long[3])[1] += count;
                    }
                    return null;
                }).list();

        pass.accept("deliveries");
        List<ExchangeReport.DeliveryTime> times = deliveryTimes(p, dispatched + receivedBy);
        pass.accept("percentiles");
        List<ExchangeReport.Failure> failures = jdbc.sql("""
                        select d.channel, left(coalesce(nullif(split_part(d.last_error, ':', 1), ''), 'unknown'), 120), count(*)
                        from delivery d where""" + " " + dispatched + " and d.state = 'FAILED'" + receivedBy
                        + " group by 1, 2 order by 3 desc, 1, 2")
                .params(p).query((row, n) -> new ExchangeReport.Failure(row.getString(1), row.getString(2), row.getLong(3))).list();

        pass.accept("failures");
        List<ExchangeReport.Refusal> refusals = jdbc.sql("""
                        select reason ->> 'code', count(distinct doc.id)
                        from document doc join status_event s on s.document_id = doc.id and s.organ_id = :hub and s.status_code = '02'
                             cross join lateral jsonb_array_elements(coalesce(s.reasons, '[]'::jsonb)) reason
                        where""" + " " + period + " and doc.state = 'REJECTED'" + sentBy + " group by 1 order by 2 desc, 1")
                .params(p).query((row, n) -> new ExchangeReport.Refusal(row.getString(1), row.getLong(2))).list();

        pass.accept("refusals");
        // Overdue: due in the period, past, and not finished by the end of its due day (Hanoi): open, or finished late.
        long[] overdue = new long[1];
        jdbc.sql("select d.recipient_organ_id, count(*) from delivery d where d.due_on >= :fromDay and d.due_on <= :toDay "
                        + "and d.due_on < :today and d.purpose = 'RECIPIENT' and d.state <> 'CANCELLED' "
                        + "and ((d.done_at is null and d.refused_at is null) or d.finished_late)" + receivedBy + " group by 1")
                .params(p).query((row, n) -> {
                    overdue[0] += row.getLong(2);
                    perAgency.computeIfAbsent(row.getString(1), k -> new long[3])[2] += row.getLong(2);
                    return null;
                }).list();

        pass.accept("overdue");
        lastPasses = passes;
        List<ExchangeReport.ByType> types = new ArrayList<>();
        byType.forEach((type, counts) -> types.add(new ExchangeReport.ByType(type, nameOfType(type), counts[0], counts[1])));
        List<ExchangeReport.Paper> papers = new ArrayList<>();
        paper.forEach((key, count) -> papers.add(new ExchangeReport.Paper(key.substring(0, key.indexOf('\t')),
                key.substring(key.indexOf('\t') + 1), count)));
        List<ExchangeReport.ByAgency> byAgency = new ArrayList<>();
        List<ExchangeReport.Agency> silent = new ArrayList<>();
        perAgency.forEach((organ, counts) -> {
            String name = nameOf(organ);
            byAgency.add(new ExchangeReport.ByAgency(organ, name, counts[0], counts[1], counts[2]));
            if (organId == null && counts[0] == 0 && counts[1] == 0) silent.add(new ExchangeReport.Agency(organ, name));
        });
        List<ExchangeReport.OverTime> line = new ArrayList<>();
        overTime.forEach((label, count) -> line.add(new ExchangeReport.OverTime(label, count)));
        long sent = totals[0];
        return new ExchangeReport(from, to, organId, organId == null ? null : nameOf(organId), clock.instant(), sent, totals[1],
                received[0], totals[2], sent == 0 ? 0 : (double) totals[2] / sent, types, papers, times, failures, refusals,
                overdue[0], byAgency, line, silent);
    }

    /**
     * The median and the 95th percentile of the delivery times per channel (PostgreSQL's percentile_cont: linear
     * interpolation between the two nearest times), to the millisecond. A sort of the period's times per channel:
     * the largest part of a city report over a half-year (bench/RESULTS.md, "Tracking and reports at scale"). A
     * counting pass per whole second followed by a read of the few seconds holding the wanted ranks was tried: exact,
     * but slower at a million documents (0.75–0.9 s against 0.4 s).
     */
    private List<ExchangeReport.DeliveryTime> deliveryTimes(Map<String, Object> p, String where) {
        return jdbc.sql("""
                        select d.channel, count(*),
                               round(cast(percentile_cont(0.5) within group (order by extract(epoch from d.delivered_at - d.created_at)) as numeric), 3),
                               round(cast(percentile_cont(0.95) within group (order by extract(epoch from d.delivered_at - d.created_at)) as numeric), 3)
                        from delivery d where""" + " " + where + " and d.state = 'DELIVERED' and d.delivered_at is not null"
                        + " group by d.channel order by d.channel")
                .params(p).query((row, n) -> new ExchangeReport.DeliveryTime(row.getString(1), row.getLong(2), row.getDouble(3),
                        row.getDouble(4))).list();
    }

    /** The agencies of the table per agency: every agency of the directory for the city (silent ones at zero), or the one. */
    private Map<String, long[]> agencies(String organId) {
        Map<String, long[]> perAgency = new LinkedHashMap<>();
        if (organId == null) {
            for (Agency agency : directory.all()) perAgency.put(agency.organId(), new long[3]);
        } else {
            perAgency.put(organId, new long[3]);
        }
        return perAgency;
    }

    /** Every month (or day) of the period, at zero until counted. */
    private static Map<String, Long> periods(LocalDate from, LocalDate to, boolean daily) {
        Map<String, Long> periods = new LinkedHashMap<>();
        for (LocalDate day = daily ? from : from.withDayOfMonth(1); !day.isAfter(to); day = daily ? day.plusDays(1) : day.plusMonths(1)) {
            periods.put(daily ? day.toString() : day.toString().substring(0, 7), 0L);
        }
        return periods;
    }

    private String nameOf(String organId) {
        return directory.byOrganId(organId).map(Agency::name).orElse(organId);
    }

    /** The name of a type in the official list (config/policy.yaml). */
    private String nameOfType(Integer type) {
        return type == null ? null : policy.type(type).map(vn.gov.hanoi.lienthong.core.policy.DocumentType::name).orElse("Loại " + type);
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(WorkingCalendar.HANOI).toInstant());
    }
}
