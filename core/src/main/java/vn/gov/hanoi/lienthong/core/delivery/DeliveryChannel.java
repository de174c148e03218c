package vn.gov.hanoi.lienthong.core.delivery;

import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.Channel;

/**
 * A way of pushing to an agency's system, implemented by a connector. A call that returns normally means
 * the agency's system has taken the item; any exception means it has not, and the hub tries again later.
 * A call may be repeated for the same item after a crash: receivers treat a known document id as the same
 * document.
 */
public interface DeliveryChannel {

    Channel channel();

    /** @return the receiving side's acknowledgement (a reference it gave the document), or null if it gives none */
    String sendDocument(Agency recipient, OutboundDocument document) throws Exception;

    void sendStatus(Agency sender, OutboundStatus status) throws Exception;
}
