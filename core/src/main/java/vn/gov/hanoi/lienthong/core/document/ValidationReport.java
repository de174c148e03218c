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
 * @param attachmentSignatures every signature found inside the attachments (PAdES, detached CAdES)
 * @param signature what the verification of the envelope's signature concluded: the verdict (UNSIGNED,
 *                  VALID, TAMPERED…), the signer, and what the verifier saw
 */
public record ValidationReport(Instant inspectedAt, boolean passed, List<String> checks, List<Reason> refusals,
                               List<Reason> warnings, Signature signature, List<AttachmentSignature> attachmentSignatures) {

    public record Signature(String verdict, String signer, String detail) {
    }

    /** A signature inside an attachment, as DSS judged it (ETSI EN 319 102-1 indications), with DSS's simple report. */
    public record AttachmentSignature(String file, String signedBy, String indication, String subIndication,
                                      String simpleReport) {
    }

    /** Whether the envelope is validly signed under a trust anchor (Articles 5.3, 7.3 then waive the paper copy). */
    public boolean signatureVerified() {
        return signature != null && "VALID".equals(signature.verdict());
    }
}
