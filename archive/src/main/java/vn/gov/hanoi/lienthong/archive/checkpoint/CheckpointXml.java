package vn.gov.hanoi.lienthong.archive.checkpoint;

import java.time.Instant;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

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

    public static final String NAMESPACE = "http://lienthong.hanoi.gov.vn/archive/v1";
    static final String TREE_HASHING = "RFC 9162 2.1 (SHA-256; leaves: the ledger entries' hashes in order)";

    private CheckpointXml() {
    }

    static byte[] signed(HubSigner signer, long number, long firstSeq, long lastSeq, String root, String previousRoot,
                         String lastEntryHash, Instant sealedAt) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document xml = factory.newDocumentBuilder().newDocument();
            Element checkpoint = xml.createElementNS(NAMESPACE, "lt:Checkpoint");
            checkpoint.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:lt", NAMESPACE);
            xml.appendChild(checkpoint);
            add(xml, checkpoint, "Number", Long.toString(number));
            add(xml, checkpoint, "FirstEntry", Long.toString(firstSeq));
            add(xml, checkpoint, "LastEntry", Long.toString(lastSeq));
            add(xml, checkpoint, "TreeSize", Long.toString(lastSeq - firstSeq + 1));
            add(xml, checkpoint, "MerkleRoot", root);
            add(xml, checkpoint, "PreviousRoot", previousRoot);
            add(xml, checkpoint, "LastEntryHash", lastEntryHash);
            add(xml, checkpoint, "SealedAt", sealedAt.toString());
            add(xml, checkpoint, "TreeHashing", TREE_HASHING);
            return signer.sign(xml, checkpoint);
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(Document xml, Element parent, String name, String value) {
        Element element = xml.createElementNS(NAMESPACE, "lt:" + name);
        element.setTextContent(value);
        parent.appendChild(element);
    }
}
