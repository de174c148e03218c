package vn.gov.hanoi.lienthong.hub;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import vn.gov.hanoi.lienthong.core.calendar.WorkingCalendar;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.VP_UBND;

/**
 * The clerks' and leaders' pages in a real headless browser (Chromium), checked on the DOM, with screenshots kept
 * in hub/target/screenshots: a leader signs in, sees the overdue list and opens a document's journey; a clerk of
 * another agency cannot see it; a desk clerk registers a document, records its assignment and its completion, and
 * the sender's history shows each; English on request, nothing fetched from outside, a phone's width.
 */
class TrackingPagesTest extends HubIntegrationTest {

    @BeforeEach
    void browserInstalled() {
        HeadlessBrowser.assumeInstalled();
    }

    @Test
    void aLeaderSeesTheOverdueListAndOpensADocumentsJourneyThatAnotherAgencysClerkCannotSee() throws Exception {
        LocalDate yesterday = WorkingCalendar.today(java.time.Clock.systemUTC()).minusDays(1);
        String id = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(VP_UBND.organId).type(2, "Quyết định")
                .code("411", "QĐ-SNV").subject("Quyết định về việc kiểm tra danh sách quá hạn trên trang lãnh đạo")
                .dueDate(yesterday).toBytes()).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> client(VP_UBND).pending().contains(id));

        ChromeDriver browser = HeadlessBrowser.start(1280, 1000);
        try {
            signIn(browser, DemoPeople.LANHDAO_VPUBND);
            assertThat(browser.getCurrentUrl()).as("a leader lands on the tracking").endsWith("/tracking");
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Theo dõi văn bản — Văn phòng Ủy ban nhân dân thành phố Hà Nội");
            long overdue = Long.parseLong(browser.findElement(By.cssSelector("#count-received-overdue strong")).getText());
            assertThat(overdue).isGreaterThanOrEqualTo(1);

            browser.findElement(By.id("count-received-overdue")).click();
            WebElement row = browser.findElement(By.cssSelector("#documents tr[data-document='" + id + "']"));
            assertThat(row.getDomAttribute("class")).contains("overdue");
            assertThat(row.getText()).contains("411/QĐ-SNV", "Sở Nội vụ thành phố Hà Nội", "Quá hạn");
            HeadlessBrowser.screenshot(browser, "leader-overdue");

            row.findElement(By.linkText("411/QĐ-SNV")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/tracking/documents/" + id);
            assertThat(browser.findElement(By.id("document-title")).getText()).isEqualTo("411/QĐ-SNV");
            WebElement recipient = browser.findElement(By.cssSelector("#recipients tr[data-recipient='" + VP_UBND.organId + "']"));
            assertThat(recipient.getDomAttribute("class")).contains("overdue");
            assertThat(recipient.getText()).contains("Văn phòng Ủy ban nhân dân thành phố Hà Nội", "Quá hạn",
                    yesterday.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")), "Chưa xác nhận");
            assertThat(browser.findElements(By.id("desk"))).as("no desk for a leader").isEmpty();
            HeadlessBrowser.screenshot(browser, "leader-journey");

            // English on request; nothing of the page comes from elsewhere.
            browser.findElement(By.linkText("English")).click();
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
            assertThat(browser.findElement(By.id("recipients-title")).getText()).isEqualTo("Its journey to each recipient");
            assertNothingFetchedFromOutside(browser);
            browser.findElement(By.linkText("Tiếng Việt")).click();
        } finally {
            browser.quit();
        }

        ChromeDriver other = HeadlessBrowser.start(1280, 1000);
        try {
            signIn(other, DemoPeople.VANTHU_CONGTTDT);
            other.get(url("/tracking/documents/" + id));
            assertThat(other.findElement(By.id("refusal")).getText()).contains("NOT_A_PARTY");
            assertThat(other.findElements(By.id("recipients"))).isEmpty();
            assertThat(other.getPageSource()).doesNotContain("411/QĐ-SNV", "kiểm tra danh sách quá hạn");
            other.get(url("/tracking?view=received&state=overdue"));
            assertThat(other.findElements(By.cssSelector("#documents tr[data-document='" + id + "']"))).isEmpty();
        } finally {
            other.quit();
        }
    }

    @Test
    void aDeskClerkRegistersAssignsAndReportsAndTheSendersHistoryShowsIt() throws Exception {
        String senderDocumentId = UUID.randomUUID().toString();
        String id = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(UBND_BA_DINH.organId).type(18, "Công văn")
                .code("412", "SNV-VP").subject("Về việc thử trang văn thư của quận Ba Đình").documentId(senderDocumentId).toBytes())
                .getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> client(UBND_BA_DINH).pending().contains(id));

        ChromeDriver browser = HeadlessBrowser.start(1280, 1100);
        try {
            signIn(browser, DemoPeople.VANTHU_BADINH);
            assertThat(browser.getCurrentUrl()).endsWith("/tracking");
            WebElement row = browser.findElement(By.cssSelector("#documents tr[data-document='" + id + "']"));
            row.findElement(By.linkText("412/SNV-VP")).click();

            // From the keyboard: the labelled field filled, Enter submits its form.
            WebElement handledBy = browser.findElement(By.id("register-handled-by"));
            assertThat(handledBy.findElement(By.xpath("..")).getText()).as("the field is labelled").contains("Đơn vị, người nhận xử lý");
            handledBy.sendKeys("Phòng Nội vụ quận", Keys.ENTER);
            String number = awaitNotice(browser, "Đã vào sổ văn bản đến, số đến ")
                    .replaceAll("^Đã vào sổ văn bản đến, số đến (\\d+);.*$", "$1");
            assertThat(browser.findElement(By.cssSelector("#recipients tr[data-recipient='" + UBND_BA_DINH.organId + "']")).getText())
                    .contains("(số đến " + number + ")");

            browser.findElement(By.id("assign-to")).sendKeys("Đ/c Trần Thị Hoa, Phó Chủ tịch UBND quận", Keys.ENTER);
            awaitNotice(browser, "Đã ghi phân công xử lý");
            browser.findElement(By.id("do-handling")).click();
            awaitNotice(browser, "Đã báo đang xử lý");
            assertThat(browser.findElements(By.cssSelector("#statuses li[data-organ='" + UBND_BA_DINH.organId + "']")))
                    .extracting(li -> li.getDomAttribute("data-code")).containsExactly("01", "03", "04", "05");
            HeadlessBrowser.screenshot(browser, "clerk-desk");

            // A refusal without its reason comes back on the page with its code (the browser's own check taken away,
            // as a hand-made request would).
            ((JavascriptExecutor) browser).executeScript("document.getElementById('refuse-reason').required = false");
            browser.findElement(By.id("do-refuse")).click();
            assertThat(await().atMost(DELIVERY_TIMEOUT).ignoreExceptions().until(() -> browser.findElement(By.id("refusal")).getText(),
                    text -> text.contains("STATUS_NOTE_REQUIRED"))).contains("lý do từ chối");

            browser.get(url("/tracking/registers/incoming"));
            WebElement line = browser.findElement(By.cssSelector("#register-lines tr[data-document='" + id + "']"));
            assertThat(line.getDomAttribute("data-number")).isEqualTo(number);
            assertThat(line.getText()).contains("412/SNV-VP", "Sở Nội vụ thành phố Hà Nội", "Công văn",
                    "Về việc thử trang văn thư của quận Ba Đình", "Phòng Nội vụ quận");
            HeadlessBrowser.screenshot(browser, "clerk-register");
        } finally {
            browser.quit();
        }

        // The sender's system sees the desk's statuses as a DMS's, in its history.
        var history = client(SO_NOI_VU).history(id);
        assertThat(history.getStatus()).filteredOn(s -> s.getOrganId().equals(UBND_BA_DINH.organId))
                .extracting(s -> s.getStatusCode()).containsExactly("01", "03", "04", "05");
        assertThat(history.getStatus()).filteredOn(s -> s.getStatusCode().equals("04")).singleElement()
                .satisfies(s -> assertThat(s.getDescription()).contains("Đ/c Trần Thị Hoa"));
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_NOI_VU_SYSTEM.statusesFor(id).stream()
                .map(s -> s.statusCode()).toList().containsAll(List.of("01", "03", "04", "05")));
    }

    @Test
    void thePagesFitAPhone() throws Exception {
        ChromeDriver phone = HeadlessBrowser.start(390, 844);
        try {
            signIn(phone, DemoPeople.LANHDAO_SONOIVU);
            for (String path : List.of("/tracking", "/tracking?view=sent", "/tracking/registers/incoming")) {
                phone.get(url(path));
                Long overflow = (Long) ((JavascriptExecutor) phone).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(overflow).as("no sideways scrolling of %s (wide tables scroll inside their box)", path).isLessThanOrEqualTo(0L);
            }
            HeadlessBrowser.screenshot(phone, "leader-phone");
        } finally {
            phone.quit();
        }
    }

    /** The notice of the page the last action led to, once that page is there (not the one before it). */
    private static String awaitNotice(ChromeDriver browser, String start) {
        return await().atMost(DELIVERY_TIMEOUT).ignoreExceptions().until(() -> browser.findElement(By.id("notice")).getText(),
                text -> text.startsWith(start));
    }

    private void signIn(ChromeDriver browser, DemoPeople person) {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys(person.username);
        browser.findElement(By.name("password")).sendKeys(person.secret, Keys.ENTER);
        await().atMost(DELIVERY_TIMEOUT).until(() -> !browser.getCurrentUrl().contains("/login"));
    }

    private static void assertNothingFetchedFromOutside(ChromeDriver browser) {
        assertThat(browser.findElements(By.cssSelector("script, link[rel=stylesheet], img, iframe"))).isEmpty();
        List<String> addresses = browser.findElements(By.cssSelector("[href], [action], [formaction], [src]")).stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getDomAttribute("href"), e.getDomAttribute("action"),
                        e.getDomAttribute("formaction"), e.getDomAttribute("src")))
                .filter(java.util.Objects::nonNull).toList();
        assertThat(addresses).isNotEmpty().allSatisfy(address -> assertThat(address).doesNotContain("//"));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
