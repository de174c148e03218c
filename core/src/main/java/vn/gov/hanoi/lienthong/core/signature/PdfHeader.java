package vn.gov.hanoi.lienthong.core.signature;

/** The "%PDF-" a PDF file starts with (ISO 32000-1, 7.5.2). */
public final class PdfHeader {

    private static final byte[] MAGIC = {'%', 'P', 'D', 'F', '-'};
    public static final int LENGTH = MAGIC.length;

    private PdfHeader() {
    }

    /** Whether these first bytes of a file are a PDF header. */
    public static boolean startsWith(byte[] bytes) {
        if (bytes.length < MAGIC.length) return false;
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) return false;
        }
        return true;
    }
}
