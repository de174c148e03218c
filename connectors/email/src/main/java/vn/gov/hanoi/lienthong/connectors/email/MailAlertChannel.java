package vn.gov.hanoi.lienthong.connectors.email;

import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.alert.AlertChannel;
import vn.gov.hanoi.lienthong.core.alert.AlertNotice;

/**
 * Alert notices mailed to the operators' list ({@code hub.alerts.mail-to}) through the city's mail server, from
 * the hub's own address: the subject says what happened (Vietnamese, then English), the body adds the details;
 * {@code X-LienThong-Alert-Id} and {@code X-LienThong-Alert-Key} let a mail rule sort and de-duplicate them, and
 * {@code Auto-Submitted: auto-generated} keeps auto-responders from answering (RFC 3834).
 */
@Component
public class MailAlertChannel implements AlertChannel {

    private final CityMailServer mailServer;
    private final List<String> to;

    public MailAlertChannel(CityMailServer mailServer, @Value("${hub.alerts.mail-to:}") List<String> to) {
        this.mailServer = mailServer;
        this.to = to.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public boolean enabled() {
        return !to.isEmpty();
    }

    @Override
    public void send(AlertNotice notice) throws Exception {
        MimeMessage mail = new MimeMessage(mailServer.session());
        mail.setFrom(new InternetAddress(mailServer.hubAddress(), "Trục liên thông văn bản", "UTF-8"));
        for (String address : to) mail.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        mail.setSubject("[Liên Thông] " + vietnamese(notice.event()) + ": " + notice.summaryVi() + " / "
                + notice.event() + ": " + notice.summaryEn(), "UTF-8");
        StringBuilder body = new StringBuilder()
                .append(vietnamese(notice.event())).append(": ").append(notice.summaryVi()).append('\n')
                .append(notice.event()).append(": ").append(notice.summaryEn()).append("\n\n")
                .append("Cảnh báo / alert: ").append(notice.key()).append('\n')
                .append("Bắt đầu / raised: ").append(notice.raisedAt()).append('\n')
                .append("Lúc / at: ").append(notice.at()).append('\n');
        for (Map.Entry<String, Object> detail : notice.details().entrySet()) {
            body.append(detail.getKey()).append(": ").append(detail.getValue()).append('\n');
        }
        mail.setText(body.toString(), "UTF-8");
        mail.setHeader("X-LienThong-Alert-Id", Long.toString(notice.id()));
        mail.setHeader("X-LienThong-Alert-Key", notice.key());
        mail.setHeader("X-LienThong-Alert-Event", notice.event().name());
        mail.setHeader("Auto-Submitted", "auto-generated");
        mailServer.send(mail);
    }

    private static String vietnamese(AlertNotice.Event event) {
        return switch (event) {
            case RAISED -> "CẢNH BÁO";
            case REMINDER -> "NHẮC LẠI";
            case CLEARED -> "ĐÃ HẾT";
        };
    }
}
