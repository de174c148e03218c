package vn.gov.hanoi.lienthong.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One document as one recipient has it: what the document is, where its delivery stands, how far the recipient
 * has handled it, by when it must be done, and its paper copy. A row of every list of the tracking.
 *
 * @param codeNumber    the document's number alone (123)
 * @param codeNotation  its number and notation joined (123/QĐ-UBND)
 * @param sentAt        when the hub dispatched it to the recipient (the delivery's start)
 * @param deliveredAt   when it was handed over (pushed and taken, or fetched), if it was
 * @param progress      the furthest status code the recipient reported (01, 03, 04, 05, 06, or 02), if any
 * @param dueOn         the day by which the recipient must be done (the envelope's DueDate, else the policy's
 *                      working days from the day it was sent)
 * @param overdue       past its due day and not finished (neither done nor refused, nor cancelled by an operator)
 * @param paperRequired whether a paper copy follows (Article 5.1)
 */
public record TrackedDelivery(UUID deliveryId, UUID documentId, String senderOrganId, String senderName,
                              String recipientOrganId, String recipientName, String codeNumber, String codeNotation,
                              Integer typeNumber, String typeName, String subject, LocalDate promulgationDate,
                              String channel, String deliveryState, Instant sentAt, Instant deliveredAt,
                              String progress, Instant arrivedAt, Instant registeredAt, String incomingNumber,
                              Instant assignedAt, Instant handlingAt, Instant doneAt, Instant refusedAt,
                              LocalDate dueOn, boolean overdue, boolean paperRequired, String paperArticle,
                              Instant paperConfirmedAt, String paperConfirmedBy) {

    public boolean finished() {
        return doneAt != null || refusedAt != null;
    }

    /** The number and notation as written on the document: 123/QĐ-UBND (the hub keeps them joined, as read at intake). */
    public String numberAndNotation() {
        return codeNotation != null ? codeNotation : codeNumber;
    }
}
