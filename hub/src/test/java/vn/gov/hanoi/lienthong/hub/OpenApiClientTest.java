package vn.gov.hanoi.lienthong.hub;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.hub.restclient.ApiClient;
import vn.gov.hanoi.lienthong.hub.restclient.ApiException;
import vn.gov.hanoi.lienthong.hub.restclient.api.DocumentsApi;
import vn.gov.hanoi.lienthong.hub.restclient.model.History;
import vn.gov.hanoi.lienthong.hub.restclient.model.Reason;
import vn.gov.hanoi.lienthong.hub.restclient.model.Receipt;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.UBND_BA_DINH;

/**
 * What a partner does with the contract: a client generated from it by an independent generator
 * (OpenAPI Generator, Java, at build time from the committed description) sends a document, reads the code of a
 * refusal and fetches a history — against the running hub.
 */
class OpenApiClientTest extends HubIntegrationTest {

    @Test
    void aGeneratedClientSendsReadsARefusalAndFetchesTheHistory() throws Exception {
        DocumentsApi documents = new DocumentsApi(restClient(SO_NOI_VU));

        File envelope = Files.createTempFile("edxml", ".xml").toFile();
        Files.write(envelope.toPath(), DocumentMessage.from(SO_NOI_VU.organId).to(UBND_BA_DINH.organId).toBytes());
        Receipt receipt = documents.sendDocument(envelope);
        assertThat(receipt.getDocumentId()).isNotBlank();
        assertThat(receipt.getDuplicate()).isFalse();

        File asAnother = Files.createTempFile("edxml", ".xml").toFile();
        Files.write(asAnother.toPath(), DocumentMessage.from(SO_TAI_CHINH.organId).to(UBND_BA_DINH.organId).toBytes());
        ApiException refused = catchThrowableOfType(ApiException.class, () -> documents.sendDocument(asAnother));
        assertThat(refused.getCode()).isEqualTo(403);
        Reason reason = new ObjectMapper().readValue(refused.getResponseBody(), Reason.class);
        assertThat(reason.getCode()).isEqualTo("SENDER_MISMATCH");
        assertThat(reason.getMessageVi()).isNotBlank();

        History history = documents.getHistory(receipt.getDocumentId());
        assertThat(history.getDocumentId()).isEqualTo(receipt.getDocumentId());
        assertThat(history.getSenderOrganId()).isEqualTo(SO_NOI_VU.organId);
        assertThat(history.getSignedReceipt()).isNotBlank();
    }

    private ApiClient restClient(DemoAgencies agency) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        String basic = "Basic " + Base64.getEncoder().encodeToString((agency.username + ":" + agency.secret)
                .getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", basic));
        return client;
    }
}
