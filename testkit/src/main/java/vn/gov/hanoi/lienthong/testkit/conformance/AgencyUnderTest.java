package vn.gov.hanoi.lienthong.testkit.conformance;

/**
 * What the conformance kit cannot do by itself and asks of the agency's side: a person at the agency's
 * system (ConsoleAgency) or, in the kit's own tests, a simulated system (SimulatedAgency).
 */
public interface AgencyUnderTest {

    /** The agency's organ code, as in the hub's directory. */
    String organId();

    /**
     * Send one document to this organ code (the kit's) from the agency's system, with at least one signed file;
     * what the system's send answered, as far as the agency's side can tell.
     */
    SendAnswer sendDocumentTo(String organId) throws Exception;

    /**
     * The hub's answer to the agency's send: the hub's document id, or the reason code of a refusal at the door;
     * both null when the agency's side cannot say (the kit then waits for the document to arrive).
     */
    record SendAnswer(String documentId, String refusalCode) {
        public static SendAnswer unknown() {
            return new SendAnswer(null, null);
        }

        public static SendAnswer accepted(String documentId) {
            return new SendAnswer(documentId, null);
        }

        public static SendAnswer refused(String code) {
            return new SendAnswer(null, code);
        }

        /** What a person typed: a reason code (A_CODE) or the hub's document id; blank: unknown. */
        public static SendAnswer parse(String typed) {
            String answer = typed == null ? "" : typed.strip();
            if (answer.isEmpty()) return unknown();
            if (answer.matches("[A-Z][A-Z0-9_]+")) return refused(answer);
            return accepted(answer);
        }
    }

    /** Send the last document again, as the system does when it is unsure the first send arrived. */
    void resendLastDocument() throws Exception;

    /**
     * Whether the agency can be off line as the hub sees it. An agency on the e-mail channel cannot: the
     * city's mail server takes its letters whatever its clerk does.
     */
    default boolean canGoOffline() {
        return true;
    }

    /** Take the agency's system off line (stop its service, or stop it polling). */
    void goOffline() throws Exception;

    /** Bring it back. */
    void comeBack() throws Exception;
}
