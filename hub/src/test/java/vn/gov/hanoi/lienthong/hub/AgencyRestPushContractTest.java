package vn.gov.hanoi.lienthong.hub;

import java.time.OffsetDateTime;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;
import vn.gov.hanoi.lienthong.testkit.files.SampleFiles;
import vn.gov.hanoi.lienthong.testkit.simulator.RestAgencySimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/**
 * The agency's side of rest-push as a contract (schemas/…/openapi/lienthong-agency-rest-push-v1.json, the REST
 * counterpart of agency.wsdl): what the hub really posts to an agency's system — a document with a warning, a
 * status — is checked against it by an independent JSON Schema validator (networknt, 2020-12 with formats
 * asserted), and so are the contract's own examples.
 */
class AgencyRestPushContractTest extends HubIntegrationTest {

    private static final String CONTRACT = "classpath:openapi/lienthong-agency-rest-push-v1.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema(String name) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(CONTRACT + "#/components/schemas/" + name), config);
    }

    private static Set<ValidationMessage> violations(String schema, JsonNode value) {
        return schema(schema).validate(value);
    }

    @Test
    void theContractsExamplesFollowItsSchemas() throws Exception {
        JsonNode contract;
        try (var in = getClass().getClassLoader().getResourceAsStream("openapi/lienthong-agency-rest-push-v1.json")) {
            contract = JSON.readTree(in);
        }
        JsonNode documents = contract.at("/paths/~1documents/post");
        JsonNode delivery = documents.at("/requestBody/content/multipart~1form-data/examples/decision/value/delivery");
        JsonNode acknowledgement = documents.at("/responses/200/content/application~1json/examples/taken/value");
        JsonNode status = contract.at("/paths/~1statuses/post/requestBody/content/application~1json/examples/registered/value");
        assertThat(delivery.isObject() && acknowledgement.isObject() && status.isObject()).isTrue();
        assertThat(violations("Delivery", delivery)).isEmpty();
        assertThat(violations("Acknowledgement", acknowledgement)).isEmpty();
        assertThat(violations("StatusPush", status)).isEmpty();
    }

    @Test
    void theValidatorFindsWhatBreaksTheContract() throws Exception {
        ObjectNode delivery = (ObjectNode) JSON.readTree("""
                {"documentId":"3f0c6a8e-6f3b-4a59-9d7c-0c2b3d1e4f5a","senderOrganId":"000.00.12.H26",
                 "purpose":"RECIPIENT","paperRequirement":"ELECTRONIC_ONLY"}""");
        assertThat(violations("Delivery", delivery)).isEmpty();
        assertThat(violations("Delivery", delivery.deepCopy().put("documentId", "not-a-uuid"))).isNotEmpty();
        assertThat(violations("Delivery", delivery.deepCopy().put("purpose", "GOSSIP"))).isNotEmpty();
        assertThat(violations("Delivery", delivery.deepCopy().put("unexpected", 1))).isNotEmpty();
        ObjectNode withoutSender = delivery.deepCopy();
        withoutSender.remove("senderOrganId");
        assertThat(violations("Delivery", withoutSender)).isNotEmpty();
    }

    @Test
    void aDocumentPushFollowsTheContract() throws Exception {
        byte[] pdf = SampleFiles.pdfWith(SampleFiles.ActiveContent.OPEN_ACTION_JAVASCRIPT);
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(TestHub.REST_ORGAN_ID)
                .type(18, "Công văn").code("61", "SNV-VP").subject("Về việc kiểm tra hợp đồng REST của cơ quan nhận")
                .attachment("cv61", "Công văn 61.pdf", "application/pdf");
        String documentId = client(SO_NOI_VU).send(message.toBytes(),
                HubClient.Part.bytes("cv61", "Công văn 61.pdf", "application/pdf", pdf)).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TTTT_REST_SYSTEM.rawPushOf(documentId) != null);

        RestAgencySimulator.RawPush push = SO_TTTT_REST_SYSTEM.rawPushOf(documentId);
        JsonNode delivery = JSON.readTree(push.deliveryJson());
        assertThat(violations("Delivery", delivery)).as(push.deliveryJson()).isEmpty();
        assertThat(delivery.path("warnings").findValuesAsText("code")).as("the warning is in the contract's shape")
                .contains("ACTIVE_CONTENT");
        assertThat(push.partNames()).containsExactly("delivery", "envelope", "cv61");
        assertThat(push.partContentTypes().get("delivery")).startsWith("application/json");
        assertThat(push.partContentTypes().get("envelope")).startsWith("application/xml");
        assertThat(push.partContentTypes().get("cv61")).startsWith("application/pdf");
    }

    @Test
    void aStatusPushFollowsTheContract() throws Exception {
        HubClient restAgency = new HubClient(serviceUrl(), "so-tttt", SO_NOI_VU.secret);
        DocumentMessage message = DocumentMessage.from(TestHub.REST_ORGAN_ID).to(SO_TAI_CHINH.organId)
                .type(18, "Công văn").code("62", "STTTT-CNTT").subject("Về việc kiểm tra trạng thái theo hợp đồng REST");
        String documentId = restAgency.send(message.toBytes()).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(documentId) != null);
        client(SO_TAI_CHINH).updateStatus(documentId, StatusMessage.of(SO_TAI_CHINH.organId, TestHub.REST_ORGAN_ID,
                message.documentId(), "03", "Đã vào sổ văn bản đến", OffsetDateTime.now()));

        String body = await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TTTT_REST_SYSTEM.statusBodies().stream()
                .filter(b -> b.contains(documentId) && b.contains("\"03\"")).findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(violations("StatusPush", JSON.readTree(body))).as(body).isEmpty();
    }
}
