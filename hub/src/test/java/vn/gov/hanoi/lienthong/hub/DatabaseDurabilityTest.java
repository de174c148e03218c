package vn.gov.hanoi.lienthong.hub;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL the hub acknowledges documents from flushes every commit to disk: the running server
 * itself answers (a SIGKILL of the hub cannot show this — PostgreSQL keeps running; a power cut would).
 */
class DatabaseDurabilityTest extends HubIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRunningServerFlushesEveryCommit() {
        assertThat(show("fsync")).isEqualTo("on");
        assertThat(show("synchronous_commit")).isEqualTo("on");
        assertThat(show("full_page_writes")).isEqualTo("on");
    }

    private String show(String setting) {
        return jdbc.sql("SHOW " + setting).query(String.class).single();
    }
}
