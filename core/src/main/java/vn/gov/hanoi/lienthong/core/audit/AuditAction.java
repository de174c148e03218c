package vn.gov.hanoi.lienthong.core.audit;

/** What the audit trail records (Article 11.3, 11.5). */
public enum AuditAction {
    /** A person read a document's content: its envelope or one of its files. */
    READ_CONTENT,
    /** A document's evidence bundle was exported. */
    EXPORT_EVIDENCE,
    /** An archivist issued a certified copy of a file. */
    CERTIFY_COPY,
    /** An archivist changed a document's archive metadata (never its content). */
    RECLASSIFY,
    /** A legal hold placed on a document or released. */
    LEGAL_HOLD,
    /** A document put on a destruction list, or the list approved or rejected. */
    DESTRUCTION_LIST,
    /** A document's content was destroyed by an approved list. */
    DESTROY,
    /** An administrative change: an operator's action on deliveries, agencies or the directory. */
    ADMINISTER
}
