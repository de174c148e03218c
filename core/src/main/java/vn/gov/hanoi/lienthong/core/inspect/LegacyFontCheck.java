package vn.gov.hanoi.lienthong.core.inspect;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.tika.io.TikaInputStream;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.document.AttachmentRecord;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.signature.PdfHeader;

/**
 * A word-processor file set in a legacy Vietnamese font (.VnTime… for TCVN3, VNI-Times… for VNI) almost
 * always holds legacy-encoded text. The file is not refused — its text cannot be judged without fully
 * parsing it — but the validation report flags it for the receiving clerk (a warning).
 */
@Component
@Order(50)
public class LegacyFontCheck implements LegalityCheck {

    /** TCVN3 (ABC) fonts are named .VnTime, .VnArial…; VNI fonts VNI-Times, VNI-Helve… */
    private static final List<String> FONT_PREFIXES = List.of(".Vn", "VNI-");
    /** Font tables sit in small parts; reading more of a file than this finds nothing new. */
    private static final int SCAN_LIMIT = 16 * 1024 * 1024;

    @Override
    public List<Finding> check(InspectedDocument document) {
        List<Finding> findings = new ArrayList<>();
        for (AttachmentRecord attachment : document.attachments()) {
            for (String font : fontsIn(document, attachment)) {
                String encoding = font.startsWith(".Vn") ? "TCVN3 (ABC)" : "VNI";
                findings.add(Finding.warning(ReasonCode.LEGACY_FONT.with(attachment.name(), font, encoding)));
            }
        }
        return findings;
    }

    private static Set<String> fontsIn(InspectedDocument document, AttachmentRecord attachment) {
        Set<String> fonts = new LinkedHashSet<>();
        try (InputStream in = new BufferedInputStream(document.open(attachment))) {
            in.mark(4);
            byte[] head = in.readNBytes(4);
            in.reset();
            if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                try (TikaInputStream file = TikaInputStream.get(in)) {
                    scanZipXmlParts(file.getPath(), fonts);
                }
            } else {
                // .doc keeps font names in UTF-16LE, .fodt in UTF-8: look for both. A PDF names its fonts in
                // ASCII (/BaseFont /.VnTime): decoding it as UTF-16 too was a tenth of the hub's CPU under load.
                byte[] bytes = in.readNBytes(SCAN_LIMIT);
                find(new String(bytes, StandardCharsets.ISO_8859_1), fonts);
                if (!PdfHeader.startsWith(bytes)) {
                    find(new String(bytes, StandardCharsets.UTF_16LE), fonts);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attachment " + attachment.sha256(), e);
        }
        return fonts;
    }

    /** Reads the XML parts only, through the central directory: the other entries are never inflated. */
    private static void scanZipXmlParts(Path archive, Set<String> fonts) throws IOException {
        long scanned = 0;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements() && scanned < SCAN_LIMIT) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(".xml")) continue;
                try (InputStream part = zip.getInputStream(entry)) {
                    byte[] bytes = part.readNBytes((int) (SCAN_LIMIT - scanned));
                    scanned += bytes.length;
                    find(new String(bytes, StandardCharsets.UTF_8), fonts);
                }
            }
        } catch (ZipException e) {
            // Not a readable archive: ArchiveBombCheck and ContentFormatCheck say so.
        }
    }

    /**
     * The names that start with a legacy font family's prefix, in order of appearance. Found by indexOf (a
     * vectorised search) rather than by a regular expression, whose alternation is tried at every position of
     * a file of hundreds of kilobytes (it was the inspection's second-largest cost under load).
     */
    static void find(String text, Set<String> fonts) {
        TreeMap<Integer, String> found = new TreeMap<>();
        for (String prefix : FONT_PREFIXES) {
            int from = text.indexOf(prefix);
            while (from >= 0) {
                int end = from + prefix.length();
                while (end < text.length() && isAsciiLetterOrDigit(text.charAt(end))) end++;
                if (end > from + prefix.length()) found.put(from, text.substring(from, end));
                from = text.indexOf(prefix, end);
            }
        }
        fonts.addAll(found.values());
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
