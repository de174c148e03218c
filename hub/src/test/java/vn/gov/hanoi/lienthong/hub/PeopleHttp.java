package vn.gov.hanoi.lienthong.hub;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.hanoi.lienthong.testkit.people.DemoPeople;

import static org.assertj.core.api.Assertions.assertThat;

/** People's requests to the hub over HTTP, as a browser-less client signs in (Basic), and what the tests read back. */
final class PeopleHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ARCHIVE_NAMESPACE = "http://lienthong.hanoi.gov.vn/archive/v1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    PeopleHttp(int port) {
        this.port = port;
    }

    HttpResponse<byte[]> get(String path, DemoPeople person) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", person.basicAuthorization()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> send(String method, String path, DemoPeople person, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", person.basicAuthorization())
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> anonymous(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** A refusal: this status, this reason code, its messages in Vietnamese and English. */
    static void assertRefused(HttpResponse<byte[]> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        JsonNode refusal = JSON.readTree(response.body());
        assertThat(refusal.path("code").asText()).isEqualTo(code);
        assertThat(refusal.path("messageVi").asText()).isNotBlank();
        assertThat(refusal.path("messageEn").asText()).isNotBlank();
    }

    static org.w3c.dom.Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** The text of the first archive element of this name. */
    static String text(org.w3c.dom.Document xml, String name) {
        return xml.getElementsByTagNameNS(ARCHIVE_NAMESPACE, name).item(0).getTextContent();
    }

    /** Whether the document's enveloped XML-DSig holds under this certificate's key. */
    static boolean signatureHolds(org.w3c.dom.Document xml, X509Certificate signer) throws Exception {
        DOMValidateContext context = new DOMValidateContext(signer.getPublicKey(),
                xml.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").item(0));
        return XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context).validate(context);
    }
}
