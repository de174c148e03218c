package vn.gov.hanoi.lienthong.core.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.document.AttachmentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentState;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;

/**
 * The record stage: an accepted document enters the ledger with the hashes of its envelope and files, so
 * that any later change to what the hub holds can be shown. Idempotent.
 */
@Service
public class RecordService {

    public static final String EVENT_RECORDED = "RECORDED";

    private final DocumentStore documents;
    private final Ledger ledger;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RecordService(DocumentStore documents, Ledger ledger, TransactionTemplate transaction, Clock clock) {
        this.documents = documents;
        this.ledger = ledger;
        this.transaction = transaction;
        this.clock = clock;
    }

    public void record(UUID documentId) {
        transaction.executeWithoutResult(tx -> {
            DocumentRecord document = documents.lock(documentId)
                    .orElseThrow(() -> new IllegalStateException("no document " + documentId + " to record"));
            if (document.state() != DocumentState.ACCEPTED) {
                return;
            }
            Instant now = clock.instant();
            ledger.append(documentId, EVENT_RECORDED, contentDigest(document), now);
            documents.transition(documentId, DocumentState.ACCEPTED, DocumentState.RECORDED, "entered in the ledger", now);
        });
    }

    private String contentDigest(DocumentRecord document) {
        return contentDigest(document.envelopeSha256(),
                documents.attachments(document.id()).stream().map(AttachmentRecord::sha256).toList());
    }

    /**
     * The payload of a RECORDED entry: one SHA-256 over the envelope's SHA-256 and every file's, in order, as
     * lower-case hex separated by "\n" (the offline verifier recomputes it from an evidence bundle).
     */
    public static String contentDigest(String envelopeSha256, java.util.List<String> attachmentSha256s) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(envelopeSha256.getBytes(StandardCharsets.US_ASCII));
            for (String attachment : attachmentSha256s) {
                sha256.update((byte) '\n');
                sha256.update(attachment.getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
