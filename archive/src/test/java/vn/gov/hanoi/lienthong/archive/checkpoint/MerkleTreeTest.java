package vn.gov.hanoi.lienthong.archive.checkpoint;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeTest {

    @Test
    void aSingleLeafIsItsOwnLeafHash() throws Exception {
        String leaf = "ab".repeat(32);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 0);
        sha256.update(HexFormat.of().parseHex(leaf));
        assertThat(new MerkleTree(List.of(leaf)).rootHex()).isEqualTo(HexFormat.of().formatHex(sha256.digest()));
    }

    @Test
    void everyLeafOfEveryTreeSizeUpTo40ProvesItsInclusionAndNoOtherDoes() {
        for (int size = 1; size <= 40; size++) {
            List<String> leaves = leaves(size);
            MerkleTree tree = new MerkleTree(leaves);
            String root = tree.rootHex();
            for (int i = 0; i < size; i++) {
                List<String> proof = tree.inclusionProof(i);
                assertThat(MerkleTree.verifyInclusion(leaves.get(i), i, size, proof, root))
                        .as("leaf %d of %d", i, size).isTrue();
                // The same proof for another position or another leaf fails. (The tree's size is not what a proof
                // authenticates — a proof can hold for two sizes of the same shape —: it is the signed checkpoint's.)
                if (size > 1) {
                    assertThat(MerkleTree.verifyInclusion(leaves.get(i), (i + 1) % size, size, proof, root)).isFalse();
                    assertThat(MerkleTree.verifyInclusion(leaves.get((i + 1) % size), i, size, proof, root)).isFalse();
                }
                assertThat(MerkleTree.verifyInclusion(leaves.get(i), i, size, proof, "00".repeat(32))).isFalse();
            }
        }
    }

    @Test
    void swappingTwoLeavesChangesTheRoot() {
        List<String> leaves = leaves(7);
        List<String> swapped = new ArrayList<>(leaves);
        swapped.set(2, leaves.get(3));
        swapped.set(3, leaves.get(2));
        assertThat(new MerkleTree(swapped).rootHex()).isNotEqualTo(new MerkleTree(leaves).rootHex());
    }

    private static List<String> leaves(int size) {
        List<String> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) leaves.add(String.format("%064x", i * 7919L + 1));
        return leaves;
    }
}
