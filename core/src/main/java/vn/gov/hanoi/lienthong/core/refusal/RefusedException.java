package vn.gov.hanoi.lienthong.core.refusal;

/**
 * A request the hub refuses because of what the caller sent or who the caller is. Never a fault of the
 * hub: it is answered at once with its reason, never retried.
 */
public class RefusedException extends RuntimeException {

    private final Reason reason;

    public RefusedException(Reason reason) {
        super(reason.code() + ": " + reason.messageEn());
        this.reason = reason;
    }

    public static RefusedException because(ReasonCode code, Object... arguments) {
        return new RefusedException(code.with(arguments));
    }

    public Reason reason() {
        return reason;
    }
}
