package vn.gov.hanoi.lienthong.testkit.simulator;

import java.util.Map;

/**
 * A document as a simulated agency received it.
 *
 * @param attachmentSha256 SHA-256 of each received file's bytes, by content id
 */
public record ReceivedDocument(String documentId, String senderOrganId, byte[] envelope,
                               Map<String, String> attachmentSha256) {
}
