package vn.gov.hanoi.lienthong.core.inspect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.document.AttachmentRecord;
import vn.gov.hanoi.lienthong.core.edxml.EdxmlReader;
import vn.gov.hanoi.lienthong.core.edxml.EnvelopeSummary;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;

/**
 * The files sent are exactly the files the envelope lists (edXMLBody/Attachment). The envelope is what the
 * sender signs, so a file that is not listed in it, or a listed file that did not arrive, is refused.
 */
@Component
@Order(20)
public class AttachmentManifestCheck implements LegalityCheck {

    private final EdxmlReader edxml;

    public AttachmentManifestCheck(EdxmlReader edxml) {
        this.edxml = edxml;
    }

    @Override
    public List<Finding> check(InspectedDocument document) {
        EnvelopeSummary summary = edxml.summarize(document.dom());
        Set<String> listed = new LinkedHashSet<>(summary.attachmentContentIds());
        Set<String> sent = new LinkedHashSet<>();
        for (AttachmentRecord attachment : document.attachments()) {
            sent.add(attachment.contentId());
        }
        List<Finding> reasons = new ArrayList<>();
        for (String contentId : listed) {
            if (!sent.contains(contentId)) {
                reasons.add(Finding.refusal(ReasonCode.ATTACHMENT_MISMATCH.with("listed file " + contentId + " was not sent")));
            }
        }
        for (String contentId : sent) {
            if (!listed.contains(contentId)) {
                reasons.add(Finding.refusal(ReasonCode.ATTACHMENT_MISMATCH.with("file " + contentId + " is not listed in edXMLBody")));
            }
        }
        return reasons;
    }
}
