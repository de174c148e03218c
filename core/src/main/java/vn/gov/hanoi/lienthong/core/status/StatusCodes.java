package vn.gov.hanoi.lienthong.core.status;

/** The edXML status codes of the national platform (../shared/domain/edxml.md). */
public final class StatusCodes {

    /** Arrived at the recipient's system. */
    public static final String ARRIVED = "01";
    /** Refused at receipt; the hub uses it, with reasons, for what it refuses itself. */
    public static final String REFUSED = "02";
    public static final String REGISTERED = "03";
    public static final String ASSIGNED = "04";
    public static final String IN_PROGRESS = "05";
    public static final String DONE = "06";

    private StatusCodes() {
    }
}
