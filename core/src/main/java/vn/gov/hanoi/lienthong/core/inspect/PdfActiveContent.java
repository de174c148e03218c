package vn.gov.hanoi.lienthong.core.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;

/**
 * What in a PDF runs or carries code rather than shows a page: JavaScript (a /JS action, the document's
 * /JavaScript name tree — whether an /OpenAction, an /AA trigger, a link or a form field runs it), /Launch
 * actions (start a program), embedded files (/EmbeddedFiles, /EF). Found in PDFBox's object graph, so that
 * dictionaries compressed in object streams are seen too; a PDF too large to parse is scanned for the names.
 */
public final class PdfActiveContent {

    static final String JAVASCRIPT = "JavaScript";
    static final String LAUNCH = "Launch action";
    static final String EMBEDDED_FILES = "embedded files";

    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName LAUNCH_ACTION = COSName.getPDFName("Launch");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
    private static final COSName EF = COSName.getPDFName("EF");

    private PdfActiveContent() {
    }

    /** The kinds of active content in a parsed PDF, sorted; empty for a PDF that only shows pages. */
    public static Set<String> in(COSDocument pdf) {
        Set<String> found = new TreeSet<>();
        for (Map.Entry<COSObjectKey, Long> entry : pdf.getXrefTable().entrySet()) {
            COSObject object = pdf.getObjectFromPool(entry.getKey());
            COSBase base = object == null ? null : object.getObject();
            if (base != null) visit(base, found);
        }
        visit(pdf.getTrailer(), found);
        return found;
    }

    /** Walks one object and the direct objects inside it; indirect ones are visited from the xref table. */
    private static void visit(COSBase root, Set<String> found) {
        Deque<COSBase> pending = new ArrayDeque<>();
        pending.push(root);
        int budget = 100_000;
        while (!pending.isEmpty() && budget-- > 0) {
            COSBase base = pending.pop();
            if (base instanceof COSDictionary dictionary) {
                inspect(dictionary, found);
                for (COSBase value : dictionary.getValues()) {
                    if (!(value instanceof COSObject)) pending.push(value);
                }
            } else if (base instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    COSBase item = array.get(i);
                    if (item != null && !(item instanceof COSObject)) pending.push(item);
                }
            }
        }
    }

    private static void inspect(COSDictionary dictionary, Set<String> found) {
        COSName action = dictionary.getCOSName(COSName.S);
        if (COSName.JAVA_SCRIPT.equals(action) || dictionary.containsKey(JS)
                || dictionary.containsKey(COSName.JAVA_SCRIPT)) {
            found.add(JAVASCRIPT);
        }
        if (LAUNCH_ACTION.equals(action)) {
            found.add(LAUNCH);
        }
        if (dictionary.containsKey(COSName.EMBEDDED_FILES) || dictionary.containsKey(EF)
                || EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE))) {
            found.add(EMBEDDED_FILES);
        }
    }

    /**
     * For a PDF too large to parse here: the same names, looked for in its bytes, read once as a stream. A
     * dictionary inside a compressed object stream escapes this scan; the warning says it was only a scan.
     */
    public static Set<String> scan(InputStream pdf) throws IOException {
        Map<String, String> names = Map.of("/JavaScript", JAVASCRIPT, "/JS", JAVASCRIPT, "/Launch", LAUNCH,
                "/EmbeddedFile", EMBEDDED_FILES);
        int longest = names.keySet().stream().mapToInt(String::length).max().orElseThrow();
        Set<String> found = new TreeSet<>();
        byte[] buffer = new byte[64 * 1024 + longest + 1];
        int carried = 0;
        int read;
        while ((read = pdf.read(buffer, carried, buffer.length - carried)) > 0) {
            int end = carried + read;
            String block = new String(buffer, 0, end, StandardCharsets.ISO_8859_1);
            for (Map.Entry<String, String> name : names.entrySet()) {
                int at = block.indexOf(name.getKey());
                while (at >= 0) {
                    int after = at + name.getKey().length();
                    // A name ends at a delimiter: "/JS" is not "/JSFoo"; at the block's end, the next block decides.
                    if (after < end && isDelimiter(block.charAt(after))) {
                        found.add(name.getValue());
                        break;
                    }
                    at = block.indexOf(name.getKey(), at + 1);
                }
            }
            carried = Math.min(longest, end);
            System.arraycopy(buffer, end - carried, buffer, 0, carried);
        }
        return found;
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || "()<>[]{}/%".indexOf(c) >= 0;
    }
}
