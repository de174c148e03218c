package vn.gov.hanoi.lienthong.core.document;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record DocumentRecord(UUID id, String senderOrganId, String senderDocumentId, List<String> recipientOrganIds,
                             String subject, String codeNotation, String envelopeSha256, long envelopeSize,
                             DocumentState state, Instant receivedAt, Instant updatedAt) {
}
