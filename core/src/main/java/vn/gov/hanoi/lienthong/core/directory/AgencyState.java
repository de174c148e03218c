package vn.gov.hanoi.lienthong.core.directory;

public enum AgencyState {
    /** Being connected: may exchange with the hub, listed as not yet in production. */
    ONBOARDING,
    ACTIVE,
    /**
     * Refused at authentication; documents and statuses addressed to it wait in its queue (its deliver route is
     * suspended). Set in the directory file, or by an operator (agency_suspension) over what the file says.
     */
    SUSPENDED
}
