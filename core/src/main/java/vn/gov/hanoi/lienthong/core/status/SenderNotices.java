package vn.gov.hanoi.lienthong.core.status;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.delivery.OutboxMessage;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.StatusStore;

/**
 * The statuses still to push to a document's sender. A sender whose channel carries no statuses (pull,
 * e-mail) reads them with getStatusHistory, so nothing is queued for it.
 */
@Component
public class SenderNotices {

    private final AgencyDirectory directory;
    private final StatusStore statuses;

    public SenderNotices(AgencyDirectory directory, StatusStore statuses) {
        this.directory = directory;
        this.statuses = statuses;
    }

    public List<OutboxMessage> pending(DocumentRecord document, String reportingOrganId) {
        boolean senderPushes = directory.byOrganId(document.senderOrganId())
                .map(sender -> sender.channel().pushesStatuses())
                .orElse(false);
        if (!senderPushes) return List.of();
        return statuses.notForwardedFrom(document.id(), reportingOrganId).stream()
                .map(status -> OutboxMessage.status(document.senderOrganId(), document.id(), status.id()))
                .toList();
    }
}
