package vn.gov.hanoi.lienthong.core.directory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AgencyAuthenticatorTest {

    @Test
    void acceptsTheRightSecretOnlyAndRefusesSuspendedAgencies() throws Exception {
        String hash = BCrypt.hashpw("right-secret", BCrypt.gensalt(4));
        AgencyDirectory directory = AgencyDirectory.read(new ByteArrayInputStream("""
                agencies:
                  - {organId: 000.00.12.H26, name: Sở Nội vụ, mailbox: a@hanoi.gov.vn, channel: pull, username: a, secretHash: '%s'}
                  - {organId: 000.00.15.H26, name: Sở Tài chính, mailbox: b@hanoi.gov.vn, channel: pull, username: b, secretHash: '%s', state: suspended}
                """.formatted(hash, hash).getBytes(StandardCharsets.UTF_8)), "test.yaml");
        AgencyAuthenticator authenticator = new AgencyAuthenticator(directory, null); // no TLS client certificate here: nothing to remember

        assertThat(authenticator.authenticate("a", "right-secret").organId()).isEqualTo("000.00.12.H26");
        // The second call is answered from the digest of the verified secret: the same answer.
        assertThat(authenticator.authenticate("a", "right-secret").organId()).isEqualTo("000.00.12.H26");
        assertThat(code(() -> authenticator.authenticate("a", "wrong"))).isEqualTo("AUTHENTICATION_FAILED");
        assertThat(code(() -> authenticator.authenticate("nobody", "right-secret"))).isEqualTo("AUTHENTICATION_FAILED");
        assertThat(code(() -> authenticator.authenticate(null, null))).isEqualTo("AUTHENTICATION_FAILED");
        assertThat(code(() -> authenticator.authenticate("b", "right-secret"))).isEqualTo("AGENCY_NOT_ACTIVE");
    }

    private static String code(Runnable call) {
        return catchThrowableOfType(RefusedException.class, call::run).reason().code();
    }
}
