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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;

/**
 * The SQL of the exchange report, in one place: each table one aggregate over the period's documents (by the
 * day the hub received them) and deliveries to recipients (by the day they were dispatched), through the indexes
 * on those days (V14, V16). A period is days in Hanoi, both ends included. Scoped to an agency, "sent" is what it
 * sent and "received" what was delivered to it; for the city, every document and every delivery.
 */
@Component
public class ExchangeReportQuery {

    private static final String RECIPIENT = "d.purpose = 'RECIPIENT'";

    private final JdbcClient jdbc;
    private final AgencyDirectory directory;
    private final Clock clock;
    private final String hubOrganId;

    public ExchangeReportQuery(JdbcClient jdbc, AgencyDirectory directory, Clock clock, HubSettings hub) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
        this.hubOrganId = hub.organId();
    }

    public ExchangeReport run(LocalDate from, LocalDate to, String organId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from", startOf(from));
        p.put("to", startOf(to.plusDays(1)));
        p.put("today", Date.valueOf(WorkingCalendar.today(clock)));
        p.put("hub", hubOrganId);
        if (organId != null) p.put("organ", organId);
        String sentBy = organId == null ? "" : " and doc.sender_organ_id = :organ";
        String receivedBy = organId == null ? "" : " and d.recipient_organ_id = :organ";
        String sentDocuments = "doc.received_at >= :from and doc.received_at < :to";
        String dispatched = "d.created_at >= :from and d.created_at < :to and " + RECIPIENT;

        long sent = count("select count(*) from document doc where " + sentDocuments + " and doc.state = 'DISPATCHED'" + sentBy, p);
        long rejected = count("select count(*) from document doc where " + sentDocuments + " and doc.state = 'REJECTED'" + sentBy, p);
        long signed = count("select count(*) from document doc where " + sentDocuments
                + " and doc.state = 'DISPATCHED' and doc.validly_signed" + sentBy, p);
        long received = count("select count(*) from delivery d where " + dispatched + " and d.state = 'DELIVERED'" + receivedBy, p);

        Map<String, ExchangeReport.ByType> byType = new LinkedHashMap<>();
        jdbc.sql("select doc.type_number, max(doc.type_name), count(*) from document doc where " + sentDocuments
                        + " and doc.state = 'DISPATCHED'" + sentBy + " group by doc.type_number order by doc.type_number")
                .params(p).query((row, n) -> {
                    Integer type = (Integer) row.getObject(1);
                    byType.put(String.valueOf(type), new ExchangeReport.ByType(type, row.getString(2), row.getLong(3), 0));
                    return null;
                }).list();
        jdbc.sql("select doc.type_number, max(doc.type_name), count(*) from delivery d join document doc on doc.id = d.document_id where "
                        + dispatched + " and d.state = 'DELIVERED'" + receivedBy + " group by doc.type_number order by doc.type_number")
                .params(p).query((row, n) -> {
                    Integer type = (Integer) row.getObject(1);
                    ExchangeReport.ByType before = byType.get(String.valueOf(type));
                    byType.put(String.valueOf(type), new ExchangeReport.ByType(type, before != null ? before.typeName() : row.getString(2),
                            before != null ? before.sent() : 0, row.getLong(3)));
                    return null;
                }).list();

        List<ExchangeReport.Paper> paper = jdbc.sql("select coalesce(d.paper_requirement, 'UNKNOWN'), coalesce(d.article, ''), count(*) "
                        + "from delivery d where " + dispatched + receivedBy + " group by 1, 2 order by 1, 2")
                .params(p).query((row, n) -> new ExchangeReport.Paper(row.getString(1), row.getString(2), row.getLong(3))).list();

        List<ExchangeReport.DeliveryTime> times = jdbc.sql("""
                        select d.channel, count(*),
                               round(cast(percentile_cont(0.5) within group (order by extract(epoch from d.delivered_at - d.created_at)) as numeric), 3),
                               round(cast(percentile_cont(0.95) within group (order by extract(epoch from d.delivered_at - d.created_at)) as numeric), 3)
                        from delivery d where""" + " " + dispatched + " and d.state = 'DELIVERED' and d.delivered_at is not null"
                        + receivedBy + " group by d.channel order by d.channel")
                .params(p).query((row, n) -> new ExchangeReport.DeliveryTime(row.getString(1), row.getLong(2), row.getDouble(3),
                        row.getDouble(4))).list();

        List<ExchangeReport.Failure> failures = jdbc.sql("""
                        select d.channel, left(coalesce(nullif(split_part(d.last_error, ':', 1), ''), 'unknown'), 120), count(*)
                        from delivery d where""" + " " + dispatched + " and d.state = 'FAILED'" + receivedBy
                        + " group by 1, 2 order by 3 desc, 1, 2")
                .params(p).query((row, n) -> new ExchangeReport.Failure(row.getString(1), row.getString(2), row.getLong(3))).list();

        List<ExchangeReport.Refusal> refusals = jdbc.sql("""
                        select reason ->> 'code', count(distinct doc.id)
                        from document doc join status_event s on s.document_id = doc.id and s.organ_id = :hub and s.status_code = '02'
                             cross join lateral jsonb_array_elements(coalesce(s.reasons, '[]'::jsonb)) reason
                        where""" + " " + sentDocuments + " and doc.state = 'REJECTED'" + sentBy + " group by 1 order by 2 desc, 1")
                .params(p).query((row, n) -> new ExchangeReport.Refusal(row.getString(1), row.getLong(2))).list();

        // Overdue: due in the period, past, and not finished by the end of its due day (Hanoi).
        String overdueWhere = "d.due_on >= cast(:fromDay as date) and d.due_on <= cast(:toDay as date) and d.due_on < :today and "
                + RECIPIENT + " and d.state <> 'CANCELLED' and (coalesce(d.done_at, d.refused_at) is null "
                + "or (coalesce(d.done_at, d.refused_at) at time zone 'Asia/Ho_Chi_Minh')::date > d.due_on)";
        p.put("fromDay", Date.valueOf(from));
        p.put("toDay", Date.valueOf(to));
        long overdue = count("select count(*) from delivery d where " + overdueWhere + receivedBy, p);

        Map<String, long[]> perAgency = new LinkedHashMap<>();
        boolean city = organId == null;
        if (city) {
            for (Agency agency : directory.all()) perAgency.put(agency.organId(), new long[3]);
        } else {
            perAgency.put(organId, new long[3]);
        }
        jdbc.sql("select doc.sender_organ_id, count(*) from document doc where " + sentDocuments + " and doc.state = 'DISPATCHED'"
                + sentBy + " group by 1").params(p).query((row, n) -> perAgency.computeIfAbsent(row.getString(1), k -> new long[3])[0] = row.getLong(2)).list();
        jdbc.sql("select d.recipient_organ_id, count(*) from delivery d where " + dispatched + " and d.state = 'DELIVERED'"
                + receivedBy + " group by 1").params(p).query((row, n) -> perAgency.computeIfAbsent(row.getString(1), k -> new long[3])[1] = row.getLong(2)).list();
        jdbc.sql("select d.recipient_organ_id, count(*) from delivery d where " + overdueWhere + receivedBy + " group by 1")
                .params(p).query((row, n) -> perAgency.computeIfAbsent(row.getString(1), k -> new long[3])[2] = row.getLong(2)).list();
        List<ExchangeReport.ByAgency> byAgency = new ArrayList<>();
        List<ExchangeReport.Agency> silent = new ArrayList<>();
        perAgency.forEach((organ, counts) -> {
            String name = nameOf(organ);
            byAgency.add(new ExchangeReport.ByAgency(organ, name, counts[0], counts[1], counts[2]));
            if (city && counts[0] == 0 && counts[1] == 0) silent.add(new ExchangeReport.Agency(organ, name));
        });

        boolean daily = ChronoUnit.DAYS.between(from, to) < 62;
        String bucket = daily ? "to_char(doc.received_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')"
                : "to_char(doc.received_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM')";
        Map<String, Long> sentOverTime = new LinkedHashMap<>();
        for (LocalDate day = daily ? from : from.withDayOfMonth(1); !day.isAfter(to); day = daily ? day.plusDays(1) : day.plusMonths(1)) {
            sentOverTime.put(daily ? day.toString() : day.toString().substring(0, 7), 0L);
        }
        jdbc.sql("select " + bucket + ", count(*) from document doc where " + sentDocuments + " and doc.state = 'DISPATCHED'"
                + sentBy + " group by 1").params(p).query((row, n) -> sentOverTime.put(row.getString(1), row.getLong(2))).list();
        List<ExchangeReport.OverTime> overTime = new ArrayList<>();
        sentOverTime.forEach((period, count) -> overTime.add(new ExchangeReport.OverTime(period, count)));

        return new ExchangeReport(from, to, organId, organId == null ? null : nameOf(organId), clock.instant(), sent, rejected,
                received, signed, sent == 0 ? 0 : (double) signed / sent, List.copyOf(byType.values()), paper, times, failures,
                refusals, overdue, byAgency, overTime, silent);
    }

    private long count(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private String nameOf(String organId) {
        return directory.byOrganId(organId).map(Agency::name).orElse(organId);
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(WorkingCalendar.HANOI).toInstant());
    }
}
