package vn.gov.hanoi.lienthong.core.directory;

public enum AgencyState {
    /** Being connected: may exchange with the hub, listed as not yet in production. */
    ONBOARDING,
    ACTIVE,
    /** Refused at authentication; documents addressed to it wait in its queue. */
    SUSPENDED
}
