package vn.gov.hanoi.lienthong.testkit.verify;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/** The verification of an RFC 9162 inclusion proof (section 2.1.3.2), SHA-256, leaves hashed with 0x00, nodes with 0x01. */
final class Merkle {

    private static final HexFormat HEX = HexFormat.of();

    private Merkle() {
    }

    static boolean verifyInclusion(String leafHex, long index, long treeSize, List<String> proof, String rootHex) {
        if (index < 0 || index >= treeSize) return false;
        try {
            long fn = index;
            long sn = treeSize - 1;
            byte[] r = hash((byte) 0x00, HEX.parseHex(leafHex));
            for (String step : proof) {
                if (sn == 0) return false;
                byte[] p = HEX.parseHex(step);
                if ((fn & 1) == 1 || fn == sn) {
                    r = hash((byte) 0x01, p, r);
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                } else {
                    r = hash((byte) 0x01, r, p);
                }
                fn >>= 1;
                sn >>= 1;
            }
            return sn == 0 && HEX.formatHex(r).equalsIgnoreCase(rootHex);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }

    private static byte[] hash(byte prefix, byte[]... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prefix);
            for (byte[] part : parts) sha256.update(part);
            return sha256.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
