package vn.gov.hanoi.lienthong.core.policy;

/** What Decision 57 requires of a document type's exchange. */
public enum Requirement {
    /** Article 4: electronic only. */
    ELECTRONIC_ONLY("electronic-only"),
    /** Article 5.1: electronic, and a paper copy follows (waived when validly signed: Articles 5.3, 7.3). */
    PAPER_TO_FOLLOW("paper-to-follow");

    private final String configName;

    Requirement(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    static Requirement fromConfigName(String name) {
        for (Requirement requirement : values()) {
            if (requirement.configName.equals(name)) return requirement;
        }
        throw new IllegalArgumentException("unknown requirement '" + name + "' (known: electronic-only, paper-to-follow)");
    }
}
