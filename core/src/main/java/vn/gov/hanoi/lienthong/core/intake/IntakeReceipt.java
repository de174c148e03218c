package vn.gov.hanoi.lienthong.core.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * The hub's answer to a sender.
 *
 * @param duplicate       the sender had already sent this document: the id is the first one
 * @param needsInspection the document must be put on the inspection queue (new, or a resend of one whose
 *                        first intake may have died before queueing it; inspection is idempotent)
 * @param signedReceipt   the receipt signed by the hub: what it received, when, with the SHA-256 of every part
 */
public record IntakeReceipt(UUID documentId, boolean duplicate, Instant receivedAt, boolean needsInspection,
                            byte[] signedReceipt) {
}
