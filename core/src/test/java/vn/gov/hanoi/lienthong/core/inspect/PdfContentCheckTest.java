package vn.gov.hanoi.lienthong.core.inspect;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.files.SampleFiles;
import vn.gov.hanoi.lienthong.testkit.files.SampleFiles.ActiveContent;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.hanoi.lienthong.core.inspect.Inspections.codes;
import static vn.gov.hanoi.lienthong.core.inspect.Inspections.file;
import static vn.gov.hanoi.lienthong.core.inspect.Inspections.inspected;

class PdfContentCheckTest {

    private static final long HEAP_BOUND = 64L << 20;

    @TempDir
    Path blobs;

    private static byte[] envelope() {
        return DocumentMessage.from("000.00.12.H26").to("000.00.15.H26").toBytes();
    }

    @ParameterizedTest
    @EnumSource(ActiveContent.class)
    void activeContentIsFlaggedNotRefusedByDefault(ActiveContent active) {
        List<Finding> findings = new PdfContentCheck(false, HEAP_BOUND)
                .check(inspected(blobs, envelope(), file("Quyết định.pdf", SampleFiles.pdfWith(active))));
        assertThat(codes(findings)).containsExactly("ACTIVE_CONTENT");
        assertThat(findings.get(0).refuses()).isFalse();
        assertThat(findings.get(0).reason().messageEn()).contains("Quyết định.pdf")
                .contains(active == ActiveContent.LAUNCH_LINK ? "Launch action"
                        : active == ActiveContent.EMBEDDED_FILE ? "embedded files" : "JavaScript");
    }

    @Test
    void activeContentIsRefusedWhereThePolicySaysSo() {
        List<Finding> findings = new PdfContentCheck(true, HEAP_BOUND).check(inspected(blobs, envelope(),
                file("a.pdf", SampleFiles.pdfWith(ActiveContent.OPEN_ACTION_JAVASCRIPT))));
        assertThat(codes(findings)).containsExactly("ACTIVE_CONTENT");
        assertThat(findings.get(0).refuses()).isTrue();
    }

    @Test
    void aPlainPdfHasNoFinding() {
        assertThat(new PdfContentCheck(true, HEAP_BOUND).check(inspected(blobs, envelope(),
                file("a.pdf", SampleFiles.scannedPagePdf(20_000, 3)),
                file("b.pdf", SampleFiles.textPdf("Về việc bảo mật thông tin", "mật khẩu và mật độ")),
                file("c.pdf", SampleFiles.pdf(5_000, 4))))).isEmpty();
    }

    @Test
    void aClassificationMarkOnTheFirstPageIsRefused() {
        List<Finding> findings = new PdfContentCheck(false, HEAP_BOUND).check(inspected(blobs, envelope(),
                file("Kế hoạch.pdf", SampleFiles.textPdf("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "TỐI MẬT", "Số: 12/KH-UBND"))));
        assertThat(codes(findings)).containsExactly("CLASSIFIED_DOCUMENT");
        assertThat(findings.get(0).refuses()).isTrue();
        assertThat(findings.get(0).reason().messageVi()).contains("TỐI MẬT");
        assertThat(codes(new PdfContentCheck(false, HEAP_BOUND).check(inspected(blobs, envelope(),
                file("a.pdf", SampleFiles.textPdf("Số: 12/KH-UBND", "Độ mật: Mật")))))).containsExactly("CLASSIFIED_DOCUMENT");
    }

    @Test
    void aPdfTooLargeToParseIsScannedForTheNames() throws Exception {
        byte[] uncompressed = ("%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"
                + " endobj\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        List<Finding> findings = new PdfContentCheck(false, 16).check(inspected(blobs, envelope(), file("big.pdf", uncompressed)));
        assertThat(codes(findings)).containsExactly("ACTIVE_CONTENT");
        assertThat(findings.get(0).reason().messageEn()).contains("found by name");
        assertThat(PdfActiveContent.scan(new ByteArrayInputStream("/JSX /JavaScripts".getBytes()))).isEmpty();
    }
}
