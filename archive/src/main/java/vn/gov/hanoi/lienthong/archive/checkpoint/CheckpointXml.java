package vn.gov.hanoi.lienthong.archive.checkpoint;

import java.time.Instant;

import org.w3c.dom.Element;

import vn.gov.hanoi.lienthong.archive.ArchiveXml;
import vn.gov.hanoi.lienthong.core.signature.HubSigner;

/**
 * A checkpoint as the hub signs it: a small XML document with an enveloped XML-DSig signature by the hub's key (as
 * its receipts are), so that xmlsec1 or any XML-DSig tool checks it as well as the offline verifier.
 *
 * <pre>
 * &lt;lt:Checkpoint xmlns:lt="http://lienthong.hanoi.gov.vn/archive/v1"&gt;
 *   &lt;lt:Number&gt;, &lt;lt:FirstEntry&gt;, &lt;lt:LastEntry&gt;, &lt;lt:TreeSize&gt;,
 *   &lt;lt:MerkleRoot&gt; (hex), &lt;lt:PreviousRoot&gt; (the previous checkpoint's root; 64 zeros for the first),
 *   &lt;lt:LastEntryHash&gt; (the chain's head), &lt;lt:SealedAt&gt;, &lt;lt:TreeHashing&gt;, &lt;ds:Signature&gt;
 * &lt;/lt:Checkpoint&gt;
 * </pre>
 */
public final class CheckpointXml {

    public static final String NAMESPACE = ArchiveXml.NAMESPACE;
    static final String TREE_HASHING = "RFC 9162 2.1 (SHA-256; leaves: the ledger entries' hashes in order)";

    private CheckpointXml() {
    }

    static byte[] signed(HubSigner signer, long number, long firstSeq, long lastSeq, String root, String previousRoot,
                         String lastEntryHash, Instant sealedAt) {
        Element checkpoint = ArchiveXml.newRoot("Checkpoint");
        ArchiveXml.add(checkpoint, "Number", number);
        ArchiveXml.add(checkpoint, "FirstEntry", firstSeq);
        ArchiveXml.add(checkpoint, "LastEntry", lastSeq);
        ArchiveXml.add(checkpoint, "TreeSize", lastSeq - firstSeq + 1);
        ArchiveXml.add(checkpoint, "MerkleRoot", root);
        ArchiveXml.add(checkpoint, "PreviousRoot", previousRoot);
        ArchiveXml.add(checkpoint, "LastEntryHash", lastEntryHash);
        ArchiveXml.add(checkpoint, "SealedAt", sealedAt);
        ArchiveXml.add(checkpoint, "TreeHashing", TREE_HASHING);
        return signer.sign(checkpoint.getOwnerDocument(), checkpoint);
    }
}
