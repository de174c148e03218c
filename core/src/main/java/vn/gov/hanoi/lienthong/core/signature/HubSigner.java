package vn.gov.hanoi.lienthong.core.signature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.jcp.xml.dsig.internal.dom.XMLDSigRI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The hub's own signature on what it issues (receipts, status messages): an enveloped XML-DSig signature
 * over the whole document, SHA-256 — RSA-SHA256 with an RSA key, ECDSA-SHA256 with an EC key (P-256) —, exclusive
 * canonicalisation, the hub's certificate in KeyInfo, so that a partner can verify it with any XML-DSig tool
 * (xmlsec1, Santuario, .NET…). The key comes from the keystore at {@code hub.signing.keystore}; the demo keystore
 * in config/ is for the embedded default only. bench/ `signatures` measures the choice.
 */
@Component
public class HubSigner {

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final String signatureMethod;
    private final XMLSignatureFactory signatures = XMLSignatureFactory.getInstance("DOM", new XMLDSigRI());

    /** A signer with this key and certificate (the bench's and the tests'; the hub reads its keystore). */
    public HubSigner(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
        this.signatureMethod = signatureMethodFor(key);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public HubSigner(ResourceLoader resources,
                     @Value("${hub.signing.keystore:classpath:hub-signing-demo.p12}") String keystore,
                     @Value("${hub.signing.password:demo-hub-signing}") String password,
                     @Value("${hub.signing.alias:lienthong-hub}") String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = resources.getResource(keystore).getInputStream()) {
            store.load(in, password.toCharArray());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the hub's signing keystore " + keystore, e);
        }
        this.key = (PrivateKey) store.getKey(alias, password.toCharArray());
        this.certificate = (X509Certificate) store.getCertificate(alias);
        if (key == null || certificate == null) {
            throw new IllegalStateException("the keystore " + keystore + " has no key and certificate under alias " + alias);
        }
        this.signatureMethod = signatureMethodFor(key);
    }

    private static String signatureMethodFor(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> SignatureMethod.RSA_SHA256;
            case "EC" -> SignatureMethod.ECDSA_SHA256;
            default -> throw new IllegalStateException("the hub signs with an RSA or an EC key, not " + key.getAlgorithm());
        };
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * The hub's raw signature over {@code data} (SHA256withRSA or SHA256withECDSA, by its key), for a signature format
     * another library assembles — the evidence bundle's CAdES signature, which DSS builds around this value.
     */
    public byte[] signatureValue(byte[] data) {
        try {
            java.security.Signature signature = java.security.Signature.getInstance(
                    "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA");
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the hub could not sign", e);
        }
    }

    /** RSA or EC: the key's algorithm. */
    public String keyAlgorithm() {
        return key.getAlgorithm();
    }

    /** Signs the whole document, placing the signature as the last child of {@code parent}; returns its bytes (UTF-8). */
    public byte[] sign(Document document, Element parent) {
        try {
            Reference reference = signatures.newReference("", signatures.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(signatures.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            signatures.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo signedInfo = signatures.newSignedInfo(
                    signatures.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    signatures.newSignatureMethod(signatureMethod, null), List.of(reference));
            KeyInfoFactory keyInfos = signatures.getKeyInfoFactory();
            DOMSignContext context = new DOMSignContext(key, parent);
            context.setDefaultNamespacePrefix("ds");
            signatures.newXMLSignature(signedInfo,
                    keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(List.of(certificate))))).sign(context);
            TransformerFactory transformers = TransformerFactory.newDefaultInstance();
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            var transformer = transformers.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("the hub could not sign", e);
        }
    }
}
