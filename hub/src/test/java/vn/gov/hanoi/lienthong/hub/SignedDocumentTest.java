package vn.gov.hanoi.lienthong.hub;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.schemas.ws.types.Reason;
import vn.gov.hanoi.lienthong.schemas.ws.types.RecipientState;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.files.SampleFiles;
import vn.gov.hanoi.lienthong.testkit.pki.AdesSigner;
import vn.gov.hanoi.lienthong.testkit.pki.Credential;
import vn.gov.hanoi.lienthong.testkit.pki.EnvelopeSigner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/**
 * Signed envelopes through the running hub: a valid government signature waives the paper copy (Articles
 * 5.3, 7.3) and the signed bytes reach the recipient untouched; a bad signature is refused with its reason.
 */
class SignedDocumentTest extends HubIntegrationTest {

    private static DocumentMessage decision() {
        return DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).type(2, "Quyết định").code("77", "QĐ-SNV")
                .subject("Quyết định về việc phê duyệt kế hoạch đào tạo năm 2027");
    }

    @Test
    void aValidlySignedDecisionIsElectronicOnlyAndArrivesAsSigned() throws Exception {
        byte[] signed = EnvelopeSigner.sign(decision().toBytes(), PKI.signer());
        String id = client(SO_NOI_VU).send(signed).getDocumentId();

        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        assertThat(SO_TAI_CHINH_SYSTEM.document(id).envelope()).isEqualTo(signed);
        assertThat(client(SO_NOI_VU).history(id).getRecipient())
                .extracting(RecipientState::getPaperRequirement, RecipientState::getArticle)
                .containsExactly(tuple("ELECTRONIC_ONLY", "5.3, 7.3"));
    }

    @Test
    void anAgencyWithRegisteredCertificatesSignsOnlyWithThem() throws Exception {
        java.nio.file.Path file = DATA_DIR.resolve("agencies.yaml");
        String directory = java.nio.file.Files.readString(file);
        HubClient restAgency = new HubClient(serviceUrl(), "so-tttt", SO_NOI_VU.secret);
        try {
            // Registered: another certificate of the agency's, not the one it signs with.
            registerCertificate(file, directory, PKI.expiredSigner());
            DocumentMessage byAnother = DocumentMessage.from(TestHub.REST_ORGAN_ID).to(SO_TAI_CHINH.organId)
                    .type(18, "Công văn").code("22", "STTTT-VP").subject("Về việc ký số bằng chứng thư chưa đăng ký");
            String refused = restAgency.send(EnvelopeSigner.sign(byAnother.toBytes(), PKI.signer())).getDocumentId();
            await().atMost(DELIVERY_TIMEOUT).until(() -> restAgency.history(refused).getDocumentState().equals("REJECTED"));
            assertThat(restAgency.history(refused).getStatus().get(0).getReason()).extracting(Reason::getCode)
                    .containsExactly("SIGNER_NOT_REGISTERED");

            registerCertificate(file, directory, PKI.signer());
            DocumentMessage byRegistered = DocumentMessage.from(TestHub.REST_ORGAN_ID).to(SO_TAI_CHINH.organId)
                    .type(18, "Công văn").code("21", "STTTT-VP").subject("Về việc ký số bằng chứng thư đã đăng ký");
            String accepted = restAgency.send(EnvelopeSigner.sign(byRegistered.toBytes(), PKI.signer())).getDocumentId();
            await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(accepted) != null);
        } finally {
            java.nio.file.Files.writeString(file, directory);
            reloadDirectory();
        }
    }

    private void registerCertificate(java.nio.file.Path file, String directory, Credential credential) throws Exception {
        String fingerprint = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(credential.certificate().getEncoded()));
        java.nio.file.Files.writeString(file, directory.replace("    username: so-tttt\n",
                "    username: so-tttt\n    certificates: [\"" + fingerprint + "\"]\n"));
        reloadDirectory();
    }

    @Test
    void anUnsignedDecisionNeedsPaper() throws Exception {
        String id = client(SO_NOI_VU).send(decision().toBytes()).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        assertThat(client(SO_NOI_VU).history(id).getRecipient())
                .extracting(RecipientState::getPaperRequirement, RecipientState::getArticle)
                .containsExactly(tuple("PAPER_TO_FOLLOW", "5.1"));
    }

    @Test
    void aTamperedEnvelopeIsRefused() throws Exception {
        String signed = new String(EnvelopeSigner.sign(decision().toBytes(), PKI.signer()), StandardCharsets.UTF_8);
        String tampered = signed.replace("năm 2027", "năm 2028");
        assertRejectedWith(tampered.getBytes(StandardCharsets.UTF_8), "SIGNATURE_INVALID");
    }

    @Test
    void revokedExpiredUntrustedAndEncryptionOnlyCertificatesAreRefused() throws Exception {
        assertRejectedWith(signedBy(PKI.revokedSigner()), "CERTIFICATE_REVOKED");
        assertRejectedWith(signedBy(PKI.expiredSigner()), "CERTIFICATE_EXPIRED");
        assertRejectedWith(signedBy(PKI.untrustedSigner()), "CERTIFICATE_UNTRUSTED");
        assertRejectedWith(signedBy(PKI.encryptionOnlySigner()), "CERTIFICATE_KEY_USAGE");
    }

    @Test
    void whileRevocationCannotBeCheckedTheDocumentIsHeldThenInspected() throws Exception {
        byte[] signed = EnvelopeSigner.sign(decision().toBytes(), OTHER_PKI.signer());
        OTHER_PKI.revocationServicesDown(true);
        String id;
        try {
            id = client(SO_NOI_VU).send(signed).getDocumentId();
            // Held: neither rejected nor delivered while the responder is down.
            Thread.sleep(2_000);
            assertThat(client(SO_NOI_VU).history(id).getDocumentState()).isEqualTo("RECEIVED");
        } finally {
            OTHER_PKI.revocationServicesDown(false);
        }
        String heldId = id;
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(heldId) != null);
    }

    @Test
    void aPdfSignedByAStandardSignerIsAcceptedAndItsTamperedCopyRefused() throws Exception {
        byte[] signedPdf = AdesSigner.padesSign(AdesSigner.blankPdf(), PKI.signer());
        DocumentMessage good = decision().attachment("qd", "Quyết định 77.pdf", "application/pdf");
        String goodId = client(SO_NOI_VU).send(good.toBytes(),
                HubClient.Part.bytes("qd", "Quyết định 77.pdf", "application/pdf", signedPdf)).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(goodId) != null);

        String latin1 = new String(signedPdf, StandardCharsets.ISO_8859_1);
        byte[] tamperedPdf = latin1.replaceFirst("/MediaBox \\[0\\.0 0\\.0 612\\.0", "/MediaBox [0.0 0.0 613.0")
                .getBytes(StandardCharsets.ISO_8859_1);
        DocumentMessage bad = decision().attachment("qd", "Quyết định 77.pdf", "application/pdf");
        String badId = client(SO_NOI_VU).send(bad.toBytes(),
                HubClient.Part.bytes("qd", "Quyết định 77.pdf", "application/pdf", tamperedPdf)).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> "REJECTED".equals(client(SO_NOI_VU).history(badId).getDocumentState()));
        Reason reason = client(SO_NOI_VU).history(badId).getStatus().get(0).getReason().get(0);
        assertThat(reason.getCode()).isEqualTo("ATTACHMENT_SIGNATURE_NOT_VALID");
        assertThat(reason.getMessageEn()).contains("Quyết định 77.pdf", "TOTAL_FAILED", "HASH_FAILURE");
    }

    @Test
    void aDetachedCadesSignatureTravelsWithTheFileItSigns() throws Exception {
        byte[] docx = SampleFiles.docx("Báo cáo kết quả thực hiện", "Times New Roman");
        byte[] p7s = AdesSigner.cadesDetached(docx, PKI.signer());
        DocumentMessage message = decision().attachment("bc", "Báo cáo.docx", null).attachment("sig", "Báo cáo.docx.p7s", null);
        String id = client(SO_NOI_VU).send(message.toBytes(), HubClient.Part.bytes("bc", "Báo cáo.docx", null, docx),
                HubClient.Part.bytes("sig", "Báo cáo.docx.p7s", null, p7s)).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        assertThat(SO_TAI_CHINH_SYSTEM.document(id).attachmentSha256()).hasSize(2);
    }

    private static byte[] signedBy(Credential credential) {
        return EnvelopeSigner.sign(decision().toBytes(), credential);
    }

    private void assertRejectedWith(byte[] envelope, String code) throws Exception {
        String id = client(SO_NOI_VU).send(envelope).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> "REJECTED".equals(client(SO_NOI_VU).history(id).getDocumentState()));
        assertThat(client(SO_NOI_VU).history(id).getStatus().get(0).getReason()).extracting(Reason::getCode).containsExactly(code);
        assertThat(SO_TAI_CHINH_SYSTEM.document(id)).isNull();
    }
}
