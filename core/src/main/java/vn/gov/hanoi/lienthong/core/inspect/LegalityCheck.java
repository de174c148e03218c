package vn.gov.hanoi.lienthong.core.inspect;

import java.util.List;

/**
 * One rule a document must satisfy to travel through the hub (Decision 57, Articles 1 and 7). Every check
 * runs on every document, so that a rejection lists every reason at once.
 */
public interface LegalityCheck {

    /** @return what this document does against the rule; empty when it satisfies it */
    List<Finding> check(InspectedDocument document);
}
