package vn.gov.hanoi.lienthong.hub;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import vn.gov.hanoi.lienthong.core.directory.InvalidDirectoryException;

/** A directory with errors stops the hub with the list of errors, one line each, instead of a stack trace. */
class InvalidDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDirectoryException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidDirectoryException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the agency directory (hub.directory) and start the hub again.", cause);
    }
}
