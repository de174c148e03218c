package vn.gov.hanoi.lienthong.operations.people;

import java.util.Locale;

/**
 * What a person who signs in may do. Agency systems have no role: they authenticate against the agency
 * directory and act only for their organ code, never as a person.
 */
public enum Role {
    /** Watches the hub: the actuator's endpoints (metrics, the directory, and what later joins them). */
    OPERATOR,
    /** Everything an operator may, and the actions that change how the hub runs. */
    ADMINISTRATOR,
    /**
     * Reads the audit trail (who read, copied, exported, certified, reclassified or destroyed what, and every
     * administrative change) — read-only, and never operates the hub: no actuator, no console.
     */
    AUDITOR,
    /**
     * The archivist (lưu trữ, Article 11): reads every archived document, exports its evidence bundle, certifies
     * copies, reclassifies its archive metadata (never its content) and proposes destruction lists.
     */
    ARCHIVIST,
    /**
     * An agency's clerk (văn thư): its documents received and sent, their registers, the paper copies it
     * confirms, the statuses it reports from the browser desk. Bound to the agency's organ code.
     */
    CLERK,
    /**
     * An agency's leader (lãnh đạo): follows its documents and what is overdue (Article 9.3) — and those of its
     * units where the directory names it their parent. Bound to the agency's organ code.
     */
    LEADER,
    /**
     * Compiles the city's reports on electronic exchange (Articles 12.7, 16.8: the Department of Information and
     * Communications): the report of the whole city or of any agency — and nothing else.
     */
    REPORTER;

    /** The authority that binds a person to an agency, beside the roles: "ORGAN_" and the organ code. */
    public static final String ORGAN_AUTHORITY_PREFIX = "ORGAN_";

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether a person with this role acts for one agency, and so must be bound to its organ code. */
    public boolean ofAnAgency() {
        return this == CLERK || this == LEADER;
    }

    /** The role named in the user file, in any case ("operator", "OPERATOR"). */
    static Role named(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
