package vn.gov.hanoi.lienthong.routes;

/** The entry points a connector calls, whatever channel the request came by. */
public final class HubEndpoints {

    /** Body: an IncomingDocument; header {@link #CALLER}: the authenticated Agency. Replies with an IntakeReceipt. */
    public static final String INTAKE = "direct:intake";
    /** Body: the edXML status bytes; headers {@link #CALLER} and {@link #DOCUMENT_ID}. Replies with a StatusAcceptance. */
    public static final String STATUS = "direct:status";
    /** Body: a list of OutboxMessage, each put on its agency's queue. */
    public static final String OUTBOX = "direct:outbox";

    /** The authenticated agency whose system makes the call. */
    public static final String CALLER = "LienThongCaller";
    public static final String DOCUMENT_ID = "LienThongDocumentId";

    private HubEndpoints() {
    }
}
