package vn.gov.hanoi.lienthong.core.document;

import java.time.Instant;
import java.util.UUID;

import vn.gov.hanoi.lienthong.core.directory.Channel;

public record DeliveryRecord(UUID id, UUID documentId, String recipientOrganId, Channel channel, DeliveryState state,
                             int attempts, String lastError, Instant updatedAt) {
}
