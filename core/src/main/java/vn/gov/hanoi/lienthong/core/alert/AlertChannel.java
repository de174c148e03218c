package vn.gov.hanoi.lienthong.core.alert;

/**
 * Where alert notices go: the operators' mailing list (the e-mail connector), a webhook (operations). A channel
 * that throws is tried again later with the same notice, in order.
 */
public interface AlertChannel {

    /** A short name for the notice log: "mail", "webhook". */
    String name();

    /** Whether the channel is configured at all; an unconfigured one is skipped. */
    boolean enabled();

    void send(AlertNotice notice) throws Exception;
}
