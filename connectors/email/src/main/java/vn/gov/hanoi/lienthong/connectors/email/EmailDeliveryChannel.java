package vn.gov.hanoi.lienthong.connectors.email;

import jakarta.mail.internet.MimeMessage;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.delivery.DeliveryChannel;
import vn.gov.hanoi.lienthong.core.delivery.OutboundDocument;
import vn.gov.hanoi.lienthong.core.delivery.OutboundStatus;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.Channel;

/**
 * Delivery to an official mailbox (Article 6.2b) through the city's mail server: documents, and the statuses
 * of the documents the agency sent. The SMTP server accepting the message is the hand-over: a refusal or a
 * timeout throws, and the broker retries later.
 */
@Component
public class EmailDeliveryChannel implements DeliveryChannel {

    private final OfficialLetterMail letters;
    private final StatusMail statuses;
    private final CityMailServer mailServer;

    public EmailDeliveryChannel(OfficialLetterMail letters, StatusMail statuses, CityMailServer mailServer) {
        this.letters = letters;
        this.statuses = statuses;
        this.mailServer = mailServer;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String sendDocument(Agency recipient, OutboundDocument document) throws Exception {
        MimeMessage letter = letters.compose(mailServer.session(), mailServer.hubAddress(), recipient, document);
        mailServer.send(letter);
        // The mail server's acceptance is all the e-mail way gives back: the letter's Message-ID records it.
        return "smtp:" + letter.getMessageID();
    }

    @Override
    public void sendStatus(Agency sender, OutboundStatus status) throws Exception {
        mailServer.send(statuses.compose(mailServer.session(), mailServer.hubAddress(), sender, status));
    }
}
