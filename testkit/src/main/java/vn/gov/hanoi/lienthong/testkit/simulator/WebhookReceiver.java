package vn.gov.hanoi.lienthong.testkit.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

/**
 * An operators' webhook (a chat bridge, an incident tool) on a loopback port: keeps every JSON body posted to
 * /alerts, with its X-LienThong-Alert-Id header. While {@link #setAvailable} is false it answers 503.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One post as received. */
    public record Post(String alertId, String body) {
    }

    private final HttpServer server;
    private final List<Post> posts = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean available = true;

    private WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/alerts", exchange -> {
            try (exchange) {
                if (!available) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                posts.add(new Post(exchange.getRequestHeaders().getFirst("X-LienThong-Alert-Id"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    public static WebhookReceiver start(int port) {
        try {
            return new WebhookReceiver(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    public List<Post> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
