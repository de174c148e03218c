package vn.gov.hanoi.lienthong.core.document;

/** The life of one delivery of a document to one recipient. */
public enum DeliveryState {
    /** Created by dispatch, on the recipient's queue. */
    QUEUED,
    /** Pull mode: waiting for the recipient's system to fetch it and report a status. */
    AVAILABLE,
    /** The recipient's system has it: accepted by its push service, or confirmed by a status after a pull. Final. */
    DELIVERED,
    /** Every attempt failed; the sender was told; the message waits in the dead-letter queue. */
    FAILED,
    /** Withdrawn by an operator, with a reason (README, "Operator actions"); the sender was told. Final. */
    CANCELLED;

    public boolean reachedRecipient() {
        return this == DELIVERED;
    }
}
