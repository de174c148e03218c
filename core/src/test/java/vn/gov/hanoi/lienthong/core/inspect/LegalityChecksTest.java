package vn.gov.hanoi.lienthong.core.inspect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.gov.hanoi.lienthong.core.policy.DocumentPolicy;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.files.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.hanoi.lienthong.core.inspect.Inspections.codes;
import static vn.gov.hanoi.lienthong.core.inspect.Inspections.file;
import static vn.gov.hanoi.lienthong.core.inspect.Inspections.inspected;

/** One test or more per legality rule of Article 7 and Article 1. */
class LegalityChecksTest {

    private static final Clock NOV_24 = Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC);
    private static DocumentPolicy policy;

    @TempDir
    Path blobs;

    @BeforeAll
    static void readPolicy() throws Exception {
        try (InputStream in = new FileInputStream("../config/policy.yaml")) {
            policy = DocumentPolicy.read(in, "config/policy.yaml");
        }
    }

    private static byte[] envelope() {
        return DocumentMessage.from("000.00.12.H26").to("000.00.15.H26").toBytes();
    }

    // Article 7.1: Unicode text.

    @Test
    void aSubjectTypedInTcvn3IsRefusedNamingTheEncoding() {
        byte[] envelope = DocumentMessage.from("000.00.12.H26").to("000.00.15.H26")
                .subject("QuyÕt ®Þnh vÒ viÖc triÓn khai").toBytes();
        List<Finding> findings = new UnicodeTextCheck(Inspections.EDXML).check(inspected(blobs, envelope));
        assertThat(codes(findings)).containsExactly("LEGACY_ENCODING");
        assertThat(findings.get(0).reason().messageEn()).contains("MessageHeader/Subject", "TCVN3 (ABC)");
    }

    @Test
    void aSubjectTypedInVniIsRefusedNamingTheEncoding() {
        byte[] envelope = DocumentMessage.from("000.00.12.H26").to("000.00.15.H26")
                .subject("Quyeát ñònh veà vieäc trieån khai").toBytes();
        List<Finding> findings = new UnicodeTextCheck(Inspections.EDXML).check(inspected(blobs, envelope));
        assertThat(codes(findings)).containsExactly("LEGACY_ENCODING");
        assertThat(findings.get(0).reason().messageEn()).contains("VNI");
    }

    @Test
    void decomposedUnicodeIsRefusedAndPrecomposedPasses() {
        String subject = "Quyết định về việc triển khai";
        byte[] decomposed = DocumentMessage.from("000.00.12.H26").to("000.00.15.H26")
                .subject(Normalizer.normalize(subject, Normalizer.Form.NFD)).toBytes();
        assertThat(codes(new UnicodeTextCheck(Inspections.EDXML).check(inspected(blobs, decomposed))))
                .containsExactly("TEXT_NOT_NFC");
        byte[] precomposed = DocumentMessage.from("000.00.12.H26").to("000.00.15.H26").subject(subject).toBytes();
        assertThat(new UnicodeTextCheck(Inspections.EDXML).check(inspected(blobs, precomposed))).isEmpty();
    }

    // Article 7.1: formats, by content.

    @Test
    void anExecutableRenamedPdfIsRefused() {
        List<Finding> findings = new ContentFormatCheck().check(inspected(blobs, envelope(),
                file("Quyết định.pdf", SampleFiles.windowsExecutable())));
        assertThat(codes(findings)).containsExactly("FORMAT_NOT_ALLOWED");
        assertThat(findings.get(0).reason().messageEn()).contains("executable");
    }

    @Test
    void aSpreadsheetIsNotAnAllowedFormatEvenNamedDocx() {
        assertThat(codes(new ContentFormatCheck().check(inspected(blobs, envelope(), file("Báo cáo.docx", SampleFiles.xlsx())))))
                .containsExactly("FORMAT_NOT_ALLOWED");
    }

    @Test
    void aPdfNamedDocxIsAMismatch() {
        assertThat(codes(new ContentFormatCheck().check(inspected(blobs, envelope(), file("Báo cáo.docx", SampleFiles.pdf(2000, 1))))))
                .containsExactly("FORMAT_NAME_MISMATCH");
    }

    @Test
    void everyAllowedFormatPasses() throws Exception {
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        try (POIFSFileSystem word97 = new POIFSFileSystem()) {
            word97.createDocument(new ByteArrayInputStream(new byte[4096]), "WordDocument");
            word97.writeFilesystem(doc);
        }
        List<Finding> findings = new ContentFormatCheck().check(inspected(blobs, envelope(),
                file("a.pdf", SampleFiles.pdf(5000, 2)), file("b.DOCX", SampleFiles.docx("Báo cáo", "Times New Roman")),
                file("c.odt", SampleFiles.odt("Báo cáo")), file("d.fodt", SampleFiles.fodt("Báo cáo")),
                file("e.doc", doc.toByteArray())));
        assertThat(findings).isEmpty();
    }

    @Test
    void aDetachedSignatureIsAllowedBesideTheFileItSignsOnly() {
        try (var pki = vn.gov.hanoi.lienthong.testkit.pki.TestPki.start()) {
            byte[] docx = SampleFiles.docx("Báo cáo", "Times New Roman");
            byte[] p7s = vn.gov.hanoi.lienthong.testkit.pki.AdesSigner.cadesDetached(docx, pki.signer());
            assertThat(new ContentFormatCheck().check(inspected(blobs, envelope(),
                    file("Báo cáo.docx", docx), file("Báo cáo.docx.p7s", p7s)))).isEmpty();
            assertThat(codes(new ContentFormatCheck().check(inspected(blobs, envelope(), file("Báo cáo.docx.p7s", p7s)))))
                    .containsExactly("FORMAT_NOT_ALLOWED");
        }
    }

    // Archives inside .docx/.odt.

    @Test
    void aZipBombDocxIsRefusedWithoutInflatingItAll() {
        List<Finding> findings = new ArchiveBombCheck(256L << 20, 10_000, 100).check(inspected(blobs, envelope(),
                file("Báo cáo.docx", SampleFiles.zipBombDocx(1L << 30))));
        assertThat(codes(findings)).containsExactly("ARCHIVE_BOMB");
        assertThat(findings.get(0).reason().messageEn()).contains("inflates more than 100 times");
    }

    @Test
    void anOrdinaryDocxIsNoBomb() {
        assertThat(new ArchiveBombCheck(256L << 20, 10_000, 100).check(inspected(blobs, envelope(),
                file("a.docx", SampleFiles.docx("Báo cáo", "Times New Roman")), file("b.odt", SampleFiles.odt("x"))))).isEmpty();
    }

    @Test
    void aLegacyFontInsideADocxIsFlaggedNotRefused() {
        List<Finding> findings = new LegacyFontCheck().check(inspected(blobs, envelope(),
                file("cu.docx", SampleFiles.docx("QuyÕt ®Þnh", ".VnTime")), file("moi.docx", SampleFiles.docx("Quyết định", "Times New Roman"))));
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).refuses()).isFalse();
        assertThat(findings.get(0).reason().messageEn()).contains("cu.docx", ".VnTime", "TCVN3");
    }

    // Article 1: classified documents.

    @Test
    void classifiedMarksAreRefused() {
        for (String mark : List.of("Mật", "TỐI MẬT", "Tuyệt mật", "tuyet mat")) {
            byte[] envelope = DocumentMessage.from("000.00.12.H26").to("000.00.15.H26").classification(mark).toBytes();
            assertThat(codes(new ClassificationCheck().check(inspected(blobs, envelope)))).as(mark)
                    .containsExactly("CLASSIFIED_DOCUMENT");
        }
        byte[] ordinary = DocumentMessage.from("000.00.12.H26").to("000.00.15.H26").classification("Thường").toBytes();
        assertThat(new ClassificationCheck().check(inspected(blobs, ordinary))).isEmpty();
        assertThat(new ClassificationCheck().check(inspected(blobs, envelope()))).isEmpty();
    }

    // Required metadata.

    @Test
    void aCompleteDocumentPasses() {
        assertThat(new RequiredMetadataCheck(policy, NOV_24).check(inspected(blobs, envelope()))).isEmpty();
    }

    @Test
    void aTypeOutsideTheOfficialListIsRefused() {
        byte[] envelope = DocumentMessage.from("000.00.12.H26").to("000.00.15.H26").type(99, "Thư tình").toBytes();
        assertThat(codes(new RequiredMetadataCheck(policy, NOV_24).check(inspected(blobs, envelope))))
                .containsExactly("DOCUMENT_TYPE_UNKNOWN");
    }

    @Test
    void theNotationMustBeginWithTheTypesAbbreviation() {
        byte[] envelope = DocumentMessage.from("000.00.12.H26").to("000.00.15.H26")
                .type(14, "Báo cáo").code("12", "QĐ-UBND").toBytes();
        List<Finding> findings = new RequiredMetadataCheck(policy, NOV_24).check(inspected(blobs, envelope));
        assertThat(codes(findings)).containsExactly("METADATA_INVALID");
        assertThat(findings.get(0).reason().messageEn()).contains("does not begin with BC");
    }

    @Test
    void blankNamesAFutureDateAndAWordForANumberAreRefused() {
        byte[] envelope = DocumentMessage.from("000.00.12.H26").to("000.00.15.H26").fromName("  ").signer(" ")
                .code("một trăm", "QĐ-UBND").date(LocalDate.of(2027, 1, 1)).toBytes();
        assertThat(codes(new RequiredMetadataCheck(policy, NOV_24).check(inspected(blobs, envelope))))
                .containsExactlyInAnyOrder("METADATA_MISSING", "METADATA_INVALID", "METADATA_INVALID", "METADATA_MISSING");
    }

    @Test
    void aCongVanNeedsNoTypeAbbreviation() {
        byte[] envelope = DocumentMessage.from("000.00.12.H26").to("000.00.15.H26").type(18, "Công văn")
                .code("1234", "UBND-VP").toBytes();
        assertThat(new RequiredMetadataCheck(policy, NOV_24).check(inspected(blobs, envelope))).isEmpty();
        assertThat(new String(envelope, StandardCharsets.UTF_8)).contains("Công văn");
    }
}
