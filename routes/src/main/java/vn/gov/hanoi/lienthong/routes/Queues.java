package vn.gov.hanoi.lienthong.routes;

/**
 * The durable queues in front of the stages (DESIGN.md: one queue per stage, one per recipient). Messages
 * carry ids only: the document's bytes stay in the blob store.
 */
public final class Queues {

    public static final String INSPECT = "lienthong.inspect";
    public static final String RECORD = "lienthong.record";
    public static final String DISPATCH = "lienthong.dispatch";
    /** Followed by the agency's organ code: each agency has its own queue, so one agency down holds up nobody else. */
    public static final String OUTBOX_PREFIX = "lienthong.outbox.";
    /**
     * Followed by the agency's organ code: deliveries given up after the last attempt, for an operator to
     * re-drive (move back to the outbox) once the agency's system is back.
     */
    public static final String FAILED_PREFIX = "lienthong.failed.";
    /** The broker's own dead-letter queues (DLQ.<queue>): messages a stage could not process at all. */
    public static final String DEAD_LETTER_PREFIX = "DLQ.";

    private Queues() {
    }

    public static String outboxOf(String organId) {
        return OUTBOX_PREFIX + organId;
    }

    public static String failedOf(String organId) {
        return FAILED_PREFIX + organId;
    }
}
