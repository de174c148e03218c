package vn.gov.hanoi.lienthong.core.document;

/** The life of a document on the hub, one stage after another (see DESIGN.md). */
public enum DocumentState {
    /** Durable at intake; acknowledged to the sender; waiting for inspection. */
    RECEIVED,
    /** Passed inspection. */
    ACCEPTED,
    /** Failed inspection: kept in quarantine with its reasons, never delivered. Final. */
    REJECTED,
    /** Entered in the archive and the ledger. */
    RECORDED,
    /** Deliveries created for every known recipient. Final for the document; deliveries go on. */
    DISPATCHED
}
