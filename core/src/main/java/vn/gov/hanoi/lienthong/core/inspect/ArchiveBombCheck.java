package vn.gov.hanoi.lienthong.core.inspect;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.document.AttachmentRecord;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;

/**
 * .docx and .odt files are zip archives, and a zip can inflate a few kilobytes into gigabytes. Every
 * zip-based file is inflated once, as a stream, counting what comes out against what went in; the sizes
 * its headers declare are not trusted. It is refused past a total size, a number of entries, or a
 * compression ratio no office document reaches.
 */
@Component
@Order(35)
public class ArchiveBombCheck implements LegalityCheck {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** Ratios are judged only past this much output: small, very repetitive XML parts compress well. */
    private static final long RATIO_FLOOR = 1 << 20;

    private final long maxInflatedBytes;
    private final int maxEntries;
    private final int maxRatio;

    public ArchiveBombCheck(@Value("${hub.inspect.archive.max-inflated-bytes:268435456}") long maxInflatedBytes,
                            @Value("${hub.inspect.archive.max-entries:10000}") int maxEntries,
                            @Value("${hub.inspect.archive.max-ratio:100}") int maxRatio) {
        this.maxInflatedBytes = maxInflatedBytes;
        this.maxEntries = maxEntries;
        this.maxRatio = maxRatio;
    }

    @Override
    public List<Finding> check(InspectedDocument document) {
        List<Finding> findings = new ArrayList<>();
        for (AttachmentRecord attachment : document.attachments()) {
            try (InputStream raw = new BufferedInputStream(document.open(attachment))) {
                if (!startsWithZipMagic(raw)) continue;
                String excess = excess(raw);
                if (excess != null) {
                    findings.add(Finding.refusal(ReasonCode.ARCHIVE_BOMB.with(attachment.name(), excess)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read attachment " + attachment.sha256(), e);
            }
        }
        return findings;
    }

    /** Inflates the archive and says what bound it exceeds, or null when it stays within them. */
    String excess(InputStream raw) throws IOException {
        CountingInputStream compressed = new CountingInputStream(raw);
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(compressed)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    return "more than " + maxEntries + " entries";
                }
                int read;
                while ((read = zip.read(buffer)) != -1) {
                    inflated += read;
                    if (inflated > maxInflatedBytes) {
                        return "more than " + maxInflatedBytes + " bytes once inflated (at entry " + entry.getName() + ")";
                    }
                    if (inflated > RATIO_FLOOR && inflated / Math.max(1, compressed.count) > maxRatio) {
                        return "inflates more than " + maxRatio + " times (entry " + entry.getName() + ")";
                    }
                }
            }
        } catch (ZipException e) {
            return "not a readable archive: " + e.getMessage();
        }
        return null;
    }

    private static boolean startsWithZipMagic(InputStream in) throws IOException {
        in.mark(ZIP_MAGIC.length);
        byte[] head = in.readNBytes(ZIP_MAGIC.length);
        in.reset();
        return java.util.Arrays.equals(head, ZIP_MAGIC);
    }

    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
