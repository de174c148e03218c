package vn.gov.hanoi.lienthong.hub;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, headless, driven through its ChromeDriver: the real browser the pages for people are tested
 * in. `.ci/run` installs both and sets LIENTHONG_REQUIRE_BROWSER, so that CI fails rather than skips when they are
 * missing; elsewhere the page tests are skipped with a message. The flags keep Chromium off the network (it would
 * look for Google's services at every start) and its profile throw-away.
 */
final class HeadlessBrowser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessBrowser() {
    }

    static void assumeInstalled() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("LIENTHONG_REQUIRE_BROWSER") != null) {
            throw new IllegalStateException("Chromium and ChromeDriver are required here (LIENTHONG_REQUIRE_BROWSER) but not installed");
        }
        assumeTrue(present, "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver): pages not tested");
    }

    /** Keeps what the browser shows as test output: hub/target/screenshots/NAME.png. */
    static Path screenshot(ChromeDriver browser, String name) throws java.io.IOException {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        return file;
    }

    static ChromeDriver start(int width, int height) throws java.io.IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=vi", "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("lienthong-chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }
}
