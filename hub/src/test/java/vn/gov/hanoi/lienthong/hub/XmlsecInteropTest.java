package vn.gov.hanoi.lienthong.hub;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.schemas.ws.edoc.SendDocumentResponse;
import vn.gov.hanoi.lienthong.schemas.ws.types.RecipientState;
import vn.gov.hanoi.lienthong.schemas.ws.types.StatusEntry;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/** The hub's XML-DSig against an independent implementation (xmlsec1), both ways. */
class XmlsecInteropTest extends HubIntegrationTest {

    private static final Path WORK = DATA_DIR.resolve("xmlsec1");

    @BeforeEach
    void needsXmlsec1() {
        Xmlsec1.require();
    }

    @Test
    void anEnvelopeSignedByXmlsec1IsAcceptedAsValidlySigned() throws Exception {
        byte[] envelope = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).type(2, "Quyết định")
                .code("91", "QĐ-SNV").subject("Quyết định ký bằng xmlsec1").toBytes();
        byte[] signed = Xmlsec1.signEnvelope(envelope, PKI.signer(), WORK.resolve("sign"));

        String id = client(SO_NOI_VU).send(signed).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        assertThat(client(SO_NOI_VU).history(id).getRecipient())
                .extracting(RecipientState::getPaperRequirement, RecipientState::getArticle)
                .as("the signature verified: Articles 5.3 and 7.3 waive the paper copy")
                .containsExactly(tuple("ELECTRONIC_ONLY", "5.3, 7.3"));
    }

    @Test
    void theHubsReceiptsAndStatusMessagesVerifyWithXmlsec1() throws Exception {
        Path hubCertificate = WORK.resolve("hub.pem");
        Files.createDirectories(WORK);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("hub-signing-demo.pem")) {
            Files.write(hubCertificate, in.readAllBytes());
        }
        SendDocumentResponse sent = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId)
                .to(SO_TAI_CHINH.organId).type(99, "Không có trong danh mục").toBytes());
        byte[] receipt = sent.getSignedReceipt();
        assertThat(new String(receipt, StandardCharsets.UTF_8)).contains(sent.getDocumentId())
                .as("the demo key is ECDSA P-256 (bench/ signatures)").contains("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256");
        Xmlsec1.Result receiptCheck = Xmlsec1.verify(receipt, hubCertificate, WORK);
        assertThat(receiptCheck.exitCode()).as(receiptCheck.output()).isZero();

        await().atMost(DELIVERY_TIMEOUT).until(() -> !client(SO_NOI_VU).history(sent.getDocumentId()).getStatus().isEmpty());
        StatusEntry rejection = client(SO_NOI_VU).history(sent.getDocumentId()).getStatus().get(0);
        String statusXml = new String(rejection.getSignedStatus(), StandardCharsets.UTF_8);
        assertThat(statusXml).contains("<StatusCode>02</StatusCode>").contains("DOCUMENT_TYPE_UNKNOWN");
        Xmlsec1.Result statusCheck = Xmlsec1.verify(rejection.getSignedStatus(), hubCertificate, WORK);
        assertThat(statusCheck.exitCode()).as(statusCheck.output()).isZero();

        // And the check can fail: a receipt whose content was changed does not verify.
        byte[] forged = new String(receipt, StandardCharsets.UTF_8).replace(sent.getDocumentId(),
                "00000000-0000-4000-8000-000000000000").getBytes(StandardCharsets.UTF_8);
        assertThat(Xmlsec1.verify(forged, hubCertificate, WORK).exitCode()).isNotZero();
    }
}
