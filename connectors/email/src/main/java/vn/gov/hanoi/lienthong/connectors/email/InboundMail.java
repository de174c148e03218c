package vn.gov.hanoi.lienthong.connectors.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;

/**
 * A message from the hub's mailbox, read once into what intake needs: who sent it, to whom, its subject and
 * text, and its files under their decoded names.
 *
 * @param messageKey  the key under which the hub remembers having taken it: the Message-ID, or the hash of the
 *                    raw message when it has none
 * @param automatic   a message no one should answer (RFC 3834 Auto-Submitted, a bounce, the hub's own mail)
 * @param inReplyTo   the Message-IDs it answers (In-Reply-To, then References)
 */
public record InboundMail(String messageKey, String messageId, String fromAddress, String replyAddress,
                          List<String> recipientAddresses, String subject, String text, Date sentDate,
                          List<File> files, boolean automatic, List<String> inReplyTo) {

    /** A file of the message; the bytes are held because a mail is bounded by the mail server's size limit. */
    public record File(String name, String mediaType, String contentId, byte[] bytes) {

        public InputStreamSource content() {
            return new ByteArrayResource(bytes);
        }

        public String extension() {
            int dot = name.lastIndexOf('.');
            return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        }
    }

    public static InboundMail read(MimeMessage message, String rawSha256, String hubAddress)
            throws MessagingException, IOException {
        String messageId = message.getMessageID();
        String key = messageId == null || messageId.isBlank() ? "sha256:" + rawSha256 : messageId.strip();
        String from = firstAddress(message.getFrom()).orElse(null);
        String replyTo = firstAddress(message.getReplyTo()).orElse(from);
        List<String> recipients = new ArrayList<>();
        for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
            Address[] addresses = message.getRecipients(type);
            if (addresses == null) continue;
            for (Address address : addresses) {
                if (address instanceof InternetAddress internet) recipients.add(internet.getAddress());
            }
        }
        List<File> files = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        collect(message, files, text);
        // The hub composes a scanned letter's metadata from the mail's text itself, so it is the hub's to put in NFC:
        // a mailer writing windows-1258 (tone marks as combining characters) sends valid Vietnamese in another form.
        return new InboundMail(key, messageId, from, replyTo, List.copyOf(recipients), nfc(subjectOf(message)).strip(),
                nfc(text.toString()), message.getSentDate(), List.copyOf(files), isAutomatic(message, from, hubAddress),
                answered(message));
    }

    /**
     * What can be read of a message the hub cannot read whole (a part in a charset no one knows, a broken MIME
     * structure): its key, sender and subject where those can be read, so that it is refused and logged once.
     */
    public static InboundMail unreadable(MimeMessage message, String rawSha256, String hubAddress) {
        String messageId = null;
        String from = null;
        String subject = "";
        boolean automatic = true;
        try {
            messageId = message.getMessageID();
        } catch (MessagingException ignored) {
            // no Message-ID: the key is the raw message's hash
        }
        try {
            from = firstAddress(message.getFrom()).orElse(null);
            automatic = isAutomatic(message, from, hubAddress);
        } catch (MessagingException | RuntimeException ignored) {
            // no readable sender: no one to answer
        }
        try {
            subject = nfc(subjectOf(message)).strip();
        } catch (MessagingException | RuntimeException ignored) {
            // the subject stays empty
        }
        String key = messageId == null || messageId.isBlank() ? "sha256:" + rawSha256 : messageId.strip();
        return new InboundMail(key, messageId, from, from, List.of(), subject, "", null, List.of(), automatic, List.of());
    }

    private static String subjectOf(MimeMessage message) throws MessagingException {
        String raw = message.getHeader("Subject", null);
        return raw == null ? "" : EncodedWords.decode(raw);
    }

    private static String nfc(String text) {
        return text == null ? null : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
    }

    private static List<String> answered(MimeMessage message) throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (String header : List.of("In-Reply-To", "References")) {
            String[] values = message.getHeader(header);
            if (values == null) continue;
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("<[^<>\\s]+>").matcher(String.join(" ", values));
            while (id.find()) {
                if (!ids.contains(id.group())) ids.add(id.group());
            }
        }
        return List.copyOf(ids);
    }

    private static void collect(Part part, List<File> files, StringBuilder text) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, files, text);
            }
            return;
        }
        String fileName = decodedFileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (!attachment && part.isMimeType("text/plain") && text.isEmpty()) {
            text.append(textOf(part));
            return;
        }
        if (!attachment) return;
        try (InputStream in = part.getInputStream()) {
            String contentId = part instanceof jakarta.mail.internet.MimePart mime ? mime.getContentID() : null;
            if (contentId != null) contentId = contentId.replaceAll("^<|>$", "");
            files.add(new File(fileName == null ? "tep-dinh-kem" : fileName, baseType(part.getContentType()), contentId,
                    in.readAllBytes()));
        }
    }

    /** A text part in its charset; in one Java does not know, its bytes as UTF-8 (lossy, but the mail is taken). */
    private static String textOf(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            return content instanceof String s ? s : "";
        } catch (UnsupportedEncodingException unknownCharset) {
            try (InputStream in = part.getInputStream()) {
                String charset = new jakarta.mail.internet.ContentType(part.getContentType()).getParameter("charset");
                return new String(in.readAllBytes(), charset == null ? java.nio.charset.StandardCharsets.UTF_8
                        : EncodedWords.charsetOf(charset));
            }
        }
    }

    private static String decodedFileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null) return null;
        try {
            // RFC 2231 names are decoded by Jakarta Mail; some mailers still send RFC 2047 words in the name.
            return nfc(EncodedWords.decode(name));
        } catch (RuntimeException e) {
            return name;
        }
    }

    private static String baseType(String contentType) {
        if (contentType == null) return "application/octet-stream";
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static Optional<String> firstAddress(Address[] addresses) {
        if (addresses == null) return Optional.empty();
        for (Address address : addresses) {
            if (address instanceof InternetAddress internet) return Optional.of(internet.getAddress());
        }
        return Optional.empty();
    }

    /**
     * RFC 3834: no answer to automatic mail — Auto-Submitted, a delivery or disposition report, bulk or list mail
     * (Precedence, List-Id), a bounce from the mailer daemon, the hub's own mail. Answering them makes mail loops.
     */
    private static boolean isAutomatic(MimeMessage message, String from, String hubAddress) throws MessagingException {
        String[] autoSubmitted = message.getHeader("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted[0].strip().equalsIgnoreCase("no")) return true;
        if (message.isMimeType("multipart/report")) return true;
        String[] precedence = message.getHeader("Precedence");
        if (precedence != null && java.util.Set.of("bulk", "list", "junk").contains(precedence[0].strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (message.getHeader("List-Id") != null || message.getHeader("List-Unsubscribe") != null) return true;
        if (from == null) return true;
        String local = from.contains("@") ? from.substring(0, from.indexOf('@')).toLowerCase(Locale.ROOT) : from;
        if (local.equals("mailer-daemon") || local.equals("postmaster")) return true;
        return from.equalsIgnoreCase(hubAddress);
    }

    /** The addressees other than the hub's own mailbox. */
    public List<String> otherRecipients(String hubAddress) {
        return recipientAddresses.stream().filter(address -> !address.equalsIgnoreCase(hubAddress)
                && !isSubaddressOf(address, hubAddress)).toList();
    }

    /** The "+tag" parts of addresses like lienthong+000.01.01.H26@hanoi.gov.vn. */
    public List<String> hubSubaddressTags(String hubAddress) {
        return recipientAddresses.stream().filter(address -> isSubaddressOf(address, hubAddress))
                .map(address -> address.substring(address.indexOf('+') + 1, address.indexOf('@'))).toList();
    }

    private static boolean isSubaddressOf(String address, String hubAddress) {
        int plus = address.indexOf('+');
        int at = address.indexOf('@');
        int hubAt = hubAddress.indexOf('@');
        if (plus < 0 || at < plus || hubAt < 0) return false;
        return address.substring(0, plus).equalsIgnoreCase(hubAddress.substring(0, hubAt))
                && address.substring(at).equalsIgnoreCase(hubAddress.substring(hubAt));
    }
}
