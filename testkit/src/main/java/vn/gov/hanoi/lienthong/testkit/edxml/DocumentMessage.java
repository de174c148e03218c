package vn.gov.hanoi.lienthong.testkit.edxml;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import vn.gov.hanoi.lienthong.schemas.edxml.AttachmentType;
import vn.gov.hanoi.lienthong.schemas.edxml.BodyType;
import vn.gov.hanoi.lienthong.schemas.edxml.CodeType;
import vn.gov.hanoi.lienthong.schemas.edxml.DocumentTypeType;
import vn.gov.hanoi.lienthong.schemas.edxml.EdXML;
import vn.gov.hanoi.lienthong.schemas.edxml.EnvelopeType;
import vn.gov.hanoi.lienthong.schemas.edxml.HeaderType;
import vn.gov.hanoi.lienthong.schemas.edxml.MessageHeaderType;
import vn.gov.hanoi.lienthong.schemas.edxml.OrganizationType;
import vn.gov.hanoi.lienthong.schemas.edxml.OtherInfoType;
import vn.gov.hanoi.lienthong.schemas.edxml.PromulgationInfoType;
import vn.gov.hanoi.lienthong.schemas.edxml.SignerInfoType;
import vn.gov.hanoi.lienthong.schemas.edxml.ToPlacesType;

/** Builds an edXML document message (the envelope an agency's system sends), with plausible defaults. */
public final class DocumentMessage {

    private final String from;
    private String fromName;
    private String place = "Hà Nội";
    private String classification;
    private String sphereOfPromulgation;
    private final List<String> toPlaces = new ArrayList<>();
    private final List<String> to = new ArrayList<>();
    private String documentId = UUID.randomUUID().toString();
    private String codeNumber = "123";
    private String codeNotation = "QĐ-UBND";
    private int documentType = 2;
    private String documentTypeName = "Quyết định";
    private String subject = "Về việc triển khai trao đổi văn bản điện tử trên trục liên thông";
    private String signer = "Nguyễn Văn An";
    private LocalDate date = LocalDate.of(2026, 11, 24);
    private LocalDate dueDate;
    private final List<String[]> attachments = new ArrayList<>();

    private DocumentMessage(String from) {
        this.from = from;
        this.fromName = "Cơ quan " + from;
    }

    public static DocumentMessage from(String organId) {
        return new DocumentMessage(organId);
    }

    public DocumentMessage to(String... organIds) {
        to.addAll(List.of(organIds));
        return this;
    }

    public DocumentMessage documentId(String id) {
        this.documentId = id;
        return this;
    }

    public DocumentMessage code(String number, String notation) {
        this.codeNumber = number;
        this.codeNotation = notation;
        return this;
    }

    public DocumentMessage type(int number, String name) {
        this.documentType = number;
        this.documentTypeName = name;
        return this;
    }

    public DocumentMessage fromName(String name) {
        this.fromName = name;
        return this;
    }

    public DocumentMessage place(String place) {
        this.place = place;
        return this;
    }

    public DocumentMessage date(LocalDate date) {
        this.date = date;
        return this;
    }

    /** The deadline for handling it (DueDate). */
    public DocumentMessage dueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
        return this;
    }

    public DocumentMessage signer(String fullName) {
        this.signer = fullName;
        return this;
    }

    /** Marks the document Mật, Tối mật or Tuyệt mật (OtherInfo/SecurityClassification). */
    public DocumentMessage classification(String mark) {
        this.classification = mark;
        return this;
    }

    /** A line of the "Nơi nhận" list (ToPlaces/Place). */
    public DocumentMessage toPlace(String place) {
        toPlaces.add(place);
        return this;
    }

    /** OtherInfo/SphereOfPromulgation, e.g. "Công khai" for a document for wide distribution. */
    public DocumentMessage sphereOfPromulgation(String sphere) {
        this.sphereOfPromulgation = sphere;
        return this;
    }

    public DocumentMessage subject(String subject) {
        this.subject = subject;
        return this;
    }

    /** Lists a file in edXMLBody; the transport must carry a part with this content id. */
    public DocumentMessage attachment(String contentId, String name, String contentType) {
        attachments.add(new String[] {contentId, name, contentType});
        return this;
    }

    public String documentId() {
        return documentId;
    }

    public byte[] toBytes() {
        MessageHeaderType header = new MessageHeaderType();
        OrganizationType sender = organization(from);
        sender.setOrganName(fromName);
        header.setFrom(sender);
        to.forEach(organId -> header.getTo().add(organization(organId)));
        CodeType code = new CodeType();
        code.setCodeNumber(codeNumber);
        code.setCodeNotation(codeNotation);
        header.setCode(code);
        PromulgationInfoType promulgation = new PromulgationInfoType();
        promulgation.setPlace(place);
        promulgation.setPromulgationDate(Edxml.date(date));
        header.setPromulgationInfo(promulgation);
        DocumentTypeType type = new DocumentTypeType();
        type.setType(BigInteger.valueOf(documentType));
        type.setTypeName(documentTypeName);
        header.setDocumentType(type);
        header.setSubject(subject);
        SignerInfoType signerInfo = new SignerInfoType();
        signerInfo.setCompetence("TM. Ủy ban nhân dân");
        signerInfo.setPosition("Phó Chủ tịch");
        signerInfo.setFullName(signer);
        header.setSignerInfo(signerInfo);
        if (dueDate != null) header.setDueDate(Edxml.date(dueDate));
        if (!toPlaces.isEmpty()) {
            ToPlacesType places = new ToPlacesType();
            places.getPlace().addAll(toPlaces);
            header.setToPlaces(places);
        }
        if (classification != null || sphereOfPromulgation != null) {
            OtherInfoType otherInfo = new OtherInfoType();
            otherInfo.setSphereOfPromulgation(sphereOfPromulgation);
            otherInfo.setSecurityClassification(classification);
            header.setOtherInfo(otherInfo);
        }
        header.setDocumentId(documentId);

        HeaderType headerType = new HeaderType();
        headerType.setMessageHeader(header);
        EnvelopeType envelope = new EnvelopeType();
        envelope.setEdXMLHeader(headerType);
        if (!attachments.isEmpty()) {
            BodyType body = new BodyType();
            for (String[] a : attachments) {
                AttachmentType attachment = new AttachmentType();
                attachment.setContentId(a[0]);
                attachment.setAttachmentName(a[1]);
                attachment.setContentType(a[2]);
                body.getAttachment().add(attachment);
            }
            envelope.setEdXMLBody(body);
        }
        EdXML message = new EdXML();
        message.setEdXMLEnvelope(envelope);
        return Edxml.marshal(message);
    }

    private static OrganizationType organization(String organId) {
        OrganizationType organization = new OrganizationType();
        organization.setOrganId(organId);
        return organization;
    }
}
