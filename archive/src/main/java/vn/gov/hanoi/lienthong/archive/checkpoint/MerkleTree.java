package vn.gov.hanoi.lienthong.archive.checkpoint;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree of a checkpoint, hashed as Certificate Transparency's log is (RFC 9162, section 2.1): a leaf is
 * SHA-256(0x00 ‖ its bytes), an inner node SHA-256(0x01 ‖ left ‖ right), a range split at the largest power of two
 * below its size. The leaves are the ledger entries' hashes (32 bytes each, in order of their numbers), so that an
 * inclusion proof of one entry is a handful of hashes, whatever the size of the checkpoint.
 *
 * <p>Written here rather than taken from a library: BouncyCastle and DSS have no general RFC 9162 tree, and the
 * rule is a few lines that the offline verifier (testkit) implements again on its own from the RFC, so that the
 * two agreeing shows more than one implementation checking itself.
 */
public final class MerkleTree {

    private static final HexFormat HEX = HexFormat.of();

    private final List<byte[]> leaves;

    /** @param leafHashesHex the ledger entries' hashes, in order */
    public MerkleTree(List<String> leafHashesHex) {
        if (leafHashesHex.isEmpty()) throw new IllegalArgumentException("a checkpoint closes at least one entry");
        this.leaves = leafHashesHex.stream().map(HEX::parseHex).toList();
    }

    public int size() {
        return leaves.size();
    }

    public String rootHex() {
        return HEX.formatHex(hash(0, leaves.size()));
    }

    /** The inclusion proof (audit path) of leaf {@code index}: the sibling hashes from the leaf up to the root. */
    public List<String> inclusionProof(int index) {
        if (index < 0 || index >= leaves.size()) throw new IndexOutOfBoundsException(index);
        List<String> path = new ArrayList<>();
        path(index, 0, leaves.size(), path);
        return path;
    }

    private void path(int index, int from, int to, List<String> path) {
        int n = to - from;
        if (n == 1) return;
        int k = largestPowerOfTwoBelow(n);
        if (index < k) {
            path(index, from, from + k, path);
            path.add(HEX.formatHex(hash(from + k, to)));
        } else {
            path(index - k, from + k, to, path);
            path.add(HEX.formatHex(hash(from, from + k)));
        }
    }

    private byte[] hash(int from, int to) {
        if (to - from == 1) return leafHash(leaves.get(from));
        int k = largestPowerOfTwoBelow(to - from);
        return nodeHash(hash(from, from + k), hash(from + k, to));
    }

    /**
     * Whether {@code proof} leads from the leaf at {@code index} of a tree of {@code size} leaves to {@code rootHex}
     * (RFC 9162, 2.1.3.2).
     */
    public static boolean verifyInclusion(String leafHex, long index, long size, List<String> proof, String rootHex) {
        if (index < 0 || index >= size) return false;
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash(HEX.parseHex(leafHex));
        for (String siblingHex : proof) {
            byte[] sibling = HEX.parseHex(siblingHex);
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(sibling, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, sibling);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && HEX.formatHex(r).equals(rootHex);
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] leafHash(byte[] leaf) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        sha256.update(leaf);
        return sha256.digest();
    }

    private static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
