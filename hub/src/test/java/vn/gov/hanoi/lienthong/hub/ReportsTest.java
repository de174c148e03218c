package vn.gov.hanoi.lienthong.hub;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar;
import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.VP_UBND;

/**
 * The report on electronic exchange (Articles 12.7, 16.8) for the first half of 2025, over synthetic traffic
 * written straight into the tables (no test exchanges anything in 2025): every count, share and percentile is
 * known. Sở Nội vụ sends 10 documents — 6 Quyết định (3 validly signed), 4 Giấy mời — each to Sở Tài chính (pushed,
 * taken after 60 s … 600 s) and Văn phòng UBND (pulled after 1 h … 8 h; the last two Giấy mời failed, timed out);
 * Sở Tài chính sends 2 documents the hub refused (XSD_INVALID; XSD_INVALID and CLASSIFIED); 4 of Sở Tài chính's
 * deliveries are due on 10 March 2025: two done before, one done after, one never — two overdue (the flag of the
 * one done late as the status stage writes it when a recipient finishes).
 */
class ReportsTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERIOD = "from=2025-01-01&to=2025-06-30";
    private static boolean loaded;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void notYet() {
        loaded = false;
    }

    private void load() {
        if (loaded) return;
        loaded = true;
        for (int i = 1; i <= 10; i++) {
            boolean decision = i <= 6;
            int month = (i + 1) / 2 <= 4 ? (i + 1) / 2 : i - 4;   // 1,1,2,2,3,3,4,4,5,6
            Timestamp at = hanoi(LocalDateTime.of(2025, month, 5, 9, 0));
            UUID document = UUID.randomUUID();
            jdbc.update("insert into document (id, sender_organ_id, sender_document_id, recipient_organ_ids, subject, code_notation, "
                            + "envelope_sha256, envelope_size, state, received_at, updated_at, type_number, type_name, validly_signed) "
                            + "values (?, ?, ?, ?::text[], ?, ?, ?, 100, 'DISPATCHED', ?, ?, ?, ?, ?)",
                    document, SO_NOI_VU.organId, "bao-cao-2025-" + UUID.randomUUID(), "{" + SO_TAI_CHINH.organId + "," + VP_UBND.organId + "}",
                    "Văn bản tổng hợp số " + i, i + "/SNV", "0".repeat(64), at, at, decision ? 2 : 23, decision ? "Quyết định" : "Giấy mời",
                    i <= 3);
            String requirement = i <= 3 || !decision ? "ELECTRONIC_ONLY" : "PAPER_TO_FOLLOW";
            String article = i <= 3 ? "5.3, 7.3" : decision ? "5.1" : "4";
            // Sở Tài chính, pushed: taken after i minutes; four of them due on 10 March 2025.
            Timestamp taken = new Timestamp(at.getTime() + i * 60_000L);
            java.sql.Date due = i <= 4 ? java.sql.Date.valueOf("2025-03-10") : null;
            Timestamp done = switch (i) {
                case 1, 2 -> hanoi(LocalDateTime.of(2025, 3, 9, 10, 0));
                case 3 -> hanoi(LocalDateTime.of(2025, 3, 11, 8, 0));
                default -> null;
            };
            int type = decision ? 2 : 23;
            jdbc.update("insert into delivery (id, document_id, recipient_organ_id, channel, state, created_at, updated_at, delivered_at, "
                            + "purpose, paper_requirement, article, due_on, done_at, sender_organ_id, type_number, finished_late) "
                            + "values (?, ?, ?, 'SOAP_PUSH', 'DELIVERED', ?, ?, ?, 'RECIPIENT', ?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(), document, SO_TAI_CHINH.organId, at, taken, taken, requirement, article, due, done,
                    SO_NOI_VU.organId, type, done == null || due == null ? null : i == 3);
            // Văn phòng UBND, pulled after i hours; the last two failed.
            boolean failed = i >= 9;
            Timestamp fetched = new Timestamp(at.getTime() + i * 3_600_000L);
            jdbc.update("insert into delivery (id, document_id, recipient_organ_id, channel, state, created_at, updated_at, delivered_at, "
                            + "purpose, paper_requirement, article, last_error, sender_organ_id, type_number) "
                            + "values (?, ?, ?, 'PULL', ?, ?, ?, ?, 'RECIPIENT', ?, ?, ?, ?, ?)",
                    UUID.randomUUID(), document, VP_UBND.organId, failed ? "FAILED" : "DELIVERED", at, fetched, failed ? null : fetched,
                    requirement, article, failed ? "Timeout: not fetched within the deadline" : null, SO_NOI_VU.organId, type);
        }
        String[][] refusals = {{"XSD_INVALID"}, {"XSD_INVALID", "CLASSIFIED"}};
        for (String[] codes : refusals) {
            Timestamp at = hanoi(LocalDateTime.of(2025, 2, 20, 14, 0));
            UUID document = UUID.randomUUID();
            jdbc.update("insert into document (id, sender_organ_id, sender_document_id, recipient_organ_ids, envelope_sha256, envelope_size, "
                            + "state, received_at, updated_at) values (?, ?, ?, ?::text[], ?, 100, 'REJECTED', ?, ?)",
                    document, SO_TAI_CHINH.organId, "tu-choi-2025-" + UUID.randomUUID(), "{" + SO_NOI_VU.organId + "}", "0".repeat(64), at, at);
            StringBuilder reasons = new StringBuilder("[");
            for (String code : codes) reasons.append(reasons.length() > 1 ? "," : "").append("{\"code\":\"").append(code)
                    .append("\",\"messageVi\":\"x\",\"messageEn\":\"x\"}");
            jdbc.update("insert into status_event (id, document_id, organ_id, status_code, reasons, reported_at, recorded_at) "
                    + "values (?, ?, '000.00.99.H26', '02', ?::jsonb, ?, ?)", UUID.randomUUID(), document, reasons + "]", at, at);
        }
    }

    @Test
    void theCityReportOfTheHalfYearHasExactCountsSharesAndPercentiles() throws Exception {
        load();
        JsonNode r = get(DemoPeople.REPORTER, "/api/v1/reports/exchange?" + PERIOD).json();
        assertThat(r.path("organId").isNull()).isTrue();
        assertThat(r.path("documentsSent").asLong()).isEqualTo(10);
        assertThat(r.path("documentsRejected").asLong()).isEqualTo(2);
        assertThat(r.path("deliveriesReceived").asLong()).isEqualTo(18);
        assertThat(r.path("validlySigned").asLong()).isEqualTo(3);
        assertThat(r.path("validlySignedShare").asDouble()).isEqualTo(0.3);
        assertThat(r.path("overdue").asLong()).isEqualTo(2);
        assertThat(r.path("byType")).extracting(t -> t.path("typeNumber").asInt() + ":" + t.path("sent").asLong() + "/" + t.path("received").asLong())
                .containsExactly("2:6/12", "23:4/6");
        assertThat(r.path("paper")).extracting(p -> p.path("requirement").asText() + " " + p.path("article").asText() + " " + p.path("deliveries").asLong())
                .containsExactly("ELECTRONIC_ONLY 4 8", "ELECTRONIC_ONLY 5.3, 7.3 6", "PAPER_TO_FOLLOW 5.1 6");
        JsonNode push = find(r.path("deliveryTimes"), "channel", "SOAP_PUSH");
        assertThat(push.path("delivered").asLong()).isEqualTo(10);
        // 60 … 600 s: the median between the 5th and 6th (330), the 95th percentile 540 + 0.55 × 60.
        assertThat(push.path("medianSeconds").asDouble()).isCloseTo(percentile(List.of(60, 120, 180, 240, 300, 360, 420, 480, 540, 600), 0.5), within(1e-6)).isCloseTo(330, within(1e-6));
        assertThat(push.path("p95Seconds").asDouble()).isCloseTo(573, within(1e-6));
        JsonNode pull = find(r.path("deliveryTimes"), "channel", "PULL");
        assertThat(pull.path("delivered").asLong()).isEqualTo(8);
        assertThat(pull.path("medianSeconds").asDouble()).isCloseTo(16_200, within(1e-6));
        assertThat(pull.path("p95Seconds").asDouble()).isCloseTo(25_200 + 0.65 * 3_600, within(1e-6));
        assertThat(r.path("failures")).extracting(f -> f.path("channel").asText() + " " + f.path("cause").asText() + " " + f.path("deliveries").asLong())
                .containsExactly("PULL Timeout 2");
        assertThat(r.path("refusals")).extracting(f -> f.path("code").asText() + " " + f.path("documents").asLong())
                .containsExactly("XSD_INVALID 2", "CLASSIFIED 1");
        JsonNode snv = find(r.path("byAgency"), "organId", SO_NOI_VU.organId);
        assertThat(snv.path("sent").asLong()).isEqualTo(10);
        assertThat(snv.path("received").asLong()).isZero();
        assertThat(find(r.path("byAgency"), "organId", SO_TAI_CHINH.organId).path("received").asLong()).isEqualTo(10);
        assertThat(find(r.path("byAgency"), "organId", SO_TAI_CHINH.organId).path("overdue").asLong()).isEqualTo(2);
        assertThat(find(r.path("byAgency"), "organId", VP_UBND.organId).path("received").asLong()).isEqualTo(8);
        assertThat(r.path("overTime")).extracting(t -> t.path("period").asText() + "=" + t.path("sent").asLong())
                .containsExactly("2025-01=2", "2025-02=2", "2025-03=2", "2025-04=2", "2025-05=1", "2025-06=1");
        assertThat(r.path("silentAgencies")).extracting(a -> a.path("organId").asText())
                .contains(DemoAgencies.UBND_BA_DINH.organId, TestHub.KIT_ORGAN_ID)
                .doesNotContain(SO_NOI_VU.organId, SO_TAI_CHINH.organId, VP_UBND.organId);

        // The CSV says the same, one number a row.
        String csv = get(DemoPeople.REPORTER, "/api/v1/reports/exchange?" + PERIOD + "&format=csv").text();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        assertThat(value(rows, "summary", "", "documentsSent")).isEqualTo("10");
        assertThat(value(rows, "summary", "", "validlySignedShare")).isEqualTo("0.3");
        assertThat(value(rows, "deliveryTimes", "SOAP_PUSH", "p95Seconds")).isEqualTo("573.0");
        assertThat(value(rows, "refusals", "CLASSIFIED", "documents")).isEqualTo("1");
    }

    @Test
    void theXlsxOpensWithItsChartsAndThePdfHoldsTheVietnameseHeadingsTheFontAndTheCharts() throws Exception {
        load();
        Answer xlsx = get(DemoPeople.REPORTER, "/api/v1/reports/exchange?" + PERIOD + "&format=xlsx");
        assertThat(xlsx.response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes))) {
            assertThat(book.getSheet("Tổng hợp").getRow(3).getCell(1).getNumericCellValue()).isEqualTo(10);
            var agencies = book.getSheet("Theo cơ quan");
            List<XSSFChart> charts = agencies.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            var bars = charts.get(0).getChartSeries();
            assertThat(bars).hasSize(1);
            assertThat(bars.get(0).getSeriesCount()).as("sent and received").isEqualTo(2);
            assertThat(bars.get(0).getSeries(1).getValuesData().getPointCount()).isEqualTo(agencies.getLastRowNum());
            assertThat(charts.get(0).getTitleText().getString()).isEqualTo("Văn bản gửi, nhận theo cơ quan");
            List<XSSFChart> line = book.getSheet("Theo thời gian").getDrawingPatriarch().getCharts();
            assertThat(line).hasSize(1);
            assertThat(line.get(0).getChartSeries().get(0).getSeries(0).getValuesData().getPointCount()).isEqualTo(6);
        }

        Answer pdf = get(DemoPeople.REPORTER, "/api/v1/reports/exchange?" + PERIOD + "&format=pdf");
        // Kept as test output, to be looked at: hub/target/reports/.
        java.nio.file.Path kept = java.nio.file.Path.of("target", "reports");
        java.nio.file.Files.createDirectories(kept);
        java.nio.file.Files.write(kept.resolve("bao-cao-2025-H1.pdf"), pdf.bytes);
        java.nio.file.Files.write(kept.resolve("bao-cao-2025-H1.xlsx"), xlsx.bytes);
        assertThat(pdf.response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains(".pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Báo cáo tình hình trao đổi văn bản điện tử", "Toàn thành phố Hà Nội",
                    "Văn bản gửi, nhận điện tử theo loại", "Văn bản cần gửi kèm bản giấy và căn cứ", "Tỷ lệ văn bản có chữ ký số hợp lệ",
                    "Thời gian chuyển văn bản theo kênh", "Văn bản bị từ chối theo lý do", "Cơ quan không trao đổi văn bản trong kỳ",
                    "Quyết định", "Sở Nội vụ thành phố Hà Nội", "30,0 %");
            List<PDFormXObject> charts = new ArrayList<>();
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    PDXObject object = page.getResources().getXObject(name);
                    if (object instanceof PDFormXObject form && form.getCOSObject().getString(COSName.getPDFName("LienThongChart")) != null) {
                        charts.add(form);
                    }
                }
                for (COSName name : page.getResources().getFontNames()) fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
            assertThat(charts).extracting(c -> c.getCOSObject().getString(COSName.getPDFName("LienThongChart")))
                    .containsExactly("byAgency", "overTime");
            int agencies = get(DemoPeople.REPORTER, "/api/v1/reports/exchange?" + PERIOD).json().path("byAgency").size();
            assertThat(rectangles(charts.get(0))).as("two bars per agency and the legend's two").isEqualTo(2 * agencies + 2);
            assertThat(rectangles(charts.get(1))).as("a mark per month").isEqualTo(6);
        }
    }

    @Test
    void anAgencysPeopleReadTheirAgencysReportAndOnlyAReporterTheCitys() throws Exception {
        load();
        JsonNode own = get(DemoPeople.LANHDAO_SOTAICHINH, "/api/v1/reports/exchange?" + PERIOD).json();
        assertThat(own.path("organId").asText()).isEqualTo(SO_TAI_CHINH.organId);
        assertThat(own.path("documentsSent").asLong()).isZero();
        assertThat(own.path("documentsRejected").asLong()).isEqualTo(2);
        assertThat(own.path("deliveriesReceived").asLong()).isEqualTo(10);
        assertThat(own.path("overdue").asLong()).isEqualTo(2);
        assertThat(own.path("deliveryTimes")).extracting(t -> t.path("channel").asText()).containsExactly("SOAP_PUSH");
        assertThat(own.path("byAgency")).hasSize(1);
        assertThat(own.path("silentAgencies")).isEmpty();
        Answer other = get(DemoPeople.LANHDAO_SOTAICHINH, "/api/v1/reports/exchange?" + PERIOD + "&organ=" + SO_NOI_VU.organId);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().path("code").asText()).isEqualTo("NOT_PERMITTED");
        assertThat(get(DemoPeople.REPORTER, "/api/v1/reports/exchange?" + PERIOD + "&organ=" + SO_NOI_VU.organId).json()
                .path("documentsSent").asLong()).isEqualTo(10);
        assertThat(get(DemoPeople.OPERATOR, "/api/v1/reports/exchange?" + PERIOD).status()).isEqualTo(403);
        Answer backwards = get(DemoPeople.REPORTER, "/api/v1/reports/exchange?from=2025-06-30&to=2025-01-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().path("code").asText()).isEqualTo("REQUEST_INVALID");
        assertThat(get(DemoPeople.REPORTER, "/api/v1/reports/exchange?" + PERIOD + "&format=doc").status()).isEqualTo(400);
        HttpResponse<String> agencySystem = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/reports/exchange?" + PERIOD)))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (SO_NOI_VU.username + ":" + SO_NOI_VU.secret).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(agencySystem.statusCode()).isEqualTo(401);
    }

    /** The "re" (rectangle) operators of a form's content. */
    private static long rectangles(PDFormXObject form) throws Exception {
        PDFStreamParser parser = new PDFStreamParser(form);
        return parser.parse().stream().filter(token -> token instanceof org.apache.pdfbox.contentstream.operator.Operator op
                && op.getName().equals("re")).count();
    }

    /** The linear-interpolation percentile PostgreSQL's percentile_cont computes. */
    private static double percentile(List<Integer> sorted, double q) {
        double index = (sorted.size() - 1) * q;
        int below = (int) Math.floor(index);
        int above = Math.min(below + 1, sorted.size() - 1);
        return sorted.get(below) + (index - below) * (sorted.get(above) - sorted.get(below));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) if (node.path(field).asText().equals(value)) return node;
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static String value(List<CSVRecord> rows, String table, String key, String measure) {
        return rows.stream().filter(r -> r.get("table").equals(table) && r.get("key").equals(key) && r.get("measure").equals(measure))
                .findFirst().map(r -> r.get("value")).orElseThrow(() -> new AssertionError(table + "/" + key + "/" + measure));
    }

    private static Timestamp hanoi(LocalDateTime local) {
        return Timestamp.from(local.atZone(WorkingCalendar.HANOI).toInstant());
    }

    private record Answer(HttpResponse<byte[]> response, byte[] bytes) {
        int status() {
            return response.statusCode();
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() throws Exception {
            return JSON.readTree(bytes);
        }
    }

    private Answer get(DemoPeople person, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", person.basicAuthorization()).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response, response.body());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
