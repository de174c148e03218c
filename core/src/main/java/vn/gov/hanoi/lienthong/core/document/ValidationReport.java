package vn.gov.hanoi.lienthong.core.document;

import java.time.Instant;
import java.util.List;

import vn.gov.hanoi.lienthong.core.refusal.Reason;

/**
 * What inspection found, kept with the document.
 *
 * @param checks   the checks that ran, by name
 * @param refusals why the document was rejected (empty when it passed)
 * @param warnings what a clerk should look at in a document that passed
 * @param signature what the verification of the envelope's signature concluded: the verdict (UNSIGNED,
 *                  VALID, TAMPERED…), the signer, and what the verifier saw
 */
public record ValidationReport(Instant inspectedAt, boolean passed, List<String> checks, List<Reason> refusals,
                               List<Reason> warnings, Signature signature) {

    public record Signature(String verdict, String signer, String detail) {
    }

    /** Whether the envelope is validly signed under a trust anchor (Articles 5.3, 7.3 then waive the paper copy). */
    public boolean signatureVerified() {
        return signature != null && "VALID".equals(signature.verdict());
    }
}
