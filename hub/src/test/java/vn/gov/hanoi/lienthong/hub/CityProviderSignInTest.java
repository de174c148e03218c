package vn.gov.hanoi.lienthong.hub;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * People signing in through the city's OpenID Connect provider (the test kit's, shaped like a Keycloak realm), in a
 * real browser: the code flow from the hub's sign-in page and back; the provider's role mapped to the hub's
 * operator role (the page opens, an action is recorded under the person's name from the provider); a person
 * whose roles map to none of the hub's is signed in and refused the page.
 */
class CityProviderSignInTest extends HubIntegrationTest {

    @BeforeEach
    void browserInstalled() {
        HeadlessBrowser.assumeInstalled();
    }

    @Test
    void anOperatorOfTheCitySignsInThroughTheProviderAndActsUnderItsName() throws Exception {
        CITY_PROVIDER.signInAs("nguyen.thi.vanhanh", "Nguyễn Thị Vận Hành", "offline_access", PROVIDER_OPERATOR_ROLE);
        ChromeDriver browser = HeadlessBrowser.start(1280, 1000);
        try {
            browser.get(url("/operator"));
            assertThat(browser.getCurrentUrl()).contains("/login");
            browser.findElement(By.id("city-sign-in")).click();
            await().atMost(DELIVERY_TIMEOUT).until(() -> browser.getCurrentUrl().contains("/operator"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vận hành trục liên thông");
            assertThat(browser.findElement(By.tagName("header")).getText()).contains("Đăng nhập: nguyen.thi.vanhanh");

            browser.findElement(By.id("reason-directory")).sendKeys("Thử đăng nhập qua tài khoản thành phố", Keys.ENTER);
            await().atMost(DELIVERY_TIMEOUT).until(() -> !browser.findElements(By.id("notice")).isEmpty());
            await().atMost(DELIVERY_TIMEOUT).until(() -> {
                browser.get(url("/operator"));
                return browser.findElement(By.cssSelector("#actions tbody tr")).getText().contains("nguyen.thi.vanhanh");
            });
        } finally {
            browser.quit();
        }
    }

    @Test
    void aPersonWithoutARoleOfTheHubsIsSignedInAndRefused() throws Exception {
        CITY_PROVIDER.signInAs("tran.van.khach", "Trần Văn Khách", "offline_access", "uma_authorization");
        ChromeDriver browser = HeadlessBrowser.start(1280, 1000);
        try {
            browser.get(url("/login"));
            browser.findElement(By.id("city-sign-in")).click();
            await().atMost(DELIVERY_TIMEOUT).until(() -> !browser.getCurrentUrl().contains("/login"));
            // The browser's session, signed in, asks for the page: 403.
            String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
            java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/operator")))
                            .header("Cookie", "JSESSIONID=" + session).header("Accept", "text/html").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as("signed in, without a role of the hub's").isEqualTo(403);
            browser.get(url("/operator"));
            assertThat(browser.findElements(By.id("failed-title"))).isEmpty();
        } finally {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
