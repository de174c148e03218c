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
 * @param signatureVerified whether the envelope's signature verified against a government CA (Articles 5.3,
 *                          7.3): always false until signature verification is installed
 */
public record ValidationReport(Instant inspectedAt, boolean passed, List<String> checks, List<Reason> refusals,
                               List<Reason> warnings, boolean signatureVerified) {
}
