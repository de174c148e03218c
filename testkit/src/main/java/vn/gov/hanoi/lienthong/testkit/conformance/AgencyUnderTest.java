package vn.gov.hanoi.lienthong.testkit.conformance;

/**
 * What the conformance kit cannot do by itself and asks of the agency's side: a person at the agency's
 * system (ConsoleAgency) or, in the kit's own tests, a simulated system (SimulatedAgency).
 */
public interface AgencyUnderTest {

    /** The agency's organ code, as in the hub's directory. */
    String organId();

    /** Send one document to this organ code (the kit's) from the agency's system, with at least one file. */
    void sendDocumentTo(String organId) throws Exception;

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
