package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;

/**
 * A client's mistake is not the hub's error: a run of refused requests over SOAP and REST leaves no ERROR line
 * and no stack trace in the hub's log — one INFO or WARN line each. The loggers run at the levels the hub has
 * in production (INFO, as config/application.yaml sets them), not at the quieter levels of the test log.
 */
class RefusalLoggingTest extends HubIntegrationTest {

    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";

    @Test
    void refusalsLogOneLineWithoutStackTraces() throws Exception {
        List<ILoggingEvent> events = captureAtProductionLevels(this::refuseManyThings);
        List<String> refusalLines = new ArrayList<>();
        for (ILoggingEvent event : events) {
            String line = event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage();
            assertThat(event.getLevel()).as(line).isNotEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy()).as("a stack trace: " + line).isNull();
            if (line.contains("Refused")) refusalLines.add(line);
        }
        assertThat(refusalLines).as("one line per refusal").hasSizeGreaterThanOrEqualTo(12);
    }

    private void refuseManyThings() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HubClient wrongSecret = new HubClient(serviceUrl(), SO_NOI_VU.username, "wrong");
        faultCode(() -> wrongSecret.send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).toBytes()));
        faultCode(() -> client(SO_NOI_VU).send(DocumentMessage.from(SO_TAI_CHINH.organId).to(UBND_BA_DINH.organId).toBytes()));
        faultCode(() -> client(SO_NOI_VU).send("không phải edXML".getBytes(StandardCharsets.UTF_8)));
        faultCode(() -> client(UBND_BA_DINH).fetch(java.util.UUID.randomUUID().toString()));
        faultCode(() -> client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId)
                .attachment("f", "../../etc/passwd.pdf", "application/pdf").toBytes(),
                HubClient.Part.bytes("f", "../../etc/passwd.pdf", "application/pdf", TestHub.pdf(2_000, 1))));
        for (String body : List.of("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"e\">]><soap:Envelope xmlns:soap=\""
                + SOAP + "\"><soap:Body>&e;</soap:Body></soap:Envelope>", "not XML at all",
                "<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body><sendDocument>")) {
            http.send(HttpRequest.newBuilder(URI.create(serviceUrl())).header("Content-Type", "text/xml; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString((SO_NOI_VU.username + ":" + SO_NOI_VU.secret)
                .getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> request : Map.of(
                "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"envelope\"\r\n\r\n<x",
                "application/json", "{}",
                "text/plain", "hello").entrySet()) {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents"))
                    .header("Authorization", auth).header("Content-Type", request.getKey())
                    .POST(HttpRequest.BodyPublishers.ofString(request.getValue())).build(), HttpResponse.BodyHandlers.ofString());
        }
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents/not-a-uuid"))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/nothing-here"))
                .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/documents/pending"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("nobody:x".getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Runs the refusals with the loggers at production levels and returns what the request threads logged
     * meanwhile (the stages' consumer threads carry on with other tests' documents, which are not refusals).
     */
    private static List<ILoggingEvent> captureAtProductionLevels(ThrowingCall refusals) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Map<String, Level> production = Map.of("ROOT", Level.INFO, "org.apache.cxf", Level.INFO,
                "org.apache.cxf.phase.PhaseInterceptorChain", Level.INFO, "org.apache.camel", Level.INFO,
                "org.springframework", Level.INFO, "org.apache.cxf.services", Level.WARN);
        Map<String, Level> before = new java.util.HashMap<>();
        production.forEach((name, level) -> {
            Logger logger = context.getLogger(name);
            before.put(name, logger.getLevel());
            logger.setLevel(level);
        });
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        try {
            refusals.run();
        } finally {
            root.detachAppender(appender);
            before.forEach((name, level) -> context.getLogger(name).setLevel(level));
        }
        return appender.list.stream().filter(event -> event.getThreadName().startsWith("http-nio")).toList();
    }
}
