package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import vn.gov.hanoi.lienthong.schemas.ws.types.Reason;
import vn.gov.hanoi.lienthong.schemas.ws.types.StatusEntry;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.files.SampleFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/**
 * Every legality rule, through the running hub: the document is refused with its reason code (at the door
 * for what cannot be edXML at all, by a status 02 after inspection otherwise), never reaches the
 * recipient, and the hub stays healthy and delivers the next valid document.
 */
class LegalityTest extends HubIntegrationTest {

    private static final String XXE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE edXML [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXMLEnvelope><edXMLHeader><MessageHeader>
            <From><OrganId>000.00.12.H26</OrganId></From><DocumentId>&secret;</DocumentId>
            </MessageHeader></edXMLHeader></edXMLEnvelope></edXML>""";
    private static final String BILLION_LAUGHS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXMLEnvelope><edXMLHeader><MessageHeader>
            <From><OrganId>000.00.12.H26</OrganId></From><DocumentId>&lol3;</DocumentId>
            </MessageHeader></edXMLHeader></edXMLEnvelope></edXML>""";

    static Stream<Arguments> refusedAfterInspection() {
        return Stream.of(
                Arguments.of("a subject typed in TCVN3", "LEGACY_ENCODING",
                        message().subject("QuyÕt ®Þnh vÒ viÖc triÓn khai"), null),
                Arguments.of("a subject typed in VNI", "LEGACY_ENCODING",
                        message().subject("Quyeát ñònh veà vieäc trieån khai"), null),
                Arguments.of("a subject typed in VNI with its ê and â", "LEGACY_ENCODING",
                        message().subject("Quyeát ñònh … vaên baûn"), null),
                Arguments.of("a classified document", "CLASSIFIED_DOCUMENT", message().classification("Tối mật"), null),
                Arguments.of("a classification mark opening the subject", "CLASSIFIED_DOCUMENT",
                        message().subject("TỐI MẬT - Về việc triển khai phương án bảo vệ"), null),
                Arguments.of("a classification mark on a PDF's first page", "CLASSIFIED_DOCUMENT",
                        message().attachment("f", "Kế hoạch.pdf", "application/pdf"),
                        HubClient.Part.bytes("f", "Kế hoạch.pdf", "application/pdf",
                                SampleFiles.textPdf("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "TUYỆT MẬT", "Số: 12/KH-UBND"))),
                Arguments.of("an executable renamed .pdf", "FORMAT_NOT_ALLOWED",
                        message().attachment("f", "Quyết định.pdf", "application/pdf"),
                        HubClient.Part.bytes("f", "Quyết định.pdf", "application/pdf", SampleFiles.windowsExecutable())),
                Arguments.of("a zip bomb .docx", "ARCHIVE_BOMB",
                        message().attachment("f", "Báo cáo.docx", null),
                        HubClient.Part.bytes("f", "Báo cáo.docx", null, SampleFiles.zipBombDocx(512L << 20))),
                Arguments.of("a type outside the official list", "DOCUMENT_TYPE_UNKNOWN", message().type(99, "Thư riêng"), null));
    }

    static Stream<Arguments> refusedAtTheDoor() {
        return Stream.of(
                Arguments.of("an XXE envelope", "XML_FORBIDDEN", XXE),
                Arguments.of("a billion-laughs envelope", "XML_FORBIDDEN", BILLION_LAUGHS));
    }

    @ParameterizedTest(name = "{0} is rejected with {1}")
    @MethodSource("refusedAfterInspection")
    void rejectedAfterInspection(String what, String code, DocumentMessage message, HubClient.Part part) throws Exception {
        HubClient.Part[] parts = part == null ? new HubClient.Part[0] : new HubClient.Part[] {part};
        String id = client(SO_NOI_VU).send(message.toBytes(), parts).getDocumentId();

        await().atMost(DELIVERY_TIMEOUT).until(() -> "REJECTED".equals(client(SO_NOI_VU).history(id).getDocumentState()));
        StatusEntry status = client(SO_NOI_VU).history(id).getStatus().get(0);
        assertThat(status.getStatusCode()).isEqualTo("02");
        assertThat(status.getReason()).extracting(Reason::getCode).contains(code);
        assertThat(client(SO_NOI_VU).history(id).getRecipient()).as("it reaches no recipient").isEmpty();
        assertThat(SO_TAI_CHINH_SYSTEM.document(id)).isNull();
    }

    static Stream<Arguments> acceptedAsTheyAre() {
        return Stream.of(
                Arguments.of("ordinary words that contain 'mật' in the subject",
                        message().subject("Về việc bảo mật thông tin, mật khẩu hộp thư và mật độ dân số"), null),
                Arguments.of("ordinary words that contain 'mật' on a PDF's first page",
                        message().attachment("f", "Hướng dẫn.pdf", "application/pdf"),
                        HubClient.Part.bytes("f", "Hướng dẫn.pdf", "application/pdf",
                                SampleFiles.textPdf("HƯỚNG DẪN BẢO MẬT", "Đổi mật khẩu ba tháng một lần"))),
                Arguments.of("genuine Vietnamese with â, ê and ô", message().subject("Tiên tiến, văn hóa, cơ quan nhà nước, Việt Nam"), null));
    }

    @ParameterizedTest(name = "{0} is accepted")
    @MethodSource("acceptedAsTheyAre")
    void acceptedAsTheyAre(String what, DocumentMessage message, HubClient.Part part) throws Exception {
        HubClient.Part[] parts = part == null ? new HubClient.Part[0] : new HubClient.Part[] {part};
        String id = client(SO_NOI_VU).send(message.toBytes(), parts).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
    }

    @org.junit.jupiter.api.Test
    void aPdfWithJavaScriptTravelsWithAWarningTheRecipientSees() throws Exception {
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(DemoAgencies.UBND_BA_DINH.organId)
                .attachment("f", "Biểu mẫu.pdf", "application/pdf");
        String id = client(SO_NOI_VU).send(message.toBytes(), HubClient.Part.bytes("f", "Biểu mẫu.pdf", "application/pdf",
                SampleFiles.pdfWith(SampleFiles.ActiveContent.OPEN_ACTION_JAVASCRIPT))).getDocumentId();
        HubClient recipient = client(DemoAgencies.UBND_BA_DINH);
        await().atMost(DELIVERY_TIMEOUT).until(() -> recipient.pending().contains(id));
        assertThat(recipient.fetch(id).getWarning()).extracting(Reason::getCode).containsExactly("ACTIVE_CONTENT");
        assertThat(recipient.fetch(id).getWarning().get(0).getMessageVi()).contains("Biểu mẫu.pdf", "JavaScript");
        HttpResponse<String> rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/documents/" + id))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((DemoAgencies.UBND_BA_DINH.username
                        + ":" + DemoAgencies.UBND_BA_DINH.secret).getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rest.body()).contains("\"warnings\":[{\"code\":\"ACTIVE_CONTENT\"");
    }

    @ParameterizedTest(name = "{0} is refused at the door with {1}")
    @MethodSource("refusedAtTheDoor")
    void refusedAtTheDoor(String what, String code, String envelope) {
        assertThat(faultCode(() -> client(SO_NOI_VU).send(envelope.getBytes(StandardCharsets.UTF_8)))).isEqualTo(code);
    }

    @AfterEach
    void theHubIsHealthyAndDeliversTheNextValidDocument() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");

        DocumentMessage valid = message().attachment("bc", "Báo cáo.docx", null).attachment("pl", "Phụ lục.pdf", null);
        String id = client(SO_NOI_VU).send(valid.toBytes(),
                HubClient.Part.bytes("bc", "Báo cáo.docx", null, SampleFiles.docx("Báo cáo tháng 11", "Times New Roman")),
                HubClient.Part.bytes("pl", "Phụ lục.pdf", null, SampleFiles.pdf(4096, 9))).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
    }

    private static DocumentMessage message() {
        return DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId);
    }
}
