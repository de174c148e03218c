package vn.gov.hanoi.lienthong.archive.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.europa.esig.dss.asic.cades.ASiCWithCAdESSignatureParameters;
import eu.europa.esig.dss.asic.cades.signature.ASiCWithCAdESService;
import eu.europa.esig.dss.enumerations.ASiCContainerType;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.gov.hanoi.lienthong.archive.checkpoint.Checkpoint;
import vn.gov.hanoi.lienthong.archive.checkpoint.CheckpointService;
import vn.gov.hanoi.lienthong.archive.checkpoint.CheckpointStore;
import vn.gov.hanoi.lienthong.archive.checkpoint.MerkleTree;
import vn.gov.hanoi.lienthong.core.blob.BlobStore;
import vn.gov.hanoi.lienthong.core.document.AttachmentRecord;
import vn.gov.hanoi.lienthong.core.document.DeliveryRecord;
import vn.gov.hanoi.lienthong.core.document.DeliveryState;
import vn.gov.hanoi.lienthong.core.document.DeliveryStore;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;
import vn.gov.hanoi.lienthong.core.record.Ledger;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.core.signature.HubSigner;
import vn.gov.hanoi.lienthong.core.signature.SignedDocuments;

/**
 * The evidence bundle of a document — what an agency shows a court: one ASiC-E container (ETSI EN 319 162-1, with
 * the hub's CAdES signature over its manifest, built by DSS) holding
 * <ul>
 *   <li>{@code document/envelope.xml} and {@code document/files/…}: the original bytes as received, signatures and all;</li>
 *   <li>{@code document/validation-report.json}: what inspection found of them;</li>
 *   <li>{@code receipt.xml}: the hub's signed receipt, with every delivery;</li>
 *   <li>{@code statuses/…}: each recipient's status message as its system sent it (signed, where it signed);</li>
 *   <li>{@code ledger/entries.json}: the document's ledger entries, each with its inclusion proof in the checkpoint
 *   that closes it; {@code ledger/checkpoint-N.xml} (signed by the hub) and {@code ledger/checkpoint-N.tsr} (the
 *   RFC 3161 token, when the authority has given it);</li>
 *   <li>{@code evidence.json}: what the bundle is, its parts and the rules to recompute each hash.</li>
 * </ul>
 * The proofs are computed from the ledger as it is now, never kept: a ledger changed since its checkpoint was signed
 * gives proofs that do not reach the signed root, and the offline verifier says so.
 */
@Service
public class EvidenceBundles {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceBundles.class);
    public static final String MEDIA_TYPE = "application/vnd.etsi.asic-e+zip";

    private final DocumentStore documents;
    private final DeliveryStore deliveries;
    private final Ledger ledger;
    private final CheckpointService sealing;
    private final CheckpointStore checkpoints;
    private final BlobStore blobs;
    private final SignedDocuments signed;
    private final HubSigner signer;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json;

    private final vn.gov.hanoi.lienthong.archive.retention.DocumentDestructions destructions;

    public EvidenceBundles(DocumentStore documents, DeliveryStore deliveries, Ledger ledger, CheckpointService sealing,
                           CheckpointStore checkpoints, BlobStore blobs, SignedDocuments signed, HubSigner signer,
                           JdbcClient jdbc, Clock clock, ObjectMapper json,
                           vn.gov.hanoi.lienthong.archive.retention.DocumentDestructions destructions) {
        this.destructions = destructions;
        this.documents = documents;
        this.deliveries = deliveries;
        this.ledger = ledger;
        this.sealing = sealing;
        this.checkpoints = checkpoints;
        this.blobs = blobs;
        this.signed = signed;
        this.signer = signer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * The bundle for an agency that is a party: its sender (everything), or a recipient the document was handed to
     * (the document and its own statuses). Others are refused ({@code NOT_A_PARTY}).
     */
    public byte[] forAgency(String organId, UUID documentId) {
        DocumentRecord document = documents.find(documentId)
                .orElseThrow(() -> RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, documentId));
        if (document.senderOrganId().equals(organId)) return bundle(document, null);
        boolean handedOver = deliveries.forDocument(documentId).stream().anyMatch(d -> d.recipientOrganId().equals(organId)
                && (d.state() == DeliveryState.DELIVERED || d.state() == DeliveryState.AVAILABLE));
        if (!handedOver) throw RefusedException.because(ReasonCode.NOT_A_PARTY, organId, documentId);
        return bundle(document, organId);
    }

    /** The whole bundle (every party's statuses), for the people whose role lets them read the archive. */
    public byte[] whole(UUID documentId) {
        DocumentRecord document = documents.find(documentId)
                .orElseThrow(() -> RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, documentId));
        return bundle(document, null);
    }

    /**
     * @param onlyStatusesOf a recipient: its own statuses only; null: every status
     */
    private byte[] bundle(DocumentRecord document, String onlyStatusesOf) {
        UUID documentId = document.id();
        destructions.refuseIfDestroyed(documentId);
        List<Ledger.LedgerEntry> entries = ledger.entriesOf(documentId);
        // An entry not yet closed by a checkpoint gets one now (on demand), so that every entry has its proof.
        if (!entries.isEmpty() && checkpoints.covering(entries.get(entries.size() - 1).seq()).isEmpty()) {
            sealing.seal();
            sealing.timestampWaiting();
        }
        List<DSSDocument> parts = new ArrayList<>();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("bundle", "Liên Thông evidence bundle / Hồ sơ chứng cứ văn bản điện tử");
        manifest.put("documentId", documentId.toString());
        manifest.put("senderOrganId", document.senderOrganId());
        manifest.put("senderDocumentId", document.senderDocumentId());
        manifest.put("codeNotation", document.codeNotation());
        manifest.put("subject", document.subject());
        manifest.put("receivedAt", document.receivedAt().toString());
        manifest.put("exportedAt", clock.instant().toString());
        manifest.put("statusesOf", onlyStatusesOf == null ? "every party" : onlyStatusesOf);

        parts.add(part("document/envelope.xml", blob(document.envelopeSha256()), MimeTypeEnum.XML));
        manifest.put("envelope", Map.of("path", "document/envelope.xml", "sha256", document.envelopeSha256()));
        List<Map<String, Object>> files = new ArrayList<>();
        List<AttachmentRecord> attachments = documents.attachments(documentId);
        for (AttachmentRecord attachment : attachments) {
            String path = "document/files/" + attachment.position() + "-" + safeName(attachment.name());
            parts.add(part(path, blob(attachment.sha256()), MimeTypeEnum.BINARY));
            files.add(Map.of("position", attachment.position(), "name", attachment.name(), "path", path,
                    "sha256", attachment.sha256(), "mediaType", String.valueOf(attachment.mediaType())));
        }
        manifest.put("files", files);
        documents.validationReport(documentId).ifPresent(report -> {
            parts.add(part("document/validation-report.json", toJson(report), MimeTypeEnum.JSON));
            manifest.put("validationReport", "document/validation-report.json");
        });
        List<DeliveryRecord> allDeliveries = deliveries.forDocument(documentId);
        parts.add(part("receipt.xml", signed.receipt(document, attachments, allDeliveries), MimeTypeEnum.XML));
        manifest.put("receipt", "receipt.xml");

        List<Map<String, Object>> statusParts = new ArrayList<>();
        List<String> statusEvents = new ArrayList<>();
        int n = 0;
        for (KeptStatus status : jdbc.sql("""
                        select organ_id, status_code, reported_at, message_sha256 from status_event
                        where document_id = ? and message_sha256 is not null order by reported_at, recorded_at""")
                .param(documentId).query(KeptStatus.class).list()) {
            if (onlyStatusesOf != null && !onlyStatusesOf.equals(status.organId())) continue;
            String path = String.format("statuses/%02d-%s-%s.xml", ++n, safeName(status.organId()), status.statusCode());
            parts.add(part(path, blob(status.messageSha256()), MimeTypeEnum.XML));
            String event = vn.gov.hanoi.lienthong.core.status.StatusService.statusEvent(status.organId(),
                    status.statusCode(), status.reportedAt().toInstant());
            statusEvents.add(event);
            statusParts.add(Map.of("path", path, "organId", status.organId(), "statusCode", status.statusCode(),
                    "reportedAt", status.reportedAt().toInstant().toString(), "sha256", status.messageSha256(),
                    "ledgerEvent", event));
        }
        manifest.put("statuses", statusParts);

        List<Map<String, Object>> proven = new ArrayList<>();
        Map<Long, Checkpoint> used = new LinkedHashMap<>();
        Map<Long, MerkleTree> trees = new LinkedHashMap<>();
        for (Ledger.LedgerEntry entry : entries) {
            if (entry.event().startsWith("STATUS ") && !statusEvents.contains(entry.event())) continue;
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("seq", entry.seq());
            line.put("documentId", entry.documentId().toString());
            line.put("event", entry.event());
            line.put("payloadSha256", entry.payloadSha256());
            line.put("previousHash", entry.previousHash());
            line.put("entryHash", entry.entryHash());
            line.put("recordedAtMillis", entry.recordedAt().toEpochMilli());
            Optional<Checkpoint> covering = checkpoints.covering(entry.seq());
            if (covering.isPresent()) {
                Checkpoint checkpoint = covering.get();
                used.putIfAbsent(checkpoint.number(), checkpoint);
                MerkleTree tree = trees.computeIfAbsent(checkpoint.number(), number -> treeAsItIsNow(checkpoint));
                int index = (int) (entry.seq() - checkpoint.firstSeq());
                line.put("checkpoint", checkpoint.number());
                line.put("leafIndex", index);
                line.put("treeSize", checkpoint.treeSize());
                line.put("inclusionProof", index < tree.size() ? tree.inclusionProof(index) : List.of());
            }
            proven.add(line);
        }
        parts.add(part("ledger/entries.json", toJson(Map.of("entryHash", "SHA-256 of seq, documentId, event, "
                + "payloadSha256, previousHash, recordedAtMillis, each followed by \\n but the last (UTF-8)",
                "entries", proven)), MimeTypeEnum.JSON));
        List<Map<String, Object>> checkpointParts = new ArrayList<>();
        for (Checkpoint checkpoint : used.values()) {
            String path = "ledger/checkpoint-" + checkpoint.number() + ".xml";
            parts.add(part(path, checkpoint.signedCheckpoint(), MimeTypeEnum.XML));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("number", checkpoint.number());
            line.put("path", path);
            if (checkpoint.timestampToken() != null) {
                String token = "ledger/checkpoint-" + checkpoint.number() + ".tsr";
                parts.add(part(token, checkpoint.timestampToken(), MimeTypeEnum.BINARY));
                line.put("timestampToken", token);
            } else {
                line.put("timestampToken", null);
            }
            checkpointParts.add(line);
        }
        manifest.put("checkpoints", checkpointParts);
        manifest.put("recordedPayload", "SHA-256 of the envelope's SHA-256 and each file's in order, lower-case hex, "
                + "joined by \\n");
        parts.add(0, part("evidence.json", toJson(manifest), MimeTypeEnum.JSON));
        byte[] container = signed(parts);
        LOG.info("Evidence bundle of document {} exported ({} parts, {} ledger entries, {} checkpoint(s))", documentId,
                parts.size(), proven.size(), used.size());
        return container;
    }

    /** The checkpoint's tree over its entries as they are now (missing ones left out: the proofs then fail). */
    private MerkleTree treeAsItIsNow(Checkpoint checkpoint) {
        List<String> leaves = ledger.entries(checkpoint.firstSeq() - 1, checkpoint.lastSeq()).stream()
                .map(Ledger.LedgerEntry::entryHash).toList();
        return new MerkleTree(leaves.isEmpty() ? List.of("0".repeat(64)) : leaves);
    }

    /** The ASiC-E container with the hub's CAdES (baseline B) signature over its manifest. */
    private byte[] signed(List<DSSDocument> parts) {
        ASiCWithCAdESService service = new ASiCWithCAdESService(new CommonCertificateVerifier());
        ASiCWithCAdESSignatureParameters parameters = new ASiCWithCAdESSignatureParameters();
        parameters.aSiC().setContainerType(ASiCContainerType.ASiC_E);
        parameters.setSignatureLevel(SignatureLevel.CAdES_BASELINE_B);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(signer.certificate()));
        parameters.bLevel().setSigningDate(Date.from(clock.instant()));
        ToBeSigned toBeSigned = service.getDataToSign(parts, parameters);
        SignatureAlgorithm algorithm = "EC".equals(signer.keyAlgorithm()) ? SignatureAlgorithm.ECDSA_SHA256
                : SignatureAlgorithm.RSA_SHA256;
        DSSDocument container = service.signDocument(parts, parameters,
                new SignatureValue(algorithm, signer.signatureValue(toBeSigned.getBytes())));
        try (InputStream in = container.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] blob(String sha256) {
        try {
            return blobs.readAll(sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("the blob " + sha256 + " cannot be read", e);
        }
    }

    private byte[] toJson(Object value) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            json.writeValue(out, value);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DSSDocument part(String path, byte[] bytes, MimeTypeEnum type) {
        return new InMemoryDocument(bytes, path, type);
    }

    /** A file name as a safe zip entry name: no folders, no control characters. */
    static String safeName(String name) {
        String safe = name == null ? "file" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").replaceAll("^\\.+", "_");
        return safe.isBlank() ? "file" : safe;
    }

    record KeptStatus(String organId, String statusCode, java.sql.Timestamp reportedAt, String messageSha256) {
    }
}
