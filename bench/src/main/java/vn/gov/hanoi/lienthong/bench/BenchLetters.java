package vn.gov.hanoi.lienthong.bench;

import java.util.ArrayList;
import java.util.List;

import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.files.SampleFiles;
import vn.gov.hanoi.lienthong.testkit.pki.AdesSigner;
import vn.gov.hanoi.lienthong.testkit.pki.EnvelopeSigner;
import vn.gov.hanoi.lienthong.testkit.pki.TestPki;

/**
 * The benchmark's documents: an official letter (Công văn) from Sở Nội vụ to the three recipients, its edXML
 * envelope signed (XML-DSig) and its scanned page signed (PAdES) by a certificate of the government PKI. The
 * PDFs come from a pool of distinct files made before the run (PAdES signing is the sender's cost, not the
 * hub's), used in turn; the hub verifies each document's PDF afresh and writes and fsyncs each one before
 * it knows its hash.
 */
final class BenchLetters {

    record Letter(String senderDocumentId, byte[] envelope, HubClient.Part pdf) {
    }

    private final TestPki pki;
    private final List<byte[]> signedPdfs = new ArrayList<>();

    BenchLetters(TestPki pki, int pdfBytes, int poolSize) {
        this.pki = pki;
        for (int i = 0; i < poolSize; i++) {
            signedPdfs.add(AdesSigner.padesSign(SampleFiles.scannedPagePdf(pdfBytes, 7_000 + i), pki.signer()));
        }
    }

    int pdfBytes() {
        return signedPdfs.get(0).length;
    }

    Letter letter(long number) {
        String fileName = "Công văn " + number + ".pdf";
        DocumentMessage message = DocumentMessage.from(BenchCity.SENDER.organId())
                .to(BenchCity.PUSH_RECIPIENT.organId(), BenchCity.PULL_RECIPIENT.organId(), BenchCity.MAIL_RECIPIENT.organId())
                .type(18, "Công văn").code(String.valueOf(number), "SNV-VP")
                .subject("Về việc báo cáo tình hình trao đổi văn bản điện tử, lần " + number)
                .attachment("cv", fileName, "application/pdf");
        byte[] envelope = EnvelopeSigner.sign(message.toBytes(), pki.signer());
        byte[] pdf = signedPdfs.get((int) (number % signedPdfs.size()));
        return new Letter(message.documentId(), envelope, HubClient.Part.bytes("cv", fileName, "application/pdf", pdf));
    }
}
