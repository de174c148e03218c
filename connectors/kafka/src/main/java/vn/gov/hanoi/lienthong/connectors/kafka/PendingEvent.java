package vn.gov.hanoi.lienthong.connectors.kafka;

import java.util.UUID;

/** An event of the outbox as it goes to Kafka: its place in the publication, its id, its key (the document) and its CloudEvents JSON. */
public record PendingEvent(long position, UUID id, UUID documentId, String json) {
}
