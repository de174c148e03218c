package vn.gov.hanoi.lienthong.hub;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;

/**
 * The operators' console: Hawtio at /actuator/hawtio and its Jolokia agent, for people with the operator role.
 * Jolokia shows every route of the hub with its live statistics and the broker's queues with their depth;
 * operators read, administrators also execute; anonymous callers, agency systems and people without the role
 * are refused. A browser signs in with the form, keeps a session, and must send the CSRF token back.
 */
class OperatorsConsoleTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROUTE_NAME = Pattern.compile("name=\"([^\"]+)\"");

    @Autowired
    CamelContext camel;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anOperatorSeesEveryRouteWithItsStatisticsAndTheBrokersQueues() throws Exception {
        HttpResponse<String> page = get("/actuator/hawtio/", DemoPeople.OPERATOR.basicAuthorization());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Hawtio Management Console", "<base href=\"/actuator/hawtio/\">");

        JsonNode routes = jolokia(DemoPeople.OPERATOR, """
                {"type":"search","mbean":"org.apache.camel:context=lienthong,type=routes,*"}""");
        assertThat(routes.path("status").asInt()).isEqualTo(200);
        Set<String> seen = new TreeSet<>();
        for (JsonNode name : routes.path("value")) {
            Matcher route = ROUTE_NAME.matcher(name.asText());
            if (route.find()) seen.add(route.group(1));
        }
        Set<String> hubRoutes = new TreeSet<>(camel.getRoutes().stream().map(Route::getRouteId).toList());
        assertThat(hubRoutes).contains("intake-accept", "inspect", "dispatch", "record", "status-accept", "mail-intake");
        assertThat(seen).as("every route of the hub, as Jolokia lists them").containsAll(hubRoutes);

        JsonNode inspect = jolokia(DemoPeople.OPERATOR, """
                {"type":"read","mbean":"org.apache.camel:context=lienthong,type=routes,name=\\"inspect\\"",
                 "attribute":["ExchangesTotal","MeanProcessingTime","State"]}""");
        assertThat(inspect.path("status").asInt()).isEqualTo(200);
        assertThat(inspect.path("value").path("State").asText()).isEqualTo("Started");
        assertThat(inspect.path("value").has("ExchangesTotal")).isTrue();

        JsonNode queue = jolokia(DemoPeople.OPERATOR, """
                {"type":"read","mbean":"org.apache.activemq.artemis:broker=\\"localhost\\",component=addresses,address=\\"lienthong.inspect\\",subcomponent=queues,routing-type=\\"anycast\\",queue=\\"lienthong.inspect\\"",
                 "attribute":["MessageCount","ConsumerCount","MessagesAdded"]}""");
        assertThat(queue.path("status").asInt()).as(queue.toString()).isEqualTo(200);
        assertThat(queue.path("value").path("ConsumerCount").asInt()).isPositive();
        assertThat(queue.path("value").has("MessagesAdded")).isTrue();
    }

    @Test
    void operatorsReadAdministratorsAlsoExecute() throws Exception {
        String uptime = """
                {"type":"exec","mbean":"org.apache.camel:context=lienthong,type=context,name=\\"lienthong\\"","operation":"getUptime()"}""";
        assertThat(jolokia(DemoPeople.OPERATOR, uptime).path("status").asInt()).isEqualTo(403);
        assertThat(jolokia(DemoPeople.ADMIN, uptime).path("status").asInt()).isEqualTo(200);
        String write = """
                {"type":"write","mbean":"org.apache.camel:context=lienthong,type=routes,name=\\"inspect\\"","attribute":"Tracing","value":false}""";
        assertThat(jolokia(DemoPeople.OPERATOR, write).path("status").asInt()).isEqualTo(403);
        // The MBean-level policy holds for administrators too: no JVM diagnostic commands from a browser.
        assertThat(jolokia(DemoPeople.ADMIN, """
                {"type":"exec","mbean":"com.sun.management:type=DiagnosticCommand","operation":"vmFlags([Ljava.lang.String;)","arguments":[[]]}""")
                .path("status").asInt()).isEqualTo(403);
    }

    @Test
    void anonymousCallersAgencySystemsAndPeopleWithoutTheRoleAreRefused() throws Exception {
        String agencySystem = basic(SO_NOI_VU.username, SO_NOI_VU.secret);
        String auditor = basic(DemoPeople.AUDITOR.username, DemoPeople.AUDITOR.secret);
        for (String path : List.of("/actuator/hawtio/", "/actuator/jolokia/version",
                "/actuator/jolokia/search/org.apache.camel:type=routes,*")) {
            assertThat(get(path, null).statusCode()).as("anonymous %s", path).isEqualTo(401);
            assertThat(get(path, agencySystem).statusCode()).as("an agency system: %s", path).isEqualTo(401);
            assertThat(get(path, auditor).statusCode()).as("an auditor: %s", path).isEqualTo(403);
        }
        HttpResponse<String> post = http.send(request("/actuator/jolokia", agencySystem)
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(401);
    }

    @Test
    void aBrowserSignsInWithTheFormKeepsASessionAndSendsTheCsrfTokenBack() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        HttpResponse<String> sentToForm = browser.send(page("/actuator/hawtio/").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sentToForm.statusCode()).isEqualTo(302);
        assertThat(sentToForm.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        HttpResponse<String> form = browser.send(page("/login").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<html lang=\"vi\">", "Đăng nhập", "<label for=\"username\">", "<label for=\"password\">")
                .doesNotContain("http://", "https://");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> wrong = browser.send(signIn(csrf.group(1), "operator", "not-the-secret"), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        HttpResponse<String> signedIn = browser.send(signIn(csrf.group(1), DemoPeople.OPERATOR.username, DemoPeople.OPERATOR.secret),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).contains("/actuator/hawtio/");
        assertThat(cookieValue(cookies, "JSESSIONID")).isNotNull();

        assertThat(browser.send(page("/actuator/hawtio/").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        HttpRequest.Builder jolokiaPost = HttpRequest.newBuilder(uri("/actuator/jolokia")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}"));
        assertThat(browser.send(jolokiaPost.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("a session POST without the CSRF token").isEqualTo(403);
        String token = cookieValue(cookies, "XSRF-TOKEN");
        assertThat(token).as("the CSRF cookie Hawtio reads").isNotNull();
        HttpResponse<String> withToken = browser.send(HttpRequest.newBuilder(uri("/actuator/jolokia"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(withToken.body()).path("status").asInt()).isEqualTo(200);

        HttpResponse<String> signedOut = browser.send(page("/logout")
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).contains("/login?logout");
        assertThat(browser.send(page("/actuator/hawtio/").GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("the session ended").isEqualTo(302);
    }

    @Autowired
    vn.gov.hanoi.lienthong.operations.security.LoginThrottle throttle;

    @Test
    void repeatedFailedSignInsHoldTheNameEvenWithTheRightSecretAfterwards() throws Exception {
        String right = basic(DemoPeople.AUDITOR.username, DemoPeople.AUDITOR.secret);
        String wrong = basic(DemoPeople.AUDITOR.username, "guess");
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(get("/actuator/jolokia/version", wrong).statusCode()).isEqualTo(401);
            }
            assertThat(throttle.heldUntil(DemoPeople.AUDITOR.username)).isPresent();
            assertThat(get("/actuator/jolokia/version", right).statusCode()).as("held: not even checked").isEqualTo(401);
        } finally {
            throttle.succeeded(DemoPeople.AUDITOR.username);
        }
        assertThat(get("/actuator/jolokia/version", right).statusCode()).as("released: the auditor is known again, "
                + "and refused only for lack of the operator role").isEqualTo(403);
    }

    private HttpRequest signIn(String csrf, String username, String secret) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static String cookieValue(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpRequest.Builder page(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml");
    }


    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return http.send(request(path, authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user, String secret) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
