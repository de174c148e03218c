package vn.gov.hanoi.lienthong.testkit.conformance;

import java.util.List;

/** The suite's outcome, per case, in words an integration engineer can act on. */
public record ConformanceReport(String organId, List<CaseResult> cases) {

    public boolean passed() {
        return cases.stream().allMatch(CaseResult::passed);
    }

    public CaseResult result(String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + name));
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("Conformance of agency ").append(organId).append(" with the Liên Thông hub\n\n");
        for (CaseResult result : cases) {
            text.append(!result.applicable() ? "N/A   " : result.passed() ? "PASS  " : "FAIL  ").append(String.format("%-18s", result.name()))
                    .append(result.purpose()).append(String.format(java.util.Locale.ROOT, " (%.1f s)",
                            result.took().toMillis() / 1000.0)).append('\n');
            text.append("      ").append(result.detail().replace("\n", "\n      ")).append('\n');
        }
        long failed = cases.stream().filter(c -> !c.passed()).count();
        text.append('\n').append(failed == 0 ? "All " + cases.size() + " cases passed: the agency may be set to active."
                : failed + " of " + cases.size() + " cases failed: fix them and run the kit again.").append('\n');
        return text.toString();
    }
}
