package vn.gov.hanoi.lienthong.core.refusal;

import java.util.function.Predicate;

/** Walks an exception's causes, as the connectors do to tell a client's mistake from the hub's failure. */
public final class Causes {

    private Causes() {
    }

    /** Whether the exception or any of its causes is of one of these types. */
    @SafeVarargs
    public static boolean any(Throwable thrown, Class<? extends Throwable>... types) {
        return anyMatching(thrown, cause -> {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(cause)) return true;
            }
            return false;
        });
    }

    /** Whether the exception or any of its causes matches. */
    public static boolean anyMatching(Throwable thrown, Predicate<Throwable> test) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) return true;
            if (cause.getCause() == cause) break;
        }
        return false;
    }

    /** The innermost cause (the exception itself when it has none). */
    public static Throwable root(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root;
    }
}
