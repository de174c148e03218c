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
     * Reads the hub's records for an audit (the ledger, the evidence; the archive issue gives it its pages) —
     * and never operates it: no actuator, no console.
     */
    AUDITOR;

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named in the user file, in any case ("operator", "OPERATOR"). */
    static Role named(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
