package vn.gov.hanoi.lienthong.core.tracking;

import java.util.List;
import java.util.Optional;

import vn.gov.hanoi.lienthong.core.status.StatusCodes;

/**
 * The steps of a recipient's handling of a document, in the order they happen, as the edXML status codes name
 * them; REFUSED (02) ends it as DONE (06) does. A recipient is "finished" with a document at either.
 */
public enum Progress {
    ARRIVED(StatusCodes.ARRIVED, "arrived_at"),
    REGISTERED(StatusCodes.REGISTERED, "registered_at"),
    ASSIGNED(StatusCodes.ASSIGNED, "assigned_at"),
    HANDLING(StatusCodes.IN_PROGRESS, "handling_at"),
    DONE(StatusCodes.DONE, "done_at"),
    REFUSED(StatusCodes.REFUSED, "refused_at");

    private final String statusCode;
    /** The delivery's column stamped the first time the step is reported. */
    final String column;

    Progress(String statusCode, String column) {
        this.statusCode = statusCode;
        this.column = column;
    }

    public String statusCode() {
        return statusCode;
    }

    public boolean finishes() {
        return this == DONE || this == REFUSED;
    }

    /** The step a status code reports; none for the recall codes (13, 15, 16). */
    public static Optional<Progress> ofStatusCode(String code) {
        for (Progress step : values()) {
            if (step.statusCode.equals(code)) return Optional.of(step);
        }
        return Optional.empty();
    }

    /** The status codes in the order of their steps, as SQL compares them. */
    static List<String> ordered() {
        return java.util.Arrays.stream(values()).map(Progress::statusCode).toList();
    }
}
