package vn.gov.hanoi.lienthong.connectors.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.policy.DocumentPolicy;
import vn.gov.hanoi.lienthong.core.policy.DocumentType;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.schemas.edxml.AttachmentType;
import vn.gov.hanoi.lienthong.schemas.edxml.BodyType;
import vn.gov.hanoi.lienthong.schemas.edxml.CodeType;
import vn.gov.hanoi.lienthong.schemas.edxml.DocumentTypeType;
import vn.gov.hanoi.lienthong.schemas.edxml.EdXML;
import vn.gov.hanoi.lienthong.schemas.edxml.EnvelopeType;
import vn.gov.hanoi.lienthong.schemas.edxml.HeaderType;
import vn.gov.hanoi.lienthong.schemas.edxml.MessageHeaderType;
import vn.gov.hanoi.lienthong.schemas.edxml.OrganizationType;
import vn.gov.hanoi.lienthong.schemas.edxml.PromulgationInfoType;
import vn.gov.hanoi.lienthong.schemas.edxml.SignerInfoType;

/**
 * A scanned paper letter mailed from an official mailbox (Article 8.3) as a document: its metadata taken from
 * the mail (the labelled lines the hub itself writes in its letters — "Số, ký hiệu:", "Ngày ban hành:",
 * "Loại văn bản:", "Trích yếu:", "Người ký:" — then the subject) and, where the scan has a text layer, from the
 * letter's own heading ("Số: 15/SNV-VP", "Hà Nội, ngày 20 tháng 11 năm 2026"). The result is an unsigned
 * edXML envelope that goes through inspection like any other; what cannot be found is refused by reply.
 *
 * PDFBox reads the text layer: it is already on the class path (the PAdES validator uses it), and Tika's PDF
 * module would bring a second PDFBox version beside it.
 */
@Component
public class ScannedLetterReader {

    private static final Logger LOG = LoggerFactory.getLogger(ScannedLetterReader.class);
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The formats a document is exchanged in (Article 7.1), and detached signatures beside them. */
    static final Set<String> DOCUMENT_EXTENSIONS = Set.of("pdf", "doc", "docx", "odt", "fodt", "p7s");
    private static final Pattern NUMBER_AND_NOTATION =
            Pattern.compile("(?iu)\\bS[ốôo]\\s*(?:,\\s*k[ýy]\\s*hi[ệe]u)?\\s*:?\\s*(\\d{1,7})\\s*/\\s*([\\p{L}\\p{N}]+(?:\\s*-\\s*[\\p{L}\\p{N}]+)*)");
    private static final Pattern DATE_IN_WORDS =
            Pattern.compile("(?iu)(?:([\\p{L} ]{2,40}),\\s*)?ng[àa]y\\s+(\\d{1,2})\\s+th[áa]ng\\s+(\\d{1,2})\\s+n[ăa]m\\s+(\\d{4})");
    private static final Pattern DATE_IN_DIGITS = Pattern.compile("(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})");
    private static final Pattern LABELLED_LINE = Pattern.compile("(?m)^\\s*([\\p{L} ,]{3,30}?)\\s*:\\s*(.+?)\\s*$");
    private static final Pattern ORGAN_ID = Pattern.compile("[0-9A-Z]{2,3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9]{2}");
    private static final JAXBContext EDXML;
    private static final DatatypeFactory DATATYPES;

    static {
        try {
            EDXML = JAXBContext.newInstance(EdXML.class);
            DATATYPES = DatatypeFactory.newInstance();
        } catch (JAXBException | DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final DocumentPolicy policy;

    public ScannedLetterReader(DocumentPolicy policy) {
        this.policy = policy;
    }

    /** The files of the mail that are documents (others, such as a mailer's logo, stay only in the kept mail). */
    public static List<InboundMail.File> documentFiles(InboundMail mail) {
        return mail.files().stream().filter(file -> DOCUMENT_EXTENSIONS.contains(file.extension())).toList();
    }

    /** Organ codes written in the mail's "Nơi nhận:" line. */
    public static List<String> recipientsNamedInText(InboundMail mail) {
        String places = labelled(mail.text()).get("nơi nhận");
        if (places == null) return List.of();
        List<String> organIds = new ArrayList<>();
        Matcher matcher = ORGAN_ID.matcher(places);
        while (matcher.find()) organIds.add(matcher.group());
        return organIds;
    }

    /**
     * The edXML envelope of a scanned letter.
     *
     * @param documentId the DocumentId to give it: derived from the mail, so that the same mail read twice is
     *                   the same document
     */
    public byte[] envelope(Agency sender, InboundMail mail, List<String> recipientOrganIds, String documentId) {
        Map<String, String> labels = labelled(mail.text());
        List<InboundMail.File> files = documentFiles(mail);
        String scanText = files.stream().filter(file -> file.extension().equals("pdf")).findFirst()
                .map(ScannedLetterReader::textLayer).orElse("");

        Matcher code = firstMatch(NUMBER_AND_NOTATION,
                "Số: " + labels.getOrDefault("số, ký hiệu", ""), scanText, mail.subject());
        if (code == null) {
            throw RefusedException.because(ReasonCode.METADATA_MISSING,
                    "the number and notation (số, ký hiệu): write 'Số, ký hiệu: 15/SNV-VP' in the mail, or begin the "
                            + "subject with 'Số 15/SNV-VP:'; the scan has no readable heading");
        }
        String number = code.group(1);
        String notation = code.group(2).replaceAll("\\s+", "");

        DocumentType type = Optional.ofNullable(labels.get("loại văn bản")).flatMap(policy::typeNamed)
                .or(() -> policy.typeOfNotation(notation))
                .orElseThrow(() -> RefusedException.because(ReasonCode.METADATA_MISSING,
                        "the document type (loại văn bản) of notation " + notation));

        String place = "Hà Nội";
        LocalDate date = null;
        Matcher inWords = firstMatch(DATE_IN_WORDS, labels.getOrDefault("ngày ban hành", ""), scanText);
        if (inWords != null) {
            date = safeDate(inWords.group(4), inWords.group(3), inWords.group(2));
            if (inWords.group(1) != null && !inWords.group(1).isBlank()) place = inWords.group(1).strip();
        }
        Matcher inDigits = date == null ? firstMatch(DATE_IN_DIGITS, labels.getOrDefault("ngày ban hành", "")) : null;
        if (inDigits != null) date = safeDate(inDigits.group(3), inDigits.group(2), inDigits.group(1));
        if (date == null && mail.sentDate() != null) date = LocalDate.ofInstant(mail.sentDate().toInstant(), HANOI);
        if (date == null) {
            throw RefusedException.because(ReasonCode.METADATA_MISSING, "the date of promulgation (ngày ban hành)");
        }

        String subject = labels.getOrDefault("trích yếu", withoutCode(mail.subject()));
        if (subject.isBlank()) {
            throw RefusedException.because(ReasonCode.METADATA_MISSING, "the summary (trích yếu): write it as the mail's subject");
        }
        String signer = labels.getOrDefault("người ký", "Theo bản quét");

        MessageHeaderType header = new MessageHeaderType();
        OrganizationType from = new OrganizationType();
        from.setOrganId(sender.organId());
        from.setOrganName(sender.name());
        from.setEmail(sender.mailbox());
        header.setFrom(from);
        for (String recipient : recipientOrganIds) {
            OrganizationType to = new OrganizationType();
            to.setOrganId(recipient);
            header.getTo().add(to);
        }
        CodeType codeType = new CodeType();
        codeType.setCodeNumber(number);
        codeType.setCodeNotation(notation);
        header.setCode(codeType);
        PromulgationInfoType promulgation = new PromulgationInfoType();
        promulgation.setPlace(place);
        promulgation.setPromulgationDate(DATATYPES.newXMLGregorianCalendar(date.toString()));
        header.setPromulgationInfo(promulgation);
        DocumentTypeType documentType = new DocumentTypeType();
        documentType.setType(BigInteger.valueOf(type.number()));
        documentType.setTypeName(type.name());
        header.setDocumentType(documentType);
        header.setSubject(subject);
        SignerInfoType signerInfo = new SignerInfoType();
        signerInfo.setFullName(signer);
        header.setSignerInfo(signerInfo);
        header.setDocumentId(documentId);

        HeaderType headerType = new HeaderType();
        headerType.setMessageHeader(header);
        EnvelopeType envelope = new EnvelopeType();
        envelope.setEdXMLHeader(headerType);
        BodyType body = new BodyType();
        for (InboundMail.File file : files) {
            AttachmentType attachment = new AttachmentType();
            attachment.setContentId(contentIdOf(file, files));
            attachment.setAttachmentName(file.name());
            attachment.setContentType(file.mediaType());
            body.getAttachment().add(attachment);
        }
        envelope.setEdXMLBody(body);
        EdXML message = new EdXML();
        message.setEdXMLEnvelope(envelope);
        LOG.info("Scanned letter {}/{} ({}) of {} read from mail {}", number, notation, type.name(), sender.organId(),
                mail.messageKey());
        return marshal(message);
    }

    /** The content id a file of the mail travels under: its own Content-ID, or its position. */
    static String contentIdOf(InboundMail.File file, List<InboundMail.File> files) {
        return file.contentId() != null && !file.contentId().isBlank() ? file.contentId()
                : "tep-" + (files.indexOf(file) + 1);
    }

    private static String textLayer(InboundMail.File pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(2);
            return Normalizer.normalize(stripper.getText(document), Normalizer.Form.NFC);
        } catch (IOException | RuntimeException e) {
            // An image-only or damaged scan: the mail's own lines have to say it.
            LOG.debug("No text layer in '{}': {}", pdf.name(), e.toString());
            return "";
        }
    }

    private static Map<String, String> labelled(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null) return labels;
        Matcher matcher = LABELLED_LINE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC));
        while (matcher.find()) {
            labels.putIfAbsent(matcher.group(1).strip().toLowerCase(Locale.ROOT), matcher.group(2).strip());
        }
        return labels;
    }

    private static Matcher firstMatch(Pattern pattern, String... texts) {
        for (String text : texts) {
            if (text == null) continue;
            Matcher matcher = pattern.matcher(Normalizer.normalize(text, Normalizer.Form.NFC));
            if (matcher.find()) return matcher;
        }
        return null;
    }

    private static String withoutCode(String subject) {
        return NUMBER_AND_NOTATION.matcher(subject).replaceFirst("").replaceFirst("^[\\s:–—-]+", "").strip();
    }

    private static LocalDate safeDate(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] marshal(EdXML message) {
        try {
            Marshaller marshaller = EDXML.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(message, out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }
}
