package vn.gov.hanoi.lienthong.testkit.cli;

import java.security.SecureRandom;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * The bcrypt hash the hub's directories keep (cost 10, the "$2a$" form Spring Security and htpasswd write),
 * made with BouncyCastle's bcrypt, already on the kit's class path.
 */
public final class BcryptHash {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BcryptHash() {
    }

    public static String of(char[] secret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2a", secret, salt, 10);
    }
}
