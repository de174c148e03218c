package vn.gov.hanoi.lienthong.hub;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.record.Ledger;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/** Recorded documents form an unbroken hash chain, and any change to a past entry breaks it there. */
class LedgerTest extends HubIntegrationTest {

    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void theChainIsIntactAndAnAlteredEntryIsFound() throws Exception {
        for (int i = 0; i < 3; i++) {
            String id = client(SO_NOI_VU).send(DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).toBytes())
                    .getDocumentId();
            await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        }
        assertThat(ledger.firstBrokenEntry()).isEqualTo(-1);

        long secondToLast = jdbc.sql("select max(seq) - 1 from ledger_entry").query(Long.class).single();
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("update ledger_entry set payload_sha256 = ? where seq = ?").params("f".repeat(64), secondToLast).update();
            assertThat(ledger.firstBrokenEntry()).isEqualTo(secondToLast);
            tx.setRollbackOnly();
        });
        assertThat(ledger.firstBrokenEntry()).isEqualTo(-1);
    }

    @Test
    void anEntryStampedInTheLastNanosecondsOfAMillisecondStillVerifies() {
        transaction.executeWithoutResult(tx -> {
            // The database rounds this time up into the next millisecond.
            ledger.append(java.util.UUID.randomUUID(), "RECORDED", "a".repeat(64),
                    java.time.Instant.parse("2026-11-24T08:00:00.556999900Z"));
            assertThat(ledger.firstBrokenEntry()).isEqualTo(-1);
            tx.setRollbackOnly();
        });
    }
}
