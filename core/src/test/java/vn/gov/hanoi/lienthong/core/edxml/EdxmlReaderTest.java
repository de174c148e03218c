package vn.gov.hanoi.lienthong.core.edxml;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.schemas.edxml.StatusType;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EdxmlReaderTest {

    private final EdxmlReader reader = new EdxmlReader();

    @Test
    void summarisesADocumentMessage() {
        DocumentMessage message = DocumentMessage.from("000.00.12.H26").to("000.00.15.H26", "000.01.01.H26")
                .code("45", "QĐ-SNV").subject("Quyết định cử cán bộ")
                .attachment("qd", "Quyết định.pdf", "application/pdf");
        EnvelopeSummary summary = reader.summarize(message.toBytes());
        assertThat(summary.senderOrganId()).isEqualTo("000.00.12.H26");
        assertThat(summary.senderDocumentId()).isEqualTo(message.documentId());
        assertThat(summary.recipientOrganIds()).containsExactly("000.00.15.H26", "000.01.01.H26");
        assertThat(summary.codeNotation()).isEqualTo("45/QĐ-SNV");
        assertThat(summary.subject()).isEqualTo("Quyết định cử cán bộ");
        assertThat(summary.attachmentContentIds()).containsExactly("qd");
        assertThat(reader.schemaViolations(message.toBytes())).isEmpty();
    }

    @Test
    void reportsSchemaViolationsWithTheirPlace() {
        String valid = new String(DocumentMessage.from("000.00.12.H26").to("000.00.15.H26").toBytes(), StandardCharsets.UTF_8);
        String badOrganId = valid.replace("000.00.15.H26", "not-an-organ");
        assertThat(reader.schemaViolations(badOrganId.getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(v -> assertThat(v).startsWith("line ").contains("not-an-organ"));
    }

    @Test
    void refusesDoctypesAndExternalEntities() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE edXML [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXMLEnvelope><edXMLHeader><MessageHeader>
                <From><OrganId>000.00.12.H26</OrganId></From><DocumentId>&secret;</DocumentId>
                </MessageHeader></edXMLHeader></edXMLEnvelope></edXML>""";
        RefusedException refused = catchThrowableOfType(RefusedException.class,
                () -> reader.summarize(xxe.getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.reason().code()).isEqualTo("XML_FORBIDDEN");
        assertThat(reader.schemaViolations(xxe.getBytes(StandardCharsets.UTF_8))).isNotEmpty();

        String billionLaughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&lol3;</edXML>""";
        assertThat(catchThrowableOfType(RefusedException.class,
                () -> reader.summarize(billionLaughs.getBytes(StandardCharsets.UTF_8))).reason().code()).isEqualTo("XML_FORBIDDEN");
    }

    @Test
    void refusesWhatIsNotUtf8() {
        String latin1Declared = new String(DocumentMessage.from("000.00.12.H26").to("000.00.15.H26").subject("Bao cao").toBytes(),
                StandardCharsets.UTF_8).replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        assertThat(latin1Declared).contains("ISO-8859-1");
        assertThat(catchThrowableOfType(RefusedException.class,
                () -> reader.summarize(latin1Declared.getBytes(StandardCharsets.ISO_8859_1))).reason().code()).isEqualTo("TEXT_NOT_UTF8");
        byte[] windows1258 = DocumentMessage.from("000.00.12.H26").to("000.00.15.H26").subject("Báo cáo").toBytes();
        byte[] broken = new String(windows1258, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(catchThrowableOfType(RefusedException.class, () -> reader.summarize(broken)).reason().code())
                .isEqualTo("TEXT_NOT_UTF8");
    }

    @Test
    void refusesAbsurdNesting() {
        String deep = "<a>".repeat(200) + "</a>".repeat(200);
        String xml = "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">" + deep + "</edXML>";
        assertThat(catchThrowableOfType(RefusedException.class,
                () -> reader.summarize(xml.getBytes(StandardCharsets.UTF_8))).reason().code()).isEqualTo("ENVELOPE_UNREADABLE");
    }

    @Test
    void readsAStatusAndRefusesADocumentPassedAsAStatus() {
        OffsetDateTime at = OffsetDateTime.of(2026, 11, 24, 9, 30, 0, 0, ZoneOffset.ofHours(7));
        StatusType status = reader.readStatus(StatusMessage.of("000.00.15.H26", "000.00.12.H26", "doc-1", "03", "Đã vào sổ", at));
        assertThat(status.getStatusCode()).isEqualTo("03");
        assertThat(status.getFrom().getOrganId()).isEqualTo("000.00.15.H26");
        assertThat(status.getResponseFor().getDocumentId()).isEqualTo("doc-1");
        assertThat(status.getTimestamp().toGregorianCalendar().toInstant()).isEqualTo(at.toInstant());

        byte[] document = DocumentMessage.from("000.00.12.H26").to("000.00.15.H26").toBytes();
        assertThat(catchThrowableOfType(RefusedException.class, () -> reader.readStatus(document)).reason().code())
                .isEqualTo("STATUS_INVALID");
        byte[] badCode = new String(StatusMessage.of("000.00.15.H26", "000.00.12.H26", "doc-1", "03", null, at),
                StandardCharsets.UTF_8).replace(">03<", ">99<").getBytes(StandardCharsets.UTF_8);
        assertThat(catchThrowableOfType(RefusedException.class, () -> reader.readStatus(badCode)).reason().messageEn())
                .contains("99");
    }
}
