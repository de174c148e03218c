package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/**
 * The operator page in a real headless browser (Chromium): an operator signs in through the Vietnamese form,
 * finds a failed delivery, re-drives it from the keyboard with a reason, and sees the request and then its outcome;
 * a refusal is shown with its code; the page switches to English; it fetches nothing from outside and fits a
 * phone's width. Agency systems and people without the operator role are refused it.
 */
class OperatorPageTest extends HubIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void browserInstalled() {
        HeadlessBrowser.assumeInstalled();
    }

    @Test
    void anOperatorReDrivesAFailedDeliveryFromThePage() throws Exception {
        String documentId = documentWhoseDeliveryFailed("401", "Về việc thử trang vận hành");
        UUID deliveryId = jdbc.queryForObject("select id from delivery where document_id = ?::uuid", UUID.class, documentId);

        ChromeDriver browser = HeadlessBrowser.start(1280, 1000);
        try {
            browser.get(url("/operator"));
            assertThat(browser.getCurrentUrl()).as("sent to the sign-in form").contains("/login");
            browser.findElement(By.name("username")).sendKeys(DemoPeople.OPERATOR.username);
            browser.findElement(By.name("password")).sendKeys(DemoPeople.OPERATOR.secret, Keys.ENTER);
            await().atMost(DELIVERY_TIMEOUT).until(() -> browser.getCurrentUrl().contains("/operator"));

            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vận hành trục liên thông");
            WebElement row = browser.findElement(By.cssSelector("#failed tr[data-delivery='" + deliveryId + "']"));
            assertThat(row.getText()).contains("401/SNV-VP", SO_TAI_CHINH.organId);
            WebElement reason = row.findElement(By.name("reason"));
            assertThat(browser.findElement(By.cssSelector("label[for='" + reason.getDomAttribute("id") + "']")).getText())
                    .as("the reason field is labelled").isEqualTo("Lý do");

            // From the keyboard: the reason typed, Enter submits the form's first action (re-drive).
            reason.sendKeys("Hệ thống Sở Tài chính đã hoạt động lại (phiếu VH-2026-140)", Keys.ENTER);
            await().atMost(DELIVERY_TIMEOUT).until(() -> !browser.findElements(By.id("notice")).isEmpty());
            assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Đã nhận yêu cầu «Chuyển lại»");
            String delivered = documentId;
            await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(delivered) != null);
            assertThat(SO_TAI_CHINH_SYSTEM.callsFor(documentId)).isEqualTo(1);

            browser.get(url("/operator"));
            WebElement latest = browser.findElement(By.cssSelector("#actions tbody tr"));
            assertThat(latest.getText()).contains("operator", "Chuyển lại", "phiếu VH-2026-140");
            assertThat(browser.findElements(By.cssSelector("#failed tr[data-delivery='" + deliveryId + "']")))
                    .as("no longer failed").isEmpty();

            // A refusal is shown with its code: the same document found, a resend asked without a reason (the
            // browser's own check on the field taken away, as a hand-made request would).
            WebElement find = browser.findElement(By.id("document-id"));
            find.sendKeys(documentId, Keys.ENTER);
            WebElement resend = browser.findElement(By.cssSelector("#document-deliveries tr[data-delivery='" + deliveryId + "'] button"));
            assertThat(resend.getText()).isEqualTo("Gửi lại");
            ((JavascriptExecutor) browser).executeScript("document.querySelectorAll('input[name=reason]').forEach(i => i.required = false)");
            resend.click();
            await().atMost(DELIVERY_TIMEOUT).until(() -> !browser.findElements(By.id("refusal")).isEmpty());
            assertThat(browser.findElement(By.id("refusal")).getText()).contains("ACTION_REASON_REQUIRED", "phải ghi lý do");
            assertThat(browser.getCurrentUrl()).as("back on the same document").contains("document=" + documentId);

            // English, on request; nothing of the page comes from elsewhere.
            browser.findElement(By.linkText("English")).click();
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Liên Thông operations");
            assertThat(browser.findElements(By.cssSelector("script, link[rel=stylesheet], img, iframe"))).isEmpty();
            List<String> addresses = browser.findElements(By.cssSelector("[href], [action], [formaction], [src]")).stream()
                    .flatMap(e -> java.util.stream.Stream.of(e.getDomAttribute("href"), e.getDomAttribute("action"),
                            e.getDomAttribute("formaction"), e.getDomAttribute("src")))
                    .filter(java.util.Objects::nonNull).toList();
            assertThat(addresses).isNotEmpty().allSatisfy(address -> assertThat(address).doesNotContain("//"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void thePageFitsAPhone() throws Exception {
        ChromeDriver phone = HeadlessBrowser.start(390, 844);
        try {
            phone.get(url("/login"));
            phone.findElement(By.name("username")).sendKeys(DemoPeople.OPERATOR.username);
            phone.findElement(By.name("password")).sendKeys(DemoPeople.OPERATOR.secret, Keys.ENTER);
            phone.get(url("/operator"));
            assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("Vận hành trục liên thông");
            Long overflow = (Long) ((JavascriptExecutor) phone).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("no sideways scrolling of the page (wide tables scroll inside their box)").isLessThanOrEqualTo(0L);
        } finally {
            phone.quit();
        }
    }

    @Test
    void onlyOperatorsGetThePage() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> agency = http.send(HttpRequest.newBuilder(URI.create(url("/operator")))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (SO_TAI_CHINH.username + ":" + SO_TAI_CHINH.secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(agency.statusCode()).as("an agency system").isEqualTo(401);
        HttpResponse<String> auditor = http.send(HttpRequest.newBuilder(URI.create(url("/operator")))
                .header("Authorization", DemoPeople.AUDITOR.basicAuthorization()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(auditor.statusCode()).as("a person without the operator role").isEqualTo(403);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(url("/operator/directory/reload")))
                .header("Authorization", DemoPeople.AUDITOR.basicAuthorization())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("reason=th%E1%BB%AD")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as("nor its actions").isEqualTo(403);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
