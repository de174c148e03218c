package vn.gov.hanoi.lienthong.core.signature;

import java.util.Arrays;

/**
 * Where each revision of a PDF ends: after each {@code %%EOF} marker and the end of line that follows it — the
 * revisions DSS's validation compares a signature with. It finds the same ends as DSS 6.2's
 * {@code PAdESUtils.extractRevisions}, which reads the file one byte at a time through two synchronized streams and
 * copies its line buffer into a new array at every byte (38 % of the hub's CPU under load, for a 220 KiB PDF); this
 * walks the bytes already in memory and allocates nothing but the answer.
 *
 * <p>The same rules, byte for byte: a marker counts only where DSS's reader would see it — at the start of the file,
 * just after a CR or LF, or a multiple of six bytes into a line (DSS's line buffer is emptied when it grows past the
 * marker's five bytes); a marker is followed by LF, CR or CR LF, which belong to the revision, or by one other byte,
 * which DSS's reader consumes without looking at it. So {@code %%EOF} inside a stream's binary data counts when DSS
 * would count it, and the revision DSS builds there is the revision this reports: the verdict stays DSS's.
 */
public final class PdfRevisionEnds {

    private static final byte[] MARKER = {'%', '%', 'E', 'O', 'F'};
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private PdfRevisionEnds() {
    }

    /** The length of each revision, in the order they appear (each is the file's first that many bytes). */
    public static int[] of(byte[] pdf) {
        int[] ends = new int[4];
        int found = 0;
        int next = 0;
        int lineStart = 0;
        while (next < pdf.length) {
            byte read = pdf[next++];
            int lineLength = next - lineStart;
            if (lineLength == MARKER.length && isMarkerAt(pdf, lineStart)) {
                int end = next;
                if (next < pdf.length) {
                    byte after = pdf[next++];
                    if (after == LF) {
                        end++;
                    } else if (after == CR) {
                        end++;
                        if (next < pdf.length && pdf[next++] == LF) end++;
                    }
                }
                if (found == ends.length) ends = Arrays.copyOf(ends, found * 2);
                ends[found++] = end;
                lineStart = next;
            } else if (read == CR || read == LF || lineLength > MARKER.length) {
                lineStart = next;
            }
        }
        return Arrays.copyOf(ends, found);
    }

    private static boolean isMarkerAt(byte[] pdf, int start) {
        for (int i = 0; i < MARKER.length; i++) {
            if (pdf[start + i] != MARKER[i]) return false;
        }
        return true;
    }
}
