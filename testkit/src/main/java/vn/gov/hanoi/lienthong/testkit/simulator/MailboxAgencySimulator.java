package vn.gov.hanoi.lienthong.testkit.simulator;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agency without a document system, as the hub sees it: a clerk at an official mailbox. It reads its mailbox
 * over IMAP, keeps the documents the hub mailed (by X-LienThong-Document-Id: the envelope edxml.xml and the
 * files' SHA-256) and the statuses; it answers a letter with a status line, as the letter asks.
 */
public final class MailboxAgencySimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxAgencySimulator.class);

    private final String address;
    private final Session session;
    private final String imapHost;
    private final int imapPort;
    private final String login;
    private final String password;
    private final Map<String, ReceivedDocument> documents = new ConcurrentHashMap<>();
    private final List<MimeMessage> statusMails = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor();
    private volatile Consumer<ReceivedDocument> onFirstReceipt = document -> { };
    private volatile boolean reading = true;

    private MailboxAgencySimulator(String address, String imapHost, int imapPort, String login, String password,
                                   String smtpHost, int smtpPort) {
        this.address = address;
        this.imapHost = imapHost;
        this.imapPort = imapPort;
        this.login = login;
        this.password = password;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtpHost);
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        properties.put("mail.mime.charset", "UTF-8");
        this.session = Session.getInstance(properties);
        reader.scheduleWithFixedDelay(this::readMailbox, 200, 300, TimeUnit.MILLISECONDS);
    }

    public static MailboxAgencySimulator start(String address, String imapHost, int imapPort, String login, String password,
                                               String smtpHost, int smtpPort) {
        return new MailboxAgencySimulator(address, imapHost, imapPort, login, password, smtpHost, smtpPort);
    }

    public String address() {
        return address;
    }

    /** A clerk who does not read the mailbox (on leave, say): letters wait in it. */
    public void setReading(boolean reading) {
        this.reading = reading;
    }

    public void onFirstReceipt(Consumer<ReceivedDocument> action) {
        this.onFirstReceipt = action;
    }

    public Map<String, ReceivedDocument> documents() {
        return Map.copyOf(documents);
    }

    public List<MimeMessage> statusMails() {
        synchronized (statusMails) {
            return List.copyOf(statusMails);
        }
    }

    /** Answers the hub's letter about this document with "Trạng thái: {code}". */
    public void replyWithStatus(String hubDocumentId, String code, String note) throws Exception {
        MimeMessage letter = letters.get(hubDocumentId);
        MimeMessage reply = (MimeMessage) letter.reply(false);
        reply.setFrom(new InternetAddress(address));
        reply.setText("Trạng thái: " + code + "\nGhi chú: " + note + "\n\n> Mã văn bản trên trục liên thông: " + hubDocumentId
                + "\n", "UTF-8");
        reply.saveChanges();
        // The letter was read over IMAP; the answer leaves through the agency's SMTP server.
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(reply, reply.getAllRecipients());
        }
    }

    private final Map<String, MimeMessage> letters = new ConcurrentHashMap<>();

    private void readMailbox() {
        if (!reading) return;
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect(imapHost, imapPort, login, password);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                for (Message message : inbox.getMessages()) {
                    if (message.isSet(Flags.Flag.SEEN)) continue;
                    MimeMessage copy = new MimeMessage((MimeMessage) message);
                    message.setFlag(Flags.Flag.SEEN, true);
                    take(copy);
                }
                inbox.close(false);
            } finally {
                store.close();
            }
        } catch (Exception e) {
            LOG.warn("Mailbox {} could not be read: {}", address, e.toString());
        }
    }

    private void take(MimeMessage message) throws Exception {
        String[] documentId = message.getHeader("X-LienThong-Document-Id");
        if (documentId == null) return;
        if (message.getHeader("X-LienThong-Status-Code") != null) {
            statusMails.add(message);
            return;
        }
        byte[] envelope = null;
        Map<String, String> hashes = new LinkedHashMap<>();
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (!Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) continue;
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readAllBytes();
            }
            if ("edxml.xml".equals(part.getFileName())) envelope = bytes;
            else hashes.put(part.getFileName(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        String senderOrganId = envelope == null ? null : firstOrganId(new String(envelope, java.nio.charset.StandardCharsets.UTF_8));
        ReceivedDocument received = new ReceivedDocument(documentId[0], senderOrganId, envelope, hashes);
        letters.put(documentId[0], message);
        if (documents.putIfAbsent(documentId[0], received) == null) {
            onFirstReceipt.accept(received);
        }
    }

    private static String firstOrganId(String envelope) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("<(?:[A-Za-z0-9]+:)?OrganId>([^<]+)</").matcher(envelope);
        return matcher.find() ? matcher.group(1) : null;
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
