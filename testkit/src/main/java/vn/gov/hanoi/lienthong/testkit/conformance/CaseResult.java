package vn.gov.hanoi.lienthong.testkit.conformance;

/**
 * One case of the conformance suite and its outcome.
 *
 * @param detail what was seen, and on a failure what the agency's system must do instead
 */
public record CaseResult(String name, String purpose, boolean passed, String detail, boolean applicable) {

    public CaseResult(String name, String purpose, boolean passed, String detail) {
        this(name, purpose, passed, detail, true);
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
