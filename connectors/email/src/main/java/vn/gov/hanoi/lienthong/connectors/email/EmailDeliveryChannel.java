package vn.gov.hanoi.lienthong.connectors.email;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.Transport;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.delivery.DeliveryChannel;
import vn.gov.hanoi.lienthong.core.delivery.OutboundDocument;
import vn.gov.hanoi.lienthong.core.delivery.OutboundStatus;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.Channel;

/**
 * Delivery to an official mailbox (Article 6.2b) through the city's mail server. The SMTP server accepting
 * the message is the hand-over: a refusal or a timeout throws, and the broker retries later.
 */
@Component
public class EmailDeliveryChannel implements DeliveryChannel {

    private final OfficialLetterMail letters;
    private final Session session;
    private final String from;

    public EmailDeliveryChannel(OfficialLetterMail letters,
                                @Value("${hub.mail.smtp.host:localhost}") String host,
                                @Value("${hub.mail.smtp.port:25}") int port,
                                @Value("${hub.mail.smtp.starttls:false}") boolean startTls,
                                @Value("${hub.mail.smtp.timeout:30s}") Duration timeout,
                                @Value("${hub.mail.from:lienthong@hanoi.gov.vn}") String from) {
        this.letters = letters;
        this.from = from;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        properties.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
        properties.put("mail.mime.charset", "UTF-8");
        this.session = Session.getInstance(properties);
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void sendDocument(Agency recipient, OutboundDocument document) throws Exception {
        Transport.send(letters.compose(session, from, recipient, document));
    }

    @Override
    public void sendStatus(Agency sender, OutboundStatus status) {
        // A sender without a document system follows its documents with getStatusHistory; statuses by mail
        // come with the e-mail channel's second half (issue 4).
        throw new UnsupportedOperationException("statuses are not mailed yet");
    }
}
