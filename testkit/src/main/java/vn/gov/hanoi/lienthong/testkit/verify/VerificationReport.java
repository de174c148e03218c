package vn.gov.hanoi.lienthong.testkit.verify;

import java.util.ArrayList;
import java.util.List;

/** Every check made of a bundle, in order: the bundle holds only when none failed. */
public final class VerificationReport {

    /** One check: what was checked, whether it held, and what was found. */
    public record Check(String subject, boolean holds, String detail) {
        @Override
        public String toString() {
            return (holds ? "OK    " : "FAIL  ") + subject + (detail == null || detail.isBlank() ? "" : " — " + detail);
        }
    }

    private final List<Check> checks = new ArrayList<>();

    void ok(String subject, String detail) {
        checks.add(new Check(subject, true, detail));
    }

    void fail(String subject, String detail) {
        checks.add(new Check(subject, false, detail));
    }

    void check(boolean holds, String subject, String detail) {
        checks.add(new Check(subject, holds, detail));
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> !c.holds()).toList();
    }

    public boolean holds() {
        return !checks.isEmpty() && failures().isEmpty();
    }
}
