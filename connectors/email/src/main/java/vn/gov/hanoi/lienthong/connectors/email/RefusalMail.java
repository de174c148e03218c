package vn.gov.hanoi.lienthong.connectors.email;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.refusal.Reason;

/**
 * The answer to a mail the hub did not take: the reasons in Vietnamese and English, their codes in the
 * X-LienThong-Reason header for software, threaded under the original (In-Reply-To), marked as an automatic
 * reply (RFC 3834) so that no mail software answers it back.
 */
@Component
public class RefusalMail {

    public static final String REASON_HEADER = "X-LienThong-Reason";

    public MimeMessage compose(Session session, String from, InboundMail refused, List<Reason> reasons)
            throws MessagingException {
        MimeMessage reply = new MimeMessage(session);
        reply.setFrom(new InternetAddress(from));
        reply.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(refused.replyAddress()));
        reply.setSubject("[Liên Thông] Không tiếp nhận: " + refused.subject(), "UTF-8");
        if (refused.messageId() != null) {
            reply.setHeader("In-Reply-To", refused.messageId());
            reply.setHeader("References", refused.messageId());
        }
        reply.setHeader("Auto-Submitted", "auto-replied");
        reply.setHeader(REASON_HEADER, String.join(", ", reasons.stream().map(Reason::code).toList()));

        StringBuilder text = new StringBuilder();
        text.append("Trục liên thông văn bản thành phố Hà Nội không tiếp nhận thư của quý cơ quan");
        text.append(refused.subject().isBlank() ? "" : " \"" + refused.subject() + "\"").append(".\n\n");
        for (Reason reason : reasons) {
            text.append("[").append(reason.code()).append("] ").append(reason.messageVi()).append('\n');
        }
        text.append("\nThư được lưu lại trên trục liên thông (mã ").append(refused.messageKey()).append(").\n");
        text.append("\n---\nThe Hanoi document exchange hub did not take your message.\n\n");
        for (Reason reason : reasons) {
            text.append("[").append(reason.code()).append("] ").append(reason.messageEn()).append('\n');
        }
        text.append("\nThe message is kept on the hub (key ").append(refused.messageKey()).append(").\n");
        reply.setText(text.toString(), "UTF-8");
        reply.saveChanges();
        return reply;
    }
}
