package vn.gov.hanoi.lienthong.core.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;

import org.slf4j.Logger;
import org.w3c.dom.Document;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.blob.BlobStore;
import vn.gov.hanoi.lienthong.core.directory.AgencyCertificates;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentState;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;
import vn.gov.hanoi.lienthong.core.document.StatusStore;
import vn.gov.hanoi.lienthong.core.document.ValidationReport;
import vn.gov.hanoi.lienthong.core.edxml.EdxmlReader;
import vn.gov.hanoi.lienthong.core.refusal.Reason;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.signature.AttachmentSignatureVerifier;
import vn.gov.hanoi.lienthong.core.signature.EnvelopeSignatureVerifier;
import vn.gov.hanoi.lienthong.core.signature.SignatureResult;
import vn.gov.hanoi.lienthong.core.signature.Verdict;
import vn.gov.hanoi.lienthong.core.status.SenderNotices;
import vn.gov.hanoi.lienthong.core.status.StatusCodes;

/**
 * The inspect stage: runs every legality check and verifies the envelope's signature; a document that fails
 * any is rejected, kept in quarantine
 * (its state says so; its bytes stay in the blob store) and its sender gets a status listing every reason.
 * Repeating the stage for a document already inspected changes nothing and gives the same outcome.
 */
@Service
public class InspectionService {

    private static final Logger LOG = LoggerFactory.getLogger(InspectionService.class);

    private final List<LegalityCheck> checks;
    private final EnvelopeSignatureVerifier signatures;
    private final vn.gov.hanoi.lienthong.core.directory.AgencyDirectory directory;
    private final AttachmentSignatureVerifier attachmentVerifier;
    private final EdxmlReader edxml;
    private final DocumentStore documents;
    private final StatusStore statuses;
    private final SenderNotices notices;
    private final BlobStore blobs;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String hubOrganId;
    private final vn.gov.hanoi.lienthong.core.metrics.HubMeters meters;

    private final AgencyCertificates agencyCertificates;

    public InspectionService(List<LegalityCheck> checks, EnvelopeSignatureVerifier signatures,
                             AttachmentSignatureVerifier attachmentVerifier, EdxmlReader edxml, DocumentStore documents, StatusStore statuses,
                             SenderNotices notices, BlobStore blobs, TransactionTemplate transaction, Clock clock,
                             HubSettings settings, vn.gov.hanoi.lienthong.core.directory.AgencyDirectory directory,
                             vn.gov.hanoi.lienthong.core.metrics.HubMeters meters, AgencyCertificates agencyCertificates) {
        this.agencyCertificates = agencyCertificates;
        this.directory = directory;
        this.meters = meters;
        this.checks = checks;
        this.signatures = signatures;
        this.attachmentVerifier = attachmentVerifier;
        this.edxml = edxml;
        this.documents = documents;
        this.statuses = statuses;
        this.notices = notices;
        this.blobs = blobs;
        this.transaction = transaction;
        this.clock = clock;
        this.hubOrganId = settings.organId();
    }

    public InspectionOutcome inspect(UUID documentId) {
        return transaction.execute(tx -> {
            DocumentRecord document = documents.lock(documentId)
                    .orElseThrow(() -> new IllegalStateException("no document " + documentId + " to inspect"));
            if (document.state() == DocumentState.REJECTED) {
                return new InspectionOutcome(documentId, false, List.of(), notices.pending(document, hubOrganId));
            }
            if (document.state() != DocumentState.RECEIVED) {
                return new InspectionOutcome(documentId, true, List.of(), List.of());
            }
            byte[] envelope = envelopeOf(document);
            Document dom = edxml.dom(envelope);
            List<String> violations = edxml.schemaViolations(envelope);
            InspectedDocument inspected = new InspectedDocument(document, envelope, dom, violations,
                    violations.isEmpty() ? edxml.messageHeader(dom).orElse(null) : null,
                    documents.attachments(documentId), blobs);
            List<Finding> findings = new ArrayList<>();
            for (LegalityCheck check : checks) {
                findings.addAll(check.check(inspected));
            }
            SignatureResult signature = signatures.verify(dom, document.receivedAt());
            if (signature.verdict() == Verdict.INDETERMINATE) {
                // Neither accepted nor refused: the transaction rolls back and the broker redelivers later.
                throw new RevocationUnavailableException(documentId, signature.detail());
            }
            if (signature.verdict() != Verdict.UNSIGNED) meters.signatureVerified("envelope", signature.verdict().name());
            signatureFinding(signature).ifPresent(findings::add);
            unregisteredSigner(document, signature).ifPresent(findings::add);
            List<AttachmentSignatureVerifier.AttachmentSignature> attachmentSignatures = attachmentSignatures(inspected);
            for (AttachmentSignatureVerifier.AttachmentSignature found : attachmentSignatures) {
                if (found.subIndication() == SubIndication.TRY_LATER) {
                    throw new RevocationUnavailableException(documentId, found.file() + ": " + found.subIndication());
                }
                meters.signatureVerified("attachment", found.unreadable() ? "UNREADABLE" : String.valueOf(found.indication()));
                if (found.unreadable()) {
                    findings.add(Finding.warning(ReasonCode.ATTACHMENT_SIGNATURE_UNREADABLE.with(found.file(),
                            found.simpleReportXml())));
                } else if (found.indication() != Indication.TOTAL_PASSED) {
                    findings.add(Finding.refusal(ReasonCode.ATTACHMENT_SIGNATURE_NOT_VALID.with(found.file(),
                            found.signedBy(), found.indication(), found.subIndication())));
                }
            }
            List<Reason> reasons = findings.stream().filter(Finding::refuses).map(Finding::reason).toList();
            List<Reason> warnings = findings.stream().filter(f -> !f.refuses()).map(Finding::reason).toList();
            Instant now = clock.instant();
            List<String> checkNames = new ArrayList<>(checks.stream().map(check -> check.getClass().getSimpleName()).toList());
            checkNames.add(EnvelopeSignatureVerifier.class.getSimpleName());
            documents.saveValidationReport(documentId, new ValidationReport(now, reasons.isEmpty(), checkNames, reasons,
                    warnings, new ValidationReport.Signature(signature.verdict().name(), signature.signer(), signature.detail()),
                    attachmentSignatures.stream().map(found -> new ValidationReport.AttachmentSignature(found.file(),
                            found.signedBy(), String.valueOf(found.indication()), String.valueOf(found.subIndication()),
                            found.simpleReportXml())).toList()));
            if (reasons.isEmpty()) {
                documents.transition(documentId, DocumentState.RECEIVED, DocumentState.ACCEPTED, "inspection passed", now);
                return new InspectionOutcome(documentId, true, List.of(), List.of());
            }
            documents.transition(documentId, DocumentState.RECEIVED, DocumentState.REJECTED,
                    "inspection failed: " + reasons.stream().map(Reason::code).distinct().toList(), now);
            statuses.insertIfAbsent(documentId, hubOrganId, StatusCodes.REFUSED, "Trục liên thông từ chối văn bản",
                    reasons, now, now);
            reasons.stream().map(Reason::code).distinct().forEach(code -> meters.refused("inspection", code));
            LOG.warn("Rejected document {} of {}: {}", documentId, document.senderOrganId(),
                    reasons.stream().map(r -> r.code() + " " + r.messageEn()).toList());
            return new InspectionOutcome(documentId, false, reasons, notices.pending(document, hubOrganId));
        });
    }

    private List<AttachmentSignatureVerifier.AttachmentSignature> attachmentSignatures(InspectedDocument inspected) {
        try {
            return attachmentVerifier.verify(inspected.attachments().stream()
                    .map(attachment -> new AttachmentSignatureVerifier.SignedFile(attachment.name(),
                            attachment.size(), () -> inspected.open(attachment)))
                    .toList(), inspected.record().receivedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A sender with registered certificates signs with one of them (the directory's "certificates"); one it signs
     * with is remembered with its end, for the operators' warning before it expires.
     */
    private java.util.Optional<Finding> unregisteredSigner(DocumentRecord document, SignatureResult signature) {
        if (signature.verdict() != Verdict.VALID || signature.signerCertificateSha256() == null) {
            return java.util.Optional.empty();
        }
        var sender = directory.byOrganId(document.senderOrganId()).orElse(null);
        if (sender == null || sender.certificateSha256().isEmpty()) return java.util.Optional.empty();
        if (sender.certificateSha256().contains(signature.signerCertificateSha256())) {
            agencyCertificates.seen(sender.organId(), signature.signerCertificateSha256(), AgencyCertificates.Usage.SIGNING,
                    signature.signer(), signature.signerNotAfter());
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Finding.refusal(ReasonCode.SIGNER_NOT_REGISTERED.with(signature.signer(),
                signature.signerCertificateSha256(), sender.organId())));
    }

    private static java.util.Optional<Finding> signatureFinding(SignatureResult result) {
        String signer = result.signer() == null ? "?" : result.signer();
        Reason reason = switch (result.verdict()) {
            case UNSIGNED, VALID, INDETERMINATE -> null;
            case TAMPERED -> ReasonCode.SIGNATURE_INVALID.with(result.detail());
            case EXPIRED -> ReasonCode.CERTIFICATE_EXPIRED.with(signer, result.detail());
            case REVOKED -> ReasonCode.CERTIFICATE_REVOKED.with(signer, result.detail());
            case UNTRUSTED -> ReasonCode.CERTIFICATE_UNTRUSTED.with(signer, result.detail());
            case WRONG_KEY_USAGE -> ReasonCode.CERTIFICATE_KEY_USAGE.with(signer, result.detail());
        };
        return java.util.Optional.ofNullable(reason).map(Finding::refusal);
    }

    /** Revocation could not be checked: the document waits in its queue and is inspected again later. */
    public static class RevocationUnavailableException extends RuntimeException {
        public RevocationUnavailableException(UUID documentId, String detail) {
            super("revocation of the signer of document " + documentId + " cannot be checked now (" + detail
                    + "); it will be inspected again");
        }
    }

    private byte[] envelopeOf(DocumentRecord document) {
        try (InputStream in = blobs.open(document.envelopeSha256())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
