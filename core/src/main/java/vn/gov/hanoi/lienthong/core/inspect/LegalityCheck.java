package vn.gov.hanoi.lienthong.core.inspect;

import java.util.List;

import vn.gov.hanoi.lienthong.core.refusal.Reason;

/**
 * One rule a document must satisfy to travel through the hub (Decision 57, Article 7 and others). Every
 * check runs on every document, so that a rejection lists every reason at once.
 */
public interface LegalityCheck {

    /** @return the reasons this document breaks the rule; empty when it satisfies it */
    List<Reason> check(InspectedDocument document);
}
