package vn.gov.hanoi.lienthong.core.signature;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.PAdESUtils;
import eu.europa.esig.dss.pades.validation.PdfByteRangeDocument;

import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.testkit.files.SampleFiles;
import vn.gov.hanoi.lienthong.testkit.pki.AdesSigner;
import vn.gov.hanoi.lienthong.testkit.pki.TestPki;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub's revision scan finds exactly the ends DSS's own scan finds, on real PDFs and on hostile bytes. */
class PdfRevisionEndsTest {

    /** What DSS 6.2 finds: the length of each revision it lists. */
    private static int[] dss(byte[] bytes) {
        return PAdESUtils.extractRevisions(new InMemoryDocument(bytes, "x.pdf", MimeTypeEnum.PDF)).stream()
                .map(PdfByteRangeDocument::getByteRange)
                .mapToInt(range -> range.getFirstPartEnd())
                .toArray();
    }

    private static byte[] pdf(String body) {
        return ("%PDF-1.7\n" + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aSignedPdfAndOneSignedTwiceEndWhereDssSaysTheyEnd() {
        try (TestPki pki = TestPki.start()) {
            byte[] once = AdesSigner.padesSign(SampleFiles.scannedPagePdf(40 * 1024, 11), pki.signer());
            byte[] twice = AdesSigner.padesSign(once, pki.signer());
            assertThat(PdfRevisionEnds.of(once)).hasSize(2).containsExactly(dss(once));
            assertThat(PdfRevisionEnds.of(twice)).hasSize(3).containsExactly(dss(twice));
            assertThat(PdfRevisionEnds.of(twice)[2]).isEqualTo(twice.length);
        }
    }

    @Test
    void theEndOfLineAfterTheMarkerBelongsToTheRevisionAndOneOtherByteIsSkippedAsDssSkipsIt() {
        String[] bodies = {
                "%%EOF", "%%EOF\n", "%%EOF\r", "%%EOF\r\n", "%%EOF\n\r", "%%EOF\r\r", "%%EOF\rx", "%%EOFx%%EOF",
                "%%EOF%%EOF\n", "%%EOF\n%%EOF", "xxxxxx%%EOF\n", "xxxxx%%EOF\n", "xxxxxxxxxxxx%%EOF", "x\n%%EOF",
                "%%EO\n%%EOF", "%%%EOF\n", "%%EOF %%EOF\n", "stream\n%%EOF\nendstream\n%%EOF\n", "\r\n\r\n%%EOF",
        };
        for (String body : bodies) {
            byte[] bytes = pdf(body);
            assertThat(PdfRevisionEnds.of(bytes)).as(body.replace("\n", "\\n").replace("\r", "\\r")).containsExactly(dss(bytes));
        }
        assertThat(PdfRevisionEnds.of(pdf("xxxxxx%%EOF\n"))).as("six bytes into a line: DSS sees it").hasSize(1);
        assertThat(PdfRevisionEnds.of(pdf("xxxxx%%EOF\n"))).as("five bytes into a line: DSS does not").isEmpty();
    }

    @Test
    void randomBytesFullOfMarkersAndLineEndsGiveTheSameEnds() {
        Random random = new Random(20261201);
        String[] pieces = {"%%EOF", "%", "%%", "EOF", "\n", "\r", "\r\n", "x", "xx", "xxxxx", "%%E", "stream"};
        for (int round = 0; round < 3_000; round++) {
            StringBuilder body = new StringBuilder();
            int length = 1 + random.nextInt(60);
            for (int i = 0; i < length; i++) body.append(pieces[random.nextInt(pieces.length)]);
            byte[] bytes = pdf(body.toString());
            assertThat(PdfRevisionEnds.of(bytes)).as(body.toString().replace("\n", "\\n").replace("\r", "\\r"))
                    .containsExactly(dss(bytes));
        }
    }
}
