package vn.gov.hanoi.lienthong.core.directory;

import java.util.List;

/** The directory file has errors: the message lists every one of them, one line each. */
public class InvalidDirectoryException extends IllegalStateException {

    private final List<String> errors;

    public InvalidDirectoryException(List<String> errors) {
        super("The agency directory has " + errors.size() + " error(s):\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
