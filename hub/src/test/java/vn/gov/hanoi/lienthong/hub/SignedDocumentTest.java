package vn.gov.hanoi.lienthong.hub;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.schemas.ws.types.Reason;
import vn.gov.hanoi.lienthong.schemas.ws.types.RecipientState;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
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
