package vn.gov.hanoi.lienthong.core.directory;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

import vn.gov.hanoi.lienthong.testkit.cli.BcryptHash;

import static org.assertj.core.api.Assertions.assertThat;

/** The client's hash-secret command makes hashes the hub's directories verify. */
class BcryptHashTest {

    @Test
    void aHashFromTheClientVerifiesAsTheHubChecksIt() {
        String hash = BcryptHash.of("bí-mật-của-sở-2026".toCharArray());
        assertThat(hash).startsWith("$2a$10$").hasSize(60);
        assertThat(BCrypt.checkpw("bí-mật-của-sở-2026", hash)).isTrue();
        assertThat(BCrypt.checkpw("another", hash)).isFalse();
        assertThat(BcryptHash.of("x".toCharArray())).as("a new salt each time").isNotEqualTo(BcryptHash.of("x".toCharArray()));
    }
}
