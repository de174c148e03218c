package vn.gov.hanoi.lienthong.core.delivery;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxMessageTest {

    @Test
    void survivesTheQueue() {
        OutboxMessage document = OutboxMessage.document("000.00.15.H26", UUID.randomUUID(), UUID.randomUUID());
        OutboxMessage status = OutboxMessage.status("000.00.12.H26", UUID.randomUUID(), UUID.randomUUID());
        assertThat(OutboxMessage.decode(document.encode())).isEqualTo(document);
        assertThat(OutboxMessage.decode(status.encode())).isEqualTo(status);
    }

    @Test
    void refusesWhatItDidNotWrite() {
        assertThatThrownBy(() -> OutboxMessage.decode("DOCUMENT|000.00.15.H26|not-a-uuid|x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboxMessage.decode("hello")).isInstanceOf(IllegalArgumentException.class);
    }
}
