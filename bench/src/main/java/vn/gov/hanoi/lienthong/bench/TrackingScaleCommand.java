package vn.gov.hanoi.lienthong.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.HdrHistogram.Histogram;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.reports.ExchangeReport;
import vn.gov.hanoi.lienthong.reports.ExchangeReportQuery;
import vn.gov.hanoi.lienthong.tracking.TrackingFilter;
import vn.gov.hanoi.lienthong.tracking.TrackingQueries;
import vn.gov.hanoi.lienthong.tracking.TrackingSettings;

/**
 * The tracking and the reports over years of traffic (issue 14, item 7): an embedded PostgreSQL with the hub's
 * schema (its Flyway migrations) is loaded with synthetic documents — two years of them, from 300 agencies, each to
 * two recipients, with their deliveries, each recipient's progress and its last status, 2 % refused at inspection
 * with the hub's status — by COPY, the plain indexes built after the load as the migrations define them; then the
 * hub's own tracking queries ({@link TrackingQueries}) and the half-year city report ({@link ExchangeReportQuery})
 * are timed, one at a time, for agencies drawn at random. The server runs with fsync off: this database is the
 * bench's, loaded once; reads do not depend on it.
 */
@Command(name = "tracking-scale", mixinStandardHelpOptions = true,
        description = "10 million synthetic documents in the embedded database; p99 of the tracking queries and the half-year city report.")
final class TrackingScaleCommand implements Callable<Integer> {

    @Option(names = "--documents", defaultValue = "10000000", description = "documents loaded (default: ${DEFAULT-VALUE})")
    long documents;
    @Option(names = "--agencies", defaultValue = "300", description = "agencies sending and receiving (default: ${DEFAULT-VALUE})")
    int agencies;
    @Option(names = "--samples", defaultValue = "300", description = "timed runs of each tracking query (default: ${DEFAULT-VALUE})")
    int samples;
    @Option(names = "--data-dir", defaultValue = "bench/target/tracking-scale", description = "the database's directory, wiped first")
    Path dataDir;
    @Option(names = "--results", defaultValue = "bench/results.json", description = "figures file to update (default: ${DEFAULT-VALUE})")
    Path results;

    /** "Today" for the queries: the day after the two years of traffic end. */
    static final LocalDate TODAY = LocalDate.of(2027, 1, 1);
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'+00'").withZone(ZoneOffset.UTC);
    private static final String HUB = "000.00.99.H26";
    private static final String[] CHANNELS = {"SOAP_PUSH", "PULL", "EMAIL"};
    private static final int[] TYPES = {2, 2, 7, 10, 14, 18, 18, 18, 23, 23};
    private static final String[] TYPE_NAMES = names();

    @Override
    public Integer call() throws Exception {
        Bench.wipe(dataDir);
        Files.createDirectories(dataDir);
        System.out.printf("tracking-scale: %,d documents from %d agencies into %s%n", documents, agencies, dataDir.toAbsolutePath());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pg")).setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(120)).setServerConfig("max_wal_size", "8GB")
                .setServerConfig("maintenance_work_mem", "1GB").setServerConfig("shared_buffers", "512MB").start()) {
            // Pooled, as the hub's own (EmbeddedPostgresConfiguration): zonky's data source opens a connection per query.
            com.zaxxer.hikari.HikariDataSource data = new com.zaxxer.hikari.HikariDataSource();
            data.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            data.setUsername("postgres");
            data.setMaximumPoolSize(4);
            Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
            Map<String, Object> figures = new LinkedHashMap<>();
            long started = System.nanoTime();
            List<String> indexes = dropPlainIndexes(data);
            load(data);
            long loaded = System.nanoTime();
            rebuild(data, indexes);
            long indexed = System.nanoTime();
            figures.put("tracking_scale_documents", documents);
            figures.put("tracking_scale_load_s", Results.round((loaded - started) / 1e9));
            figures.put("tracking_scale_index_s", Results.round((indexed - loaded) / 1e9));
            System.out.printf("loaded in %.0f s, indexed in %.0f s%n", (loaded - started) / 1e9, (indexed - loaded) / 1e9);
            try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
                var size = s.executeQuery("select pg_size_pretty(pg_database_size(current_database()))");
                size.next();
                figures.put("tracking_scale_database_size", size.getString(1));
                System.out.println("database size " + size.getString(1));
            }
            measure(data, figures);
            Results.update(results, figures);
            data.close();
        }
        return 0;
    }

    private void measure(DataSource data, Map<String, Object> figures) throws Exception {
        AgencyDirectory directory;
        try (var in = TrackingScaleCommand.class.getClassLoader().getResourceAsStream("agencies.yaml")) {
            directory = AgencyDirectory.read(in, "agencies.yaml");
        }
        Clock clock = Clock.fixed(TODAY.atTime(9, 0).atZone(WorkingCalendar.HANOI).toInstant(), WorkingCalendar.HANOI);
        JdbcClient jdbc = JdbcClient.create(data);
        TrackingQueries tracking = new TrackingQueries(jdbc, directory, clock, new TrackingSettings(null, null));
        SplittableRandom random = new SplittableRandom(42);
        Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
        queries.put("received_newest", () -> tracking.received(one(random), TrackingFilter.of(null, null, null, null, null, null)));
        queries.put("received_overdue", () -> tracking.received(one(random), TrackingFilter.of(null, null, null, null, "overdue", null)));
        queries.put("received_month_type", () -> {
            LocalDate month = FIRST.plusMonths(random.nextInt(24));
            return tracking.received(one(random), TrackingFilter.of(month, month.plusMonths(1).minusDays(1), TYPES[random.nextInt(TYPES.length)], null, null, null));
        });
        queries.put("sent_unanswered", () -> tracking.sent(one(random), TrackingFilter.of(null, null, null, null, "unanswered", null)));
        queries.put("sent_newest", () -> tracking.sent(one(random), TrackingFilter.of(null, null, null, null, null, null)));
        queries.put("summary_counts", () -> tracking.counts(one(random)));
        List<UUID> someDocuments = jdbc.sql("select id from document tablesample system (0.1) limit 2000").query(UUID.class).list();
        queries.put("journey", () -> tracking.deliveriesOf(someDocuments.get(random.nextInt(someDocuments.size()))));
        Histogram all = new Histogram(60_000_000L, 3);
        for (var query : queries.entrySet()) {
            for (int i = 0; i < 100; i++) query.getValue().get();
            Histogram micros = new Histogram(60_000_000L, 3);
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                query.getValue().get();
                long us = (System.nanoTime() - t0) / 1000;
                micros.recordValue(us);
                all.recordValue(us);
            }
            System.out.printf("  %-22s %s%n", query.getKey(), Results.percentiles(micros));
            figures.put("tracking_p99_ms_" + query.getKey(), Results.ms(micros, 99));
        }
        figures.put("tracking_p99_ms_all", Results.ms(all, 99));
        System.out.printf("  %-22s %s%n", "all tracking queries", Results.percentiles(all));

        vn.gov.hanoi.lienthong.core.policy.DocumentPolicy policy;
        try (var in = TrackingScaleCommand.class.getClassLoader().getResourceAsStream("policy.yaml")) {
            policy = vn.gov.hanoi.lienthong.core.policy.DocumentPolicy.read(in, "policy.yaml");
        }
        ExchangeReportQuery report = new ExchangeReportQuery(jdbc, directory, clock, new HubSettings(HUB, dataDir, null, 0, null),
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(data), policy);
        report.run(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), null);
        List<Double> seconds = new ArrayList<>();
        ExchangeReport last = null;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            last = report.run(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), null);
            seconds.add((System.nanoTime() - t0) / 1e9);
            System.out.println("    passes (ms): " + report.lastPasses());
        }
        double worst = seconds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        System.out.printf("  half-year city report: %s s (%,d documents sent, %,d received, %,d overdue)%n",
                seconds.stream().map(s -> String.format("%.2f", s)).toList(), last.documentsSent(), last.deliveriesReceived(), last.overdue());
        figures.put("report_half_year_city_s", Results.round(worst));
        figures.put("report_half_year_documents", last.documentsSent());
    }

    private String[] one(SplittableRandom random) {
        return new String[] {agency(random.nextInt(agencies))};
    }

    /** The plain indexes (not those of a primary key or a unique constraint), dropped for the load and built after it. */
    private static List<String> dropPlainIndexes(DataSource data) throws Exception {
        List<String> definitions = new ArrayList<>();
        try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
            var rows = s.executeQuery("""
                    select i.indexname, i.indexdef from pg_indexes i
                    where i.schemaname = 'public' and i.tablename in ('document', 'delivery', 'status_event')
                      and not exists (select 1 from pg_constraint k where k.conname = i.indexname)""");
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
                definitions.add(rows.getString(2));
            }
            for (String name : names) s.execute("drop index " + name);
        }
        return definitions;
    }

    private static void rebuild(DataSource data, List<String> definitions) throws Exception {
        try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
            for (String definition : definitions) {
                long t0 = System.nanoTime();
                s.execute(definition);
                System.out.printf("  %s (%.0f s)%n", definition.replaceAll("^CREATE (UNIQUE )?INDEX (\\S+).*$", "$2"), (System.nanoTime() - t0) / 1e9);
            }
            // As autovacuum leaves a table in service: the visibility map set, so that index-only scans stay index-only.
            s.execute("vacuum analyze");
        }
    }

    private void load(DataSource data) throws Exception {
        try (Connection c = data.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            Traffic traffic = new Traffic();
            long t0 = System.nanoTime();
            copy.copyIn("copy document (id, sender_organ_id, sender_document_id, recipient_organ_ids, subject, code_notation, envelope_sha256, "
                    + "envelope_size, state, received_at, updated_at, type_number, type_name, code_number, due_date, validly_signed) from stdin",
                    new Rows(documents, traffic::document));
            System.out.printf("  documents: %.0f s%n", (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            copy.copyIn("copy delivery (id, document_id, recipient_organ_id, channel, state, created_at, updated_at, purpose, "
                    + "paper_requirement, article, delivered_at, due_on, progress, arrived_at, registered_at, done_at, refused_at, last_error, "
                    + "sender_organ_id, type_number, finished_late) from stdin",
                    new Rows(documents, traffic::deliveries));
            System.out.printf("  deliveries: %.0f s%n", (System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            copy.copyIn("copy status_event (id, document_id, organ_id, status_code, description, reasons, reported_at, recorded_at) from stdin",
                    new Rows(documents, traffic::statuses));
            System.out.printf("  statuses: %.0f s%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * Document n's rows, the same for each of the three tables (each table's pass draws from its own generator
     * seeded by n): sent at an even pace over two years; 2 % refused at inspection; the rest to two recipients,
     * delivered (2 % failed), handled within 15 days (5 % refused, 1 % never finished) — or still open in the
     * last 30 days for half of them.
     */
    private final class Traffic {

        private record Document(UUID id, String sender, String first, String second, Instant at, int type, boolean rejected) {
        }

        private Document of(long n) {
            SplittableRandom r = new SplittableRandom(n * 7919 + 17);
            long span = Duration.between(FIRST.atStartOfDay(WorkingCalendar.HANOI), TODAY.atStartOfDay(WorkingCalendar.HANOI)).toSeconds();
            Instant at = FIRST.atStartOfDay(WorkingCalendar.HANOI).toInstant().plusSeconds(n * span / documents + r.nextInt(60));
            int sender = r.nextInt(agencies);
            int first = (sender + 1 + r.nextInt(agencies - 1)) % agencies;
            int second = (first + 1 + r.nextInt(agencies - 2)) % agencies;
            if (second == sender) second = (second + 1) % agencies;
            return new Document(new UUID(n, 0x5EED), agency(sender), agency(first), agency(second), at,
                    TYPES[r.nextInt(TYPES.length)], r.nextInt(100) < 2);
        }

        void document(long n, StringBuilder out) {
            Document d = of(n);
            out.append(d.id).append('\t').append(d.sender).append('\t').append("bench-").append(n).append('\t')
                    .append('{').append(d.first).append(',').append(d.second).append("}\t")
                    .append("Về việc trao đổi văn bản số ").append(n).append('\t').append(n % 9999 + 1).append("/VP\t")
                    .append("0".repeat(64)).append("\t2048\t").append(d.rejected ? "REJECTED" : "DISPATCHED").append('\t')
                    .append(ts(d.at)).append('\t').append(ts(d.at)).append('\t').append(d.type).append('\t').append(TYPE_NAMES[d.type])
                    .append('\t').append(n % 9999 + 1).append("\t\\N\t").append(n % 3 == 0 ? 't' : 'f').append('\n');
        }

        void deliveries(long n, StringBuilder out) {
            Document d = of(n);
            if (d.rejected) return;
            SplittableRandom r = new SplittableRandom(n * 104729 + 3);
            int k = 0;
            for (String recipient : new String[] {d.first, d.second}) {
                k++;
                String channel = CHANNELS[Math.floorMod(recipient.hashCode(), CHANNELS.length)];
                boolean failed = r.nextInt(100) < 2;
                Instant delivered = d.at.plusSeconds(channel.equals("PULL") ? 600 + r.nextInt(28_800) : 1 + r.nextInt(300));
                LocalDate due = d.at.atZone(WorkingCalendar.HANOI).toLocalDate().plusDays(14);
                boolean recent = d.at.isAfter(TODAY.minusDays(30).atStartOfDay(WorkingCalendar.HANOI).toInstant());
                int fate = r.nextInt(100);
                Instant done = null;
                Instant refused = null;
                if (!failed) {
                    if (recent ? fate < 50 : fate < 94) done = delivered.plusSeconds(3600L + r.nextInt(15 * 86_400));
                    else if (!recent && fate < 99) refused = delivered.plusSeconds(3600L + r.nextInt(86_400));
                }
                String progress = failed ? null : done != null ? "06" : refused != null ? "02" : "03";
                boolean paper = d.type != 23 && n % 3 != 0;
                out.append(new UUID(n, 0xDE10 + k)).append('\t').append(d.id).append('\t').append(recipient).append('\t')
                        .append(channel).append('\t').append(failed ? "FAILED" : "DELIVERED").append('\t').append(ts(d.at)).append('\t')
                        .append(ts(failed ? d.at.plusSeconds(30) : delivered)).append("\tRECIPIENT\t")
                        .append(paper ? "PAPER_TO_FOLLOW\t5.1" : d.type == 23 ? "ELECTRONIC_ONLY\t4" : "ELECTRONIC_ONLY\t5.3, 7.3").append('\t')
                        .append(failed ? "\\N" : ts(delivered)).append('\t').append(due).append('\t').append(progress == null ? "\\N" : progress)
                        .append('\t').append(failed ? "\\N" : ts(delivered.plusSeconds(5))).append('\t')
                        .append(failed ? "\\N" : ts(delivered.plusSeconds(600))).append('\t')
                        .append(done == null ? "\\N" : ts(done)).append('\t').append(refused == null ? "\\N" : ts(refused)).append('\t')
                        .append(failed ? "Timeout: no answer" : "\\N").append('\t').append(d.sender).append('\t').append(d.type).append('\t')
                        .append(late(done != null ? done : refused, due)).append('\n');
            }
        }

        void statuses(long n, StringBuilder out) {
            Document d = of(n);
            if (d.rejected) {
                out.append(new UUID(n, 0x0002)).append('\t').append(d.id).append('\t').append(HUB).append("\t02\t\\N\t")
                        .append("[{\"code\":\"").append(n % 2 == 0 ? "XSD_INVALID" : "FORMAT_NOT_ALLOWED")
                        .append("\",\"messageVi\":\"x\",\"messageEn\":\"x\"}]\t").append(ts(d.at)).append('\t').append(ts(d.at)).append('\n');
                return;
            }
            int k = 0;
            for (String recipient : new String[] {d.first, d.second}) {
                out.append(new UUID(n, ++k)).append('\t').append(d.id).append('\t').append(recipient).append("\t01\t\\N\t\\N\t")
                        .append(ts(d.at.plusSeconds(400))).append('\t').append(ts(d.at.plusSeconds(400))).append('\n');
            }
        }
    }

    /** A COPY input made as it is read: the rows of documents 0 … count-1, never all in memory. */
    private static final class Rows extends Reader {
        private final long count;
        private final java.util.function.ObjLongConsumer<StringBuilder> rows;
        private final StringBuilder buffer = new StringBuilder(1 << 16);
        private long next;
        private int position;

        Rows(long count, RowWriter rows) {
            this.count = count;
            this.rows = (out, n) -> rows.write(n, out);
        }

        @Override
        public int read(char[] target, int offset, int length) {
            while (position >= buffer.length()) {
                if (next >= count) return -1;
                buffer.setLength(0);
                position = 0;
                for (int i = 0; i < 1000 && next < count; i++) rows.accept(buffer, next++);
                if (next % 1_000_000 == 0) System.out.printf("    %,d%n", next);
            }
            int n = Math.min(length, buffer.length() - position);
            buffer.getChars(position, position + n, target, offset);
            position += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(long n, StringBuilder out);
    }

    /** Whether a recipient finished after the due day (Hanoi), as the status stage writes it; \N while open. */
    private static String late(Instant finished, LocalDate due) {
        if (finished == null) return "\\N";
        return finished.atZone(WorkingCalendar.HANOI).toLocalDate().isAfter(due) ? "t" : "f";
    }

    private static String agency(int i) {
        return String.format("000.%02d.%02d.H26", 20 + i / 50, i % 50);
    }

    private static String ts(Instant at) {
        return TS.format(at);
    }

    private static String[] names() {
        String[] names = new String[41];
        names[2] = "Quyết định";
        names[7] = "Thông báo";
        names[10] = "Kế hoạch";
        names[14] = "Báo cáo";
        names[18] = "Công văn";
        names[23] = "Giấy mời";
        return names;
    }
}
