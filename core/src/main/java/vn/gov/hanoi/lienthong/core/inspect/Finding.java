package vn.gov.hanoi.lienthong.core.inspect;

import vn.gov.hanoi.lienthong.core.refusal.Reason;

/**
 * What a legality check found: a refusal (the document does not travel) or a warning (it travels, and the
 * validation report says what a clerk should look at).
 */
public record Finding(boolean refuses, Reason reason) {

    public static Finding refusal(Reason reason) {
        return new Finding(true, reason);
    }

    public static Finding warning(Reason reason) {
        return new Finding(false, reason);
    }
}
