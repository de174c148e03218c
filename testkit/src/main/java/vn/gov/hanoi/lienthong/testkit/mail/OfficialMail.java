package vn.gov.hanoi.lienthong.testkit.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * A mail as a clerk (or a clerk's mail program) sends it from an official mailbox: to the hub's mailbox, with
 * copies, a subject, a text and files. For the e-mail channel's tests and the conformance kit.
 */
public final class OfficialMail {

    private final String from;
    private final List<String> to = new ArrayList<>();
    private final List<String> cc = new ArrayList<>();
    private String subject = "";
    private String text = "";
    private String messageId;
    private final List<Object[]> files = new ArrayList<>();

    private OfficialMail(String from) {
        this.from = from;
    }

    public static OfficialMail from(String address) {
        return new OfficialMail(address);
    }

    public OfficialMail to(String... addresses) {
        to.addAll(List.of(addresses));
        return this;
    }

    public OfficialMail cc(String... addresses) {
        cc.addAll(List.of(addresses));
        return this;
    }

    public OfficialMail subject(String subject) {
        this.subject = subject;
        return this;
    }

    public OfficialMail text(String text) {
        this.text = text;
        return this;
    }

    /** Fixes the Message-ID (a mail program's resend of the same message keeps it). */
    public OfficialMail messageId(String messageId) {
        this.messageId = messageId;
        return this;
    }

    /** A file; a Content-ID is set when given (an edXML mail names its files by ContentId). */
    public OfficialMail file(String name, String mediaType, byte[] bytes, String contentId) {
        files.add(new Object[] {name, mediaType, bytes, contentId});
        return this;
    }

    public OfficialMail file(String name, String mediaType, byte[] bytes) {
        return file(name, mediaType, bytes, null);
    }

    public MimeMessage toMessage(Session session) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (messageId == null) super.updateMessageID();
                else setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        for (String address : to) message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
        for (String address : cc) message.addRecipient(MimeMessage.RecipientType.CC, new InternetAddress(address));
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new java.util.Date());
        MimeMultipart parts = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        parts.addBodyPart(body);
        for (Object[] file : files) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new ByteArrayDataSource((byte[]) file[2], (String) file[1])));
            part.setFileName((String) file[0]);
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            if (file[3] != null) part.setContentID("<" + file[3] + ">");
            parts.addBodyPart(part);
        }
        message.setContent(parts);
        message.saveChanges();
        return message;
    }

    /** Sends through an SMTP server (the city's, or a test one on loopback). */
    public void send(String smtpHost, int smtpPort) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtpHost);
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        properties.put("mail.mime.charset", "UTF-8");
        Transport.send(toMessage(Session.getInstance(properties)));
    }
}
