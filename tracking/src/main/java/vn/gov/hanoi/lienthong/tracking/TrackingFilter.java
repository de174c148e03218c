package vn.gov.hanoi.lienthong.tracking;

import java.time.LocalDate;
import java.util.Locale;

import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/**
 * What a list is narrowed to: a period of the day sent (Hanoi time, both ends included), a document type, the
 * other party (the sender of what was received, the recipient of what was sent), and a state.
 */
public record TrackingFilter(LocalDate from, LocalDate to, Integer type, String party, State state, int offset) {

    /** Where a document stands for one recipient. */
    public enum State {
        /** Not finished: neither done (06) nor refused (02), and not cancelled. */
        OPEN,
        /** Open and past its due day. */
        OVERDUE,
        /** Done (06). */
        DONE,
        /** Refused by the recipient (02). */
        REFUSED,
        /** The recipient has reported nothing yet (not even 01), and it is not cancelled. */
        UNANSWERED,
        /** The hub could not deliver it. */
        FAILED;

        static State named(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw RefusedException.because(ReasonCode.REQUEST_INVALID, "state must be one of "
                        + java.util.List.of(values()).toString().toLowerCase(Locale.ROOT) + ", not '" + name + "'");
            }
        }
    }

    public static TrackingFilter of(LocalDate from, LocalDate to, Integer type, String party, String state, Integer offset) {
        if (from != null && to != null && to.isBefore(from)) {
            throw RefusedException.because(ReasonCode.REQUEST_INVALID, "the period ends (" + to + ") before it starts (" + from + ")");
        }
        if (offset != null && offset < 0) throw RefusedException.because(ReasonCode.REQUEST_INVALID, "offset is not negative");
        return new TrackingFilter(from, to, type, party == null || party.isBlank() ? null : party.strip(),
                state == null || state.isBlank() ? null : State.named(state), offset == null ? 0 : offset);
    }
}
