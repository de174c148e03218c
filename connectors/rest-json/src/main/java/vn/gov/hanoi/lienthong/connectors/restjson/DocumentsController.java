package vn.gov.hanoi.lienthong.connectors.restjson;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import vn.gov.hanoi.lienthong.archive.evidence.EvidenceBundles;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.gov.hanoi.lienthong.core.delivery.OutboundDocument;
import vn.gov.hanoi.lienthong.core.delivery.PickupService;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.intake.IncomingAttachment;
import vn.gov.hanoi.lienthong.core.intake.IncomingDocument;
import vn.gov.hanoi.lienthong.core.intake.IntakeReceipt;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.core.signature.SignedDocuments;
import vn.gov.hanoi.lienthong.core.status.StatusHistory;
import vn.gov.hanoi.lienthong.core.status.StatusService;
import vn.gov.hanoi.lienthong.routes.HubEndpoints;

/**
 * The REST/JSON connector for modern DMS: the operations of the SOAP service under /api/v1, with the same
 * authentication, authorisation and reason codes. A document is sent as multipart/form-data: the part
 * "envelope" is the edXML envelope; every other part is a file, the part's name its ContentId (as listed in
 * edXMLBody) and its file name the AttachmentName.
 */
@RestController
@SecurityRequirement(name = RestJsonConfiguration.BASIC_AUTH)
@io.swagger.v3.oas.annotations.tags.Tag(name = "documents", description = "Sending, fetching and following documents, as an agency system")
public class DocumentsController {

    private static final String ENVELOPE_PART = "envelope";

    private final RestCallers callers;
    private final ProducerTemplate camel;
    private final PickupService pickup;
    private final StatusService statuses;
    private final SignedDocuments signed;
    private final EvidenceBundles evidence;

    public DocumentsController(RestCallers callers, ProducerTemplate camel, PickupService pickup, StatusService statuses,
                               SignedDocuments signed, EvidenceBundles evidence) {
        this.evidence = evidence;
        this.callers = callers;
        this.camel = camel;
        this.pickup = pickup;
        this.statuses = statuses;
        this.signed = signed;
    }

    @Operation(operationId = "sendDocument", summary = "Send a document", description = "201 with the hub's id once the document is durable; 200 for a resend.")
    @PostMapping(path = "/api/v1/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<RestViews.Receipt> send(HttpServletRequest request, @RequestParam MultiValueMap<String, MultipartFile> parts) {
        Agency caller = callers.authenticate(request);
        MultipartFile envelope = parts.getFirst(ENVELOPE_PART);
        if (envelope == null) {
            throw RefusedException.because(ReasonCode.ENVELOPE_UNREADABLE, "the request has no part named 'envelope'");
        }
        List<IncomingAttachment> attachments = new ArrayList<>();
        parts.forEach((name, files) -> {
            if (ENVELOPE_PART.equals(name)) return;
            for (MultipartFile file : files) {
                attachments.add(new IncomingAttachment(name, file.getOriginalFilename(), file.getContentType(), file::getInputStream));
            }
        });
        IntakeReceipt receipt = call(() -> camel.requestBodyAndHeader(HubEndpoints.INTAKE,
                new IncomingDocument(envelope::getInputStream, attachments), HubEndpoints.CALLER, caller, IntakeReceipt.class));
        RestViews.Receipt body = new RestViews.Receipt(receipt.documentId().toString(), receipt.duplicate(),
                receipt.receivedAt(), Base64.getEncoder().encodeToString(receipt.signedReceipt()));
        return receipt.duplicate() ? ResponseEntity.ok(body)
                : ResponseEntity.created(URI.create("/api/v1/documents/" + receipt.documentId())).body(body);
    }

    @Operation(operationId = "pendingDocuments", summary = "The documents waiting for the caller (pull mode)")
    @GetMapping(path = "/api/v1/documents/pending", produces = MediaType.APPLICATION_JSON_VALUE)
    public RestViews.Pending pending(HttpServletRequest request, @RequestParam(required = false) Integer max) {
        return new RestViews.Pending(pickup.pending(callers.authenticate(request), max).stream().map(UUID::toString).toList());
    }

    @Operation(operationId = "getDocument", summary = "A document's metadata and the links to its envelope and files")
    @GetMapping(path = "/api/v1/documents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public RestViews.DocumentView document(HttpServletRequest request, @PathVariable String id) {
        OutboundDocument document = pickup.fetch(callers.authenticate(request), documentId(id));
        String base = "/api/v1/documents/" + document.documentId();
        return new RestViews.DocumentView(document.documentId().toString(), document.senderOrganId(),
                document.senderDocumentId(), base + "/envelope",
                document.attachments().stream().map(a -> new RestViews.AttachmentView(a.contentId(), a.name(), a.mediaType(),
                        a.size(), a.sha256(), base + "/attachments/" + a.contentId())).toList(), document.warnings());
    }

    @Operation(operationId = "getEnvelope", summary = "The edXML envelope, byte for byte as the sender signed it")
    @GetMapping(path = "/api/v1/documents/{id}/envelope", produces = MediaType.APPLICATION_XML_VALUE)
    public ResponseEntity<InputStreamResource> envelope(HttpServletRequest request, @PathVariable String id) throws Exception {
        OutboundDocument document = pickup.fetch(callers.authenticate(request), documentId(id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(new InputStreamResource(document.envelope().getInputStream()));
    }

    @Operation(operationId = "getAttachment", summary = "One file of the document, streamed")
    @GetMapping(path = "/api/v1/documents/{id}/attachments/{contentId}")
    public ResponseEntity<InputStreamResource> attachment(HttpServletRequest request, @PathVariable String id,
                                                          @PathVariable String contentId) throws Exception {
        OutboundDocument document = pickup.fetch(callers.authenticate(request), documentId(id));
        OutboundDocument.OutboundAttachment attachment = document.attachments().stream()
                .filter(a -> a.contentId().equals(contentId)).findFirst()
                .orElseThrow(() -> RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, id + "/" + contentId));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(attachment.size())
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(attachment.sha256())))
                .body(new InputStreamResource(attachment.content().getInputStream()));
    }

    @Operation(operationId = "getEvidence", summary = "The document's evidence bundle (ASiC-E), for its sender and the recipients it was handed to",
            description = "One ASiC-E container signed by the hub: the original envelope and files, the validation report, the "
                    + "signed receipt, every status message as its system sent it (a recipient gets its own), the document's "
                    + "ledger entries with their inclusion proofs, the checkpoints that close them and their RFC 3161 tokens. "
                    + "java -jar lienthong-verify.jar checks it without the hub.")
    // No "produces" here: a refusal must still be written as the JSON refusal body, whatever the client accepts.
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The evidence bundle",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = EvidenceBundles.MEDIA_TYPE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @GetMapping(path = "/api/v1/documents/{id}/evidence")
    public ResponseEntity<byte[]> evidence(HttpServletRequest request, @PathVariable String id) {
        UUID documentId = documentId(id);
        byte[] bundle = evidence.forAgency(callers.authenticate(request).organId(), documentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(EvidenceBundles.MEDIA_TYPE))
                .header("Content-Disposition", "attachment; filename=\"lienthong-evidence-" + documentId + ".asice\"")
                .body(bundle);
    }

    @Operation(operationId = "reportStatus", summary = "Report a status on a document addressed to the caller (an edXML status message)")
    @PostMapping(path = "/api/v1/documents/{id}/statuses", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public RestViews.StatusRecorded status(HttpServletRequest request, @PathVariable String id, @RequestBody byte[] status) {
        Agency caller = callers.authenticate(request);
        StatusService.StatusAcceptance acceptance = call(() -> camel.requestBodyAndHeaders(HubEndpoints.STATUS, status,
                Map.of(HubEndpoints.CALLER, caller, HubEndpoints.DOCUMENT_ID, documentId(id)), StatusService.StatusAcceptance.class));
        return new RestViews.StatusRecorded(acceptance.recorded());
    }

    @Operation(operationId = "getHistory", summary = "Deliveries and statuses of a document the caller sent or received")
    @GetMapping(path = "/api/v1/documents/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    public RestViews.History history(HttpServletRequest request, @PathVariable String id) {
        StatusHistory history = statuses.history(callers.authenticate(request), documentId(id));
        return new RestViews.History(history.documentId().toString(), history.senderOrganId(), history.senderDocumentId(),
                history.state().name(),
                history.deliveries().stream().map(d -> new RestViews.RecipientView(d.recipientOrganId(),
                        d.channel().configName(), d.state().name(), d.updatedAt(), d.purpose().name(),
                        d.requirement() == null ? null : d.requirement().name(), d.article(), d.note(),
                        d.acknowledgement())).toList(),
                history.statuses().stream().map(s -> new RestViews.StatusView(s.organId(), s.statusCode(), s.description(),
                        s.reportedAt(), s.recordedAt(), s.reasons(),
                        Base64.getEncoder().encodeToString(signed.status(history.document(), s)))).toList(),
                history.senderReceipt() == null ? null : Base64.getEncoder().encodeToString(history.senderReceipt()));
    }

    private static UUID documentId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, text);
        }
    }

    /** Runs a call into the routes; a refusal inside comes out as itself, not wrapped by Camel. */
    private static <T> T call(java.util.function.Supplier<T> route) {
        try {
            return route.get();
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RefusedException refusal) throw refusal;
            throw e;
        }
    }
}
