package vn.gov.hanoi.lienthong.tracking.register;

import java.util.Locale;

import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/** The two registers an agency keeps (Decree 30/2020/NĐ-CP): of incoming documents (Art. 22) and outgoing ones (Art. 15). */
public enum Register {
    /** Sổ đăng ký văn bản đến. */
    INCOMING("Sổ đăng ký văn bản đến"),
    /** Sổ đăng ký văn bản đi. */
    OUTGOING("Sổ đăng ký văn bản đi");

    private final String vietnameseName;

    Register(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    /** The register named in a path: "incoming" or "outgoing". */
    public static Register named(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RefusedException.because(ReasonCode.REQUEST_INVALID, "a register is 'incoming' or 'outgoing', not '" + name + "'");
        }
    }
}
