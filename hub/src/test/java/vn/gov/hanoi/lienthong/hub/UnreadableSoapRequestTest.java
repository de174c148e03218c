package vn.gov.hanoi.lienthong.hub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/** A SOAP request the hub cannot even read is refused with the hub's reason code, and the hub goes on. */
class UnreadableSoapRequestTest extends HubIntegrationTest {

    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";

    @Test
    void brokenXmlIsRefusedWithEnvelopeUnreadable() throws Exception {
        HttpResponse<String> response = post("<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body><sendDocument>");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("HubFaultDetail", "<lt:Code>ENVELOPE_UNREADABLE</lt:Code>", "MessageVi")
                .contains("faultcode>soap:Client<");
    }

    @Test
    void anOperationTheContractDoesNotHaveIsRefusedWithEnvelopeUnreadable() throws Exception {
        HttpResponse<String> response = post("<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body>"
                + "<deleteEverything xmlns=\"http://lienthong.hanoi.gov.vn/ws/edoc/v1\"/></soap:Body></soap:Envelope>");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<lt:Code>ENVELOPE_UNREADABLE</lt:Code>");

        // The hub is unharmed: the next document goes through.
        String id = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).toBytes())
                .getDocumentId();
        org.awaitility.Awaitility.await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
    }

    @Test
    void aRequestWithADoctypeIsRefusedWithXmlForbidden() throws Exception {
        HttpResponse<String> response = post("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]>"
                + "<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body><sendDocument xmlns=\"http://lienthong.hanoi.gov.vn/ws/edoc/v1\">"
                + "&lol;</sendDocument></soap:Body></soap:Envelope>");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<lt:Code>XML_FORBIDDEN</lt:Code>").contains("faultcode>soap:Client<");
        assertHubStillDelivers();
    }

    @Test
    void aBodyThatIsNotXmlIsRefusedWithEnvelopeUnreadable() throws Exception {
        for (String body : new String[] {"this is not XML", "{\"documentId\": 1}", "", "\u0000\u0001\u0002"}) {
            HttpResponse<String> response = post(body);
            assertThat(response.statusCode()).as("body %s", body).isEqualTo(500);
            assertThat(response.body()).as("body %s", body).contains("<lt:Code>ENVELOPE_UNREADABLE</lt:Code>")
                    .contains("faultcode>soap:Client<");
        }
        assertHubStillDelivers();
    }

    private void assertHubStillDelivers() throws Exception {
        String id = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).toBytes())
                .getDocumentId();
        org.awaitility.Awaitility.await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(serviceUrl()))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
