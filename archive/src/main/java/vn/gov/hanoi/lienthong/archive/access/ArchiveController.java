package vn.gov.hanoi.lienthong.archive.access;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.gov.hanoi.lienthong.archive.evidence.EvidenceBundles;
import vn.gov.hanoi.lienthong.archive.search.ArchiveSearch;
import vn.gov.hanoi.lienthong.core.audit.AuditAction;
import vn.gov.hanoi.lienthong.core.audit.AuditTrail;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/**
 * The archive over the API, for people (the people's chain: archivists, an agency's clerks and leaders; the audit
 * trail for auditors). Every read of content, export and certification is audited before the bytes are sent.
 */
@RestController
@RequestMapping("/api/v1/archive")
@Tag(name = "archive", description = "The archive of Article 11: documents, evidence, certified copies, reclassification, the audit trail")
@SecurityRequirement(name = "person")
public class ArchiveController {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ArchiveService archive;
    private final AuditTrail audit;
    private final ArchiveSearch search;
    private final vn.gov.hanoi.lienthong.core.directory.AgencyDirectory directory;

    public ArchiveController(ArchiveService archive, AuditTrail audit, ArchiveSearch search,
                             vn.gov.hanoi.lienthong.core.directory.AgencyDirectory directory) {
        this.directory = directory;
        this.archive = archive;
        this.audit = audit;
        this.search = search;
    }

    @Operation(operationId = "archiveDocument", summary = "A document's archive view: metadata, files' hashes, archive record")
    @GetMapping(path = "/documents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ArchiveService.ArchiveDocument document(Authentication person, @PathVariable String id) {
        return archive.document(ArchiveReader.of(person, directory), documentId(id));
    }

    @Operation(operationId = "archiveEnvelope", summary = "The envelope as received (audited)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The bytes", content =
            @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema =
                    @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @GetMapping(path = "/documents/{id}/envelope")
    public ResponseEntity<byte[]> envelope(Authentication person, @PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(archive.envelope(ArchiveReader.of(person, directory), documentId(id)));
    }

    @Operation(operationId = "archiveFile", summary = "One file as received (audited)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The bytes", content =
            @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE, schema =
                    @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @GetMapping(path = "/documents/{id}/files/{position}")
    public ResponseEntity<byte[]> file(Authentication person, @PathVariable String id, @PathVariable int position) {
        ArchiveService.FileContent file = archive.file(ArchiveReader.of(person, directory), documentId(id), position);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8)
                        .build().toString())
                .body(file.bytes());
    }

    @Operation(operationId = "archiveEvidence", summary = "The whole evidence bundle, every party's statuses (audited)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The bytes", content =
            @io.swagger.v3.oas.annotations.media.Content(mediaType = EvidenceBundles.MEDIA_TYPE, schema =
                    @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @GetMapping(path = "/documents/{id}/evidence")
    public ResponseEntity<byte[]> evidence(Authentication person, @PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(EvidenceBundles.MEDIA_TYPE))
                .header("Content-Disposition", "attachment; filename=\"lienthong-evidence-" + id + ".asice\"")
                .body(archive.evidence(ArchiveReader.of(person, directory), documentId(id)));
    }

    @Operation(operationId = "archiveCertifiedCopy", summary = "A certified copy of one file, signed by the hub (archivists; audited)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The bytes", content =
            @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema =
                    @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @PostMapping(path = "/documents/{id}/files/{position}/certified-copies")
    public ResponseEntity<byte[]> certifiedCopy(Authentication person, @PathVariable String id, @PathVariable int position,
                                                @RequestBody CertificationRequest request) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(archive.certifiedCopy(ArchiveReader.of(person, directory), documentId(id), position, request.purpose()));
    }

    @Operation(operationId = "archiveReclassify", summary = "Change a document's archive metadata, never its content (archivists; audited)")
    @PutMapping(path = "/documents/{id}/classification", produces = MediaType.APPLICATION_JSON_VALUE)
    public ArchiveRecord reclassify(Authentication person, @PathVariable String id, @RequestBody Reclassification request) {
        return archive.reclassify(ArchiveReader.of(person, directory), documentId(id), new ArchiveRecord(request.accessLevel(),
                request.fileCode(), request.retentionYears(), request.keywords(), null, null), request.reason());
    }

    @Operation(operationId = "archiveSearch", summary = "Search the metadata and the files' text; only what the caller may read",
            description = "words: web-search syntax (\"a phrase\", -word, or); ignoreAccents=true finds \"chuyển đổi\" by "
                    + "\"chuyen doi\"; filters: organ (sender or recipient), type, notation (number/notation), signer, from, to.")
    @GetMapping(path = "/search", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ArchiveSearch.Hit> search(Authentication person, @RequestParam(required = false) String words,
                                          @RequestParam(defaultValue = "false") boolean ignoreAccents,
                                          @RequestParam(required = false) String organ, @RequestParam(required = false) String type,
                                          @RequestParam(required = false) String notation,
                                          @RequestParam(required = false) String signer,
                                          @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        return search.search(ArchiveReader.of(person, directory), new ArchiveSearch.Query(words, ignoreAccents, blankToNull(organ),
                blankToNull(type), blankToNull(notation), blankToNull(signer), from, to));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Operation(operationId = "auditTrail", summary = "The audit trail of a period, newest first (auditors; read-only)")
    @GetMapping(path = "/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<AuditTrail.AuditEntry> auditTrail(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                                  @RequestParam(required = false) String document,
                                                  @RequestParam(required = false) String actor,
                                                  @RequestParam(required = false) String action,
                                                  @RequestParam(required = false, defaultValue = "1000") int limit) {
        if (to.isBefore(from)) throw RefusedException.because(ReasonCode.REQUEST_INVALID, "to is before from");
        AuditAction kind;
        try {
            kind = action == null ? null : AuditAction.valueOf(action);
        } catch (IllegalArgumentException e) {
            throw RefusedException.because(ReasonCode.REQUEST_INVALID, "action: one of " + List.of(AuditAction.values()));
        }
        Instant start = from.atStartOfDay(HANOI).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(HANOI).toInstant();
        return audit.entries(start, end, document == null ? null : documentId(document), actor, kind, Math.min(Math.max(limit, 1), 10_000));
    }

    private static UUID documentId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, id);
        }
    }

    public record CertificationRequest(String purpose) {
    }

    public record Reclassification(String accessLevel, String fileCode, Integer retentionYears, String keywords, String reason) {
    }
}
