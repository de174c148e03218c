package vn.gov.hanoi.lienthong.connectors.email;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.document.DeliveryRecord;
import vn.gov.hanoi.lienthong.core.document.DeliveryStore;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;
import vn.gov.hanoi.lienthong.core.status.StatusCodes;
import vn.gov.hanoi.lienthong.core.status.StatusMessages;

/**
 * A status by mail from an agency without a document system (Articles 7.2, 8.2b): the clerk answers the hub's
 * letter with a line "Trạng thái: 03" (the code, or its name: đã nhận, đã vào sổ, đã phân công, đang xử lý,
 * đã hoàn thành, từ chối) and, if wished, "Ghi chú: …". The document is the one of the letter answered
 * (In-Reply-To, as the hub recorded the letter's Message-ID), or the one whose hub id the quoted letter shows.
 * The status becomes an edXML status message from the agency, which the hub takes like one sent over SOAP.
 */
@Component
public class StatusReplyReader {

    private static final Pattern STATUS_LINE = Pattern.compile("(?imu)^\\s*trạng thái\\s*:\\s*(.+?)\\s*$");
    private static final Pattern NOTE_LINE = Pattern.compile("(?imu)^\\s*ghi chú\\s*:\\s*(.+?)\\s*$");
    private static final Pattern HUB_ID = Pattern.compile(
            "(?iu)mã văn bản trên trục liên thông\\s*:\\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    private static final Map<String, String> NAMES = Map.of(
            "đã nhận", StatusCodes.ARRIVED, "đã đến", StatusCodes.ARRIVED, "từ chối", StatusCodes.REFUSED,
            "đã vào sổ", StatusCodes.REGISTERED, "đã phân công", StatusCodes.ASSIGNED,
            "đang xử lý", StatusCodes.IN_PROGRESS, "đã hoàn thành", StatusCodes.DONE);

    /** A status the mail carries: about which document, and the edXML status message for it. */
    public record StatusReply(UUID documentId, String statusCode, byte[] statusMessage) {
    }

    private final DeliveryStore deliveries;
    private final DocumentStore documents;

    public StatusReplyReader(DeliveryStore deliveries, DocumentStore documents) {
        this.deliveries = deliveries;
        this.documents = documents;
    }

    /** Empty when the mail carries no status line (it is then read as a document). */
    public Optional<StatusReply> read(Agency reporter, InboundMail mail, List<String> inReplyTo) {
        String text = Normalizer.normalize(mail.text() == null ? "" : mail.text(), Normalizer.Form.NFC);
        Matcher statusLine = STATUS_LINE.matcher(text);
        if (!statusLine.find()) return Optional.empty();
        Optional<String> code = codeOf(statusLine.group(1));
        if (code.isEmpty()) return Optional.empty();
        Optional<DocumentRecord> document = inReplyTo.stream()
                .map(id -> deliveries.findByAcknowledgement("smtp:" + id))
                .flatMap(Optional::stream).map(DeliveryRecord::documentId).findFirst()
                .or(() -> {
                    Matcher hubId = HUB_ID.matcher(text);
                    return hubId.find() ? Optional.of(UUID.fromString(hubId.group(1))) : Optional.empty();
                })
                .flatMap(documents::find);
        if (document.isEmpty()) return Optional.empty();
        Matcher note = NOTE_LINE.matcher(text);
        String description = note.find() ? note.group(1) : StatusCodes.vietnameseName(code.get());
        Instant at = mail.sentDate() == null ? Instant.now() : mail.sentDate().toInstant();
        return Optional.of(new StatusReply(document.get().id(), code.get(),
                statusMessage(reporter.organId(), document.get(), code.get(), description, at)));
    }

    private static Optional<String> codeOf(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        Matcher digits = Pattern.compile("^0?([1-6])\\b").matcher(wanted);
        if (digits.find()) return Optional.of("0" + digits.group(1));
        return NAMES.entrySet().stream().filter(entry -> wanted.startsWith(entry.getKey())).map(Map.Entry::getValue).findFirst();
    }

    private static byte[] statusMessage(String reporter, DocumentRecord document, String code, String description, Instant at) {
        return StatusMessages.message(StatusMessages.status(reporter, document.senderOrganId(), document.senderDocumentId(), code,
                description, at, java.time.ZoneId.systemDefault()));
    }
}
