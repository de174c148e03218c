package vn.gov.hanoi.lienthong.archive.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A destruction list as it stands: proposed, decided (approved or rejected), executed. */
public record DestructionList(UUID id, String title, String state, String proposedBy, Instant proposedAt, String decidedBy,
                              Instant decidedAt, String decisionReference, LocalDate decisionDate, String decisionNote,
                              String executedBy, Instant executedAt, String recordSha256, List<ListedDocument> items) {

    /** A document on the list; outcome once executed: DESTROYED or KEPT_ON_LEGAL_HOLD. */
    public record ListedDocument(UUID documentId, String codeNotation, String subject, LocalDate expiredOn, String outcome) {
    }
}
