package vn.gov.hanoi.lienthong.operations.alerts;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import vn.gov.hanoi.lienthong.core.alert.AlertChannel;
import vn.gov.hanoi.lienthong.core.alert.AlertNotice;

/**
 * Alert notices as JSON posted to {@code hub.alerts.webhook-url} (a chat bridge, an incident tool). The body is
 * the notice itself; {@code X-LienThong-Alert-Id} carries its id for de-duplication. Any 2xx is taken.
 */
@Component
public class WebhookAlertChannel implements AlertChannel {

    private final String url;
    private final RestClient http;

    public WebhookAlertChannel(AlertSettings settings, RestClient.Builder builder) {
        this.url = settings.webhookUrl();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        requests.setReadTimeout(Duration.ofSeconds(30));
        this.http = builder.requestFactory(requests).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean enabled() {
        return url != null && !url.isBlank();
    }

    @Override
    public void send(AlertNotice notice) {
        http.post().uri(url).contentType(MediaType.APPLICATION_JSON)
                .header("X-LienThong-Alert-Id", Long.toString(notice.id()))
                .body(notice).retrieve().toBodilessEntity();
    }
}
