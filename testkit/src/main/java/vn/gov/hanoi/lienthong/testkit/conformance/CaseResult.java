package vn.gov.hanoi.lienthong.testkit.conformance;

import java.time.Duration;

/**
 * One case of the conformance suite and its outcome.
 *
 * @param detail what was seen, and on a failure what the agency's system must do instead
 * @param took   how long the case ran: a refusal is reported as soon as the hub has issued it
 */
public record CaseResult(String name, String purpose, boolean passed, String detail, boolean applicable, Duration took) {

    public CaseResult(String name, String purpose, boolean passed, String detail) {
        this(name, purpose, passed, detail, true, Duration.ZERO);
    }

    public CaseResult(String name, String purpose, boolean passed, String detail, boolean applicable) {
        this(name, purpose, passed, detail, applicable, Duration.ZERO);
    }

    /** A case that does not apply to this agency's channel: it neither passes nor fails the suite. */
    public static CaseResult notApplicable(String name, String purpose, String why) {
        return new CaseResult(name, purpose, true, why, false);
    }

    public static CaseResult pass(String name, String purpose, String detail) {
        return new CaseResult(name, purpose, true, detail);
    }

    public static CaseResult fail(String name, String purpose, String detail) {
        return new CaseResult(name, purpose, false, detail);
    }
}
