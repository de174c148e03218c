package vn.gov.hanoi.lienthong.testkit.simulator;

import java.util.List;

/** A status as a simulated agency received it from the hub, about a document it sent. */
public record ReceivedStatus(String documentId, String senderDocumentId, String organId, String statusCode,
                             List<String> reasonCodes) {
}
