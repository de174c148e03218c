package vn.gov.hanoi.lienthong.core.edxml;

import java.util.List;

/**
 * What the hub needs from an edXML document message before it has been fully inspected: who sends it,
 * to whom, under which id, and which files the envelope lists.
 */
public record EnvelopeSummary(String senderOrganId, String senderDocumentId, List<String> recipientOrganIds,
                              String subject, String codeNotation, List<String> attachmentContentIds) {
}
