package vn.gov.hanoi.lienthong.core.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.document.AttachmentRecord;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;

/**
 * Article 7.1: files are .doc, .docx, .odt, .fodt, or .pdf (scans) — judged by what the bytes are, with
 * Tika's container-aware detection, never by the name. A file whose name claims another allowed format
 * than its content is refused too: recipients' systems open files by their extension.
 */
@Component
@Order(40)
public class ContentFormatCheck implements LegalityCheck {

    static final String PDF = "application/pdf";
    static final String DOC = "application/msword";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    /** Tika's name for flat OpenDocument; which kind (text, spreadsheet…) is read from its root element. */
    static final String FLAT_ODF = "application/vnd.oasis.opendocument.tika.flat.document";
    static final String FODT = "application/vnd.oasis.opendocument.flat.text";
    static final String PKCS7_SIGNATURE = "application/pkcs7-signature";

    private static final Map<String, String> EXTENSIONS = Map.of(
            "pdf", PDF, "doc", DOC, "docx", DOCX, "odt", ODT, "fodt", FODT);
    private static final Map<String, String> NAMES = Map.of(
            PDF, "PDF", DOC, "Word 97-2003 (.doc)", DOCX, "Word (.docx)", ODT, "OpenDocument text (.odt)",
            FODT, "flat OpenDocument text (.fodt)");

    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    @Override
    public List<Finding> check(InspectedDocument document) {
        List<Finding> findings = new ArrayList<>();
        for (AttachmentRecord attachment : document.attachments()) {
            String type = detect(document, attachment);
            if (PKCS7_SIGNATURE.equals(type) && signsAnotherAttachment(document, attachment)) {
                continue;
            }
            if (!NAMES.containsKey(type)) {
                findings.add(Finding.refusal(ReasonCode.FORMAT_NOT_ALLOWED.with(attachment.name(), describe(type))));
            } else if (!type.equals(EXTENSIONS.get(extension(attachment.name())))) {
                findings.add(Finding.refusal(ReasonCode.FORMAT_NAME_MISMATCH.with(attachment.name(), NAMES.get(type))));
            }
        }
        return findings;
    }

    /** A detached signature (CAdES .p7s) travels beside the file it signs: "X.p7s" signs the attachment "X". */
    private static boolean signsAnotherAttachment(InspectedDocument document, AttachmentRecord signature) {
        String name = signature.name();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".p7s")) return false;
        String signed = name.substring(0, name.length() - 4);
        return document.attachments().stream().anyMatch(other -> other.name().equals(signed));
    }

    /** The media type of a file's content (parameters dropped); the file's name is not shown to Tika. */
    String detect(InspectedDocument document, AttachmentRecord attachment) {
        try (TikaInputStream in = TikaInputStream.get(document.open(attachment))) {
            MediaType type = detector.detect(in, new Metadata()).getBaseType();
            if (FLAT_ODF.equals(type.toString())) {
                return isFlatText(document, attachment) ? FODT : type.toString();
            }
            return type.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attachment " + attachment.sha256(), e);
        }
    }

    private static boolean isFlatText(InspectedDocument document, AttachmentRecord attachment) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = document.open(attachment)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    String mimetype = reader.getAttributeValue("urn:oasis:names:tc:opendocument:xmlns:office:1.0", "mimetype");
                    return ODT.equals(mimetype);
                }
            }
            return false;
        } catch (XMLStreamException e) {
            return false;
        }
    }

    private static String describe(String type) {
        return switch (type) {
            case "application/x-msdownload", "application/x-dosexec", "application/x-executable",
                 "application/x-elf", "application/x-mach-o-executable" -> "an executable program (" + type + ")";
            default -> type;
        };
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
