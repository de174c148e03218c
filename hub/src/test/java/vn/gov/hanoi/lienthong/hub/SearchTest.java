package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.gov.hanoi.lienthong.archive.search.TextExtraction;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.files.SampleFiles;
import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/**
 * Search (Article 16.5): a document found by a word inside its PDF — in its text layer, and in a scan with no text
 * layer, read by OCR (Tesseract's Vietnamese model; required where LIENTHONG_REQUIRE_OCR=1, as in .ci/run) — with its
 * diacritics and, when asked, without; by its metadata; and never a document the caller may not read.
 */
class SearchTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INDEXED = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TextExtraction extraction;

    @Test
    void aWordInsideATextPdfIsFoundWithAndWithoutItsDiacriticsOnlyByThoseWhoMayReadIt() throws Exception {
        String id = send("701", SampleFiles.textPdf("KẾ HOẠCH",
                "Triển khai chuyển đổi số trong công tác văn thư lưu trữ", "Đơn vị chủ trì: Sở Nội vụ"));
        awaitIndexed(id);

        assertThat(found(DemoPeople.LUUTRU, "words=chuyển đổi số")).contains(id);
        assertThat(found(DemoPeople.LUUTRU, "words=chuyen doi so")).as("without diacritics, not asked to ignore them").doesNotContain(id);
        assertThat(found(DemoPeople.LUUTRU, "words=chuyen doi so&ignoreAccents=true")).contains(id);
        assertThat(found(DemoPeople.LUUTRU, "words=don vi chu tri&ignoreAccents=true")).as("đ read as d").contains(id);
        assertThat(found(DemoPeople.LUUTRU, "words=\"số chuyển đổi\"")).as("a phrase in another order").doesNotContain(id);
        // By metadata: number and notation, type, the sender.
        assertThat(found(DemoPeople.LUUTRU, "notation=701/SNV-LT")).contains(id);
        assertThat(found(DemoPeople.LUUTRU, "words=chuyển đổi&organ=" + SO_TAI_CHINH.organId + "&type=Công văn")).contains(id);
        assertThat(found(DemoPeople.LUUTRU, "words=chuyển đổi&organ=000.01.01.H26")).doesNotContain(id);

        // The parties' clerks find it; another agency's clerk never does, nor anyone once it is restricted.
        assertThat(found(DemoPeople.VANTHU_SONOIVU, "words=chuyển đổi số")).contains(id);
        assertThat(found(DemoPeople.VANTHU_SOTAICHINH, "words=chuyen doi so&ignoreAccents=true")).contains(id);
        assertThat(found(DemoPeople.VANTHU_BADINH, "words=chuyển đổi số")).doesNotContain(id);
        assertThat(found(DemoPeople.VANTHU_BADINH, "words=chuyen doi so&ignoreAccents=true")).doesNotContain(id);
        HttpResponse<String> restricted = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/archive/documents/" + id
                        + "/classification"))).header("Authorization", DemoPeople.LUUTRU.basicAuthorization())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"accessLevel\":\"RESTRICTED\",\"reason\":\"Kiểm tra tìm kiếm\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(restricted.statusCode()).isEqualTo(200);
        assertThat(found(DemoPeople.VANTHU_SONOIVU, "words=chuyển đổi số")).doesNotContain(id);
        assertThat(found(DemoPeople.LUUTRU, "words=chuyển đổi số")).contains(id);

        // Neither operators nor auditors search the documents; a search with nothing to look for is refused with a code.
        assertThat(get("/api/v1/archive/search?words=abc", DemoPeople.OPERATOR).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/archive/search?words=abc", DemoPeople.KIEMTOAN).statusCode()).isEqualTo(403);
        HttpResponse<String> empty = get("/api/v1/archive/search", DemoPeople.LUUTRU);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).path("code").asText()).isEqualTo("REQUEST_INVALID");
    }

    @Test
    void aWordInAScanWithoutTextLayerIsFoundThroughOcr() throws Exception {
        boolean required = "1".equals(System.getenv("LIENTHONG_REQUIRE_OCR"));
        if (!required) Assumptions.assumeTrue(extraction.tesseractAvailable(), "tesseract with its Vietnamese model is not installed");
        assertThat(extraction.tesseractAvailable()).as("tesseract-ocr-vie, required here").isTrue();
        String id = send("702", SampleFiles.imageOnlyScanPdf("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
                "Về việc kiểm kê tài sản công năm 2026", "Đề nghị các đơn vị báo cáo trước ngày 15"));
        awaitIndexed(id);
        assertThat(jdbc.sql("select files from search_document where document_id = ?").param(UUID.fromString(id))
                .query(String.class).single()).startsWith("0:OCR:");
        assertThat(found(DemoPeople.LUUTRU, "words=kiểm kê tài sản")).contains(id);
        assertThat(found(DemoPeople.LUUTRU, "words=kiem ke tai san&ignoreAccents=true")).contains(id);
        assertThat(found(DemoPeople.VANTHU_BADINH, "words=kiểm kê tài sản")).doesNotContain(id);
    }

    /** The search page in headless Chromium: the archivist finds the document; another agency's clerk does not. */
    @Test
    void theSearchPageFindsADocumentForThoseWhoMayReadIt() throws Exception {
        HeadlessBrowser.assumeInstalled();
        String id = send("703", SampleFiles.textPdf("THÔNG BÁO", "Lịch tiếp công dân định kỳ của lãnh đạo Sở tháng 12"));
        awaitIndexed(id);
        org.openqa.selenium.chrome.ChromeDriver browser = HeadlessBrowser.start(1280, 900);
        try {
            signIn(browser, DemoPeople.LUUTRU);
            assertThat(browser.getCurrentUrl()).as("an archivist lands on the search").contains("/archive/search");
            assertThat(browser.findElement(org.openqa.selenium.By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
            browser.findElement(org.openqa.selenium.By.id("words")).sendKeys("tiep cong dan dinh ky");
            browser.findElement(org.openqa.selenium.By.id("ignoreAccents")).click();
            browser.findElement(org.openqa.selenium.By.id("search")).click();
            // The click returns before the results' page has loaded.
            org.openqa.selenium.By hit = org.openqa.selenium.By.cssSelector("#hits tr[data-document='" + id + "']");
            await().atMost(Duration.ofSeconds(20)).until(() -> !browser.findElements(hit).isEmpty());
            var row = browser.findElement(hit);
            assertThat(row.getText()).doesNotContain("703/703").contains("703/SNV-LT", "Văn bản kiểm tra tìm kiếm số 703");
            assertThat(row.findElement(org.openqa.selenium.By.className("snippet")).getText()).contains("«tiep»", "«cong»", "«dinh»");
            assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("script, link[rel=stylesheet], img, iframe")))
                    .as("nothing fetched").isEmpty();
            HeadlessBrowser.screenshot(browser, "archivist-search");
            browser.findElement(org.openqa.selenium.By.linkText("English")).click();
            await().atMost(Duration.ofSeconds(20)).until(() -> "en".equals(
                    browser.findElement(org.openqa.selenium.By.tagName("html")).getDomAttribute("lang")));
            assertThat(browser.findElement(org.openqa.selenium.By.tagName("h1")).getText()).isEqualTo("Search the archive");
            browser.findElement(org.openqa.selenium.By.linkText("Tiếng Việt")).click();
        } finally {
            browser.quit();
        }
        org.openqa.selenium.chrome.ChromeDriver other = HeadlessBrowser.start(1280, 900);
        try {
            signIn(other, DemoPeople.VANTHU_BADINH);
            other.get(url("/archive/search?words=" + URLEncoder.encode("tiếp công dân định kỳ", StandardCharsets.UTF_8)));
            assertThat(other.findElements(org.openqa.selenium.By.cssSelector("#hits tr[data-document='" + id + "']"))).isEmpty();
            assertThat(other.findElement(org.openqa.selenium.By.className("empty")).getText())
                    .isEqualTo("Không tìm thấy văn bản nào mà bạn được phép xem.");
        } finally {
            other.quit();
        }
    }

    private void signIn(org.openqa.selenium.chrome.ChromeDriver browser, DemoPeople person) {
        browser.get(url("/login"));
        browser.findElement(org.openqa.selenium.By.name("username")).sendKeys(person.username);
        browser.findElement(org.openqa.selenium.By.name("password")).sendKeys(person.secret, org.openqa.selenium.Keys.ENTER);
        await().atMost(DELIVERY_TIMEOUT).until(() -> !browser.getCurrentUrl().contains("/login"));
    }

    private String send(String number, byte[] pdf) throws Exception {
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).type(18, "Công văn")
                .code(number, "SNV-LT").subject("Văn bản kiểm tra tìm kiếm số " + number)
                .attachment("vb", "Văn bản " + number + ".pdf", "application/pdf");
        String id = client(SO_NOI_VU).send(message.toBytes(), HubClient.Part.bytes("vb", "Văn bản " + number + ".pdf",
                "application/pdf", pdf)).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        return id;
    }

    private void awaitIndexed(String id) {
        await().atMost(INDEXED).until(() -> jdbc.sql("select count(*) from search_document where document_id = ?")
                .param(UUID.fromString(id)).query(Long.class).single() == 1);
    }

    private List<String> found(DemoPeople person, String query) throws Exception {
        StringBuilder encoded = new StringBuilder();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (encoded.length() > 0) encoded.append('&');
            encoded.append(pair, 0, eq + 1).append(URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = get("/api/v1/archive/search?" + encoded, person);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode hit : JSON.readTree(response.body())) ids.add(hit.path("documentId").asText());
        return ids;
    }

    private HttpResponse<String> get(String path, DemoPeople person) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", person.basicAuthorization()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
