package vn.gov.hanoi.lienthong.archive.retention;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.gov.hanoi.lienthong.archive.access.ArchiveReader;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/**
 * Retention and destruction over the API, for people: the expired documents and legal holds (archivists), destruction
 * lists proposed and executed by archivists and decided by the competent leader, the signed destruction record.
 */
@RestController
@RequestMapping("/api/v1/archive")
@Tag(name = "archive", description = "The archive of Article 11: documents, evidence, certified copies, reclassification, the audit trail")
@SecurityRequirement(name = "person")
public class RetentionController {

    private final DestructionService destruction;
    private final LegalHolds holds;
    private final AgencyDirectory directory;

    public RetentionController(DestructionService destruction, LegalHolds holds, AgencyDirectory directory) {
        this.destruction = destruction;
        this.holds = holds;
        this.directory = directory;
    }

    @Operation(operationId = "archiveExpired", summary = "Documents whose retention has expired, longest expired first (archivists)")
    @GetMapping(path = "/retention/expired", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<DestructionService.ExpiredDocument> expired(Authentication person, @RequestParam(defaultValue = "500") int limit) {
        return destruction.expired(ArchiveReader.of(person, directory), Math.min(Math.max(limit, 1), 10_000));
    }

    @Operation(operationId = "archivePlaceLegalHold", summary = "Place a legal hold: no destruction while it lasts (archivists; audited)")
    @PostMapping(path = "/documents/{id}/legal-hold", produces = MediaType.APPLICATION_JSON_VALUE)
    public LegalHolds.LegalHold placeHold(Authentication person, @PathVariable String id, @RequestBody HoldReason request) {
        return holds.place(ArchiveReader.of(person, directory), documentId(id), request.reason());
    }

    @Operation(operationId = "archiveReleaseLegalHold", summary = "Release a legal hold (archivists; audited)")
    @PostMapping(path = "/documents/{id}/legal-hold/release")
    public ResponseEntity<Void> releaseHold(Authentication person, @PathVariable String id, @RequestBody HoldReason request) {
        holds.release(ArchiveReader.of(person, directory), documentId(id), request.reason());
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "archiveProposeDestruction", summary = "Propose a destruction list of expired documents (archivists; audited)")
    @PostMapping(path = "/destruction-lists", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DestructionList> propose(Authentication person, @RequestBody DestructionProposal request) {
        List<UUID> documents = request.documents() == null ? List.of() : request.documents().stream().map(RetentionController::documentId).toList();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(destruction.propose(ArchiveReader.of(person, directory), request.title(), documents));
    }

    @Operation(operationId = "archiveDestructionList", summary = "A destruction list as it stands (archivists, auditors, leaders)")
    @GetMapping(path = "/destruction-lists/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public DestructionList list(Authentication person, @PathVariable String id) {
        return destruction.view(ArchiveReader.of(person, directory), listId(id));
    }

    @Operation(operationId = "archiveDecideDestruction", summary = "The competent leader approves (with the decision's reference) or rejects a list; audited")
    @PostMapping(path = "/destruction-lists/{id}/decision", produces = MediaType.APPLICATION_JSON_VALUE)
    public DestructionList decide(Authentication person, @PathVariable String id, @RequestBody DestructionDecision request) {
        return destruction.decide(ArchiveReader.of(person, directory), listId(id), request.approved(), request.decisionReference(),
                request.decisionDate(), request.note());
    }

    @Operation(operationId = "archiveExecuteDestruction", summary = "Execute an approved list: keys destroyed, blobs removed, the record signed (archivists; audited)")
    @PostMapping(path = "/destruction-lists/{id}/execution", produces = MediaType.APPLICATION_JSON_VALUE)
    public DestructionList execute(Authentication person, @PathVariable String id) {
        return destruction.execute(ArchiveReader.of(person, directory), listId(id));
    }

    @Operation(operationId = "archiveDestructionRecord", summary = "The destruction record, signed by the hub (XML-DSig)")
    @ApiResponse(responseCode = "200", description = "The bytes", content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping(path = "/destruction-lists/{id}/record")
    public ResponseEntity<byte[]> record(Authentication person, @PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(destruction.record(ArchiveReader.of(person, directory), listId(id)));
    }

    private static UUID documentId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, id);
        }
    }

    private static UUID listId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw RefusedException.because(ReasonCode.REQUEST_INVALID, "no destruction list " + id);
        }
    }

    public record HoldReason(String reason) {
    }

    public record DestructionProposal(String title, List<String> documents) {
    }

    public record DestructionDecision(boolean approved, String decisionReference, LocalDate decisionDate, String note) {
    }
}
