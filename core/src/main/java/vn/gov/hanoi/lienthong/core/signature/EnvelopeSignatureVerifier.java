package vn.gov.hanoi.lienthong.core.signature;

import java.security.Key;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;

import org.apache.jcp.xml.dsig.internal.dom.XMLDSigRI;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import vn.gov.hanoi.lienthong.core.edxml.EdxmlReader;

/**
 * Verifies the XML-DSig signature on an edXML envelope (Apache Santuario): exactly one signature, in
 * edXMLHeader, covering the whole envelope (Reference URI="" with the enveloped-signature transform and
 * canonicalisation only, so that nothing outside what was signed can be slipped in), intact, by a
 * certificate the hub trusts at the time given.
 */
@Component
public class EnvelopeSignatureVerifier {

    private static final List<String> ALLOWED_TRANSFORMS = List.of(Transform.ENVELOPED, CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS, CanonicalizationMethod.INCLUSIVE,
            CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS);

    private final EdxmlReader edxml;
    private final CertificateTrust trust;
    private final XMLSignatureFactory signatures = XMLSignatureFactory.getInstance("DOM", new XMLDSigRI());

    @Autowired
    public EnvelopeSignatureVerifier(EdxmlReader edxml, TrustAnchors anchors, CrlCache crls, OcspCache ocsp) {
        this.edxml = edxml;
        this.trust = new CertificateTrust(anchors, crls, ocsp);
    }

    /** @param at the time the signature must have been valid: when the hub received the document */
    public SignatureResult verify(byte[] envelope, Instant at) {
        return verify(edxml.dom(envelope), at);
    }

    /** The same, on an envelope already parsed (the validation only reads the DOM). */
    public SignatureResult verify(Document document, Instant at) {
        NodeList found = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (found.getLength() == 0) return SignatureResult.of(Verdict.UNSIGNED, null, "no signature");
        if (found.getLength() > 1) return SignatureResult.of(Verdict.TAMPERED, null, "more than one signature");
        Element element = (Element) found.item(0);
        if (!EdxmlReader.NAMESPACE.equals(element.getParentNode().getNamespaceURI())
                || !"edXMLHeader".equals(element.getParentNode().getLocalName())) {
            return SignatureResult.of(Verdict.TAMPERED, null, "the signature is not in edXMLHeader");
        }
        CarriedCertificates selector = new CarriedCertificates();
        DOMValidateContext context = new DOMValidateContext(selector, element);
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        try {
            XMLSignature signature = signatures.unmarshalXMLSignature(context);
            String coverage = coverageProblem(signature);
            if (coverage != null) return SignatureResult.of(Verdict.TAMPERED, null, coverage);
            if (!signature.validate(context)) {
                return SignatureResult.of(Verdict.TAMPERED, selector.signerName(), "the envelope was changed after it was signed"
                        + (signature.getSignatureValue().validate(context) ? " (a digest does not match)" : " (the signature value does not match)"));
            }
            return trust.judge(selector.signer, selector.carried, at).withCertificate(selector.signer);
        } catch (Exception e) {
            return SignatureResult.of(Verdict.TAMPERED, selector.signerName(), "unreadable signature: " + e.getMessage());
        }
    }

    private static String coverageProblem(XMLSignature signature) {
        List<?> references = signature.getSignedInfo().getReferences();
        if (references.size() != 1) return "the signature must have exactly one reference";
        Reference reference = (Reference) references.get(0);
        if (!"".equals(reference.getURI())) return "the signature must cover the whole envelope (Reference URI=\"\")";
        for (Object transform : reference.getTransforms()) {
            if (!ALLOWED_TRANSFORMS.contains(((Transform) transform).getAlgorithm())) {
                return "transform " + ((Transform) transform).getAlgorithm() + " is not allowed";
            }
        }
        return null;
    }

    /** Takes the key from the certificates in KeyInfo/X509Data: the signer's is the one whose key verifies. */
    private static final class CarriedCertificates extends KeySelector {
        private final List<X509Certificate> carried = new ArrayList<>();
        private X509Certificate signer;

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context)
                throws KeySelectorException {
            if (keyInfo == null) throw new KeySelectorException("the signature carries no KeyInfo");
            for (Object content : keyInfo.getContent()) {
                if (content instanceof X509Data data) {
                    for (Object item : data.getContent()) {
                        if (item instanceof X509Certificate certificate) carried.add(certificate);
                    }
                }
            }
            if (carried.isEmpty()) throw new KeySelectorException("KeyInfo carries no X509Certificate");
            // Tools order X509Data differently: the signer's certificate is the leaf, the one that issued none of the others.
            signer = carried.stream()
                    .filter(candidate -> carried.stream().noneMatch(other -> other != candidate
                            && other.getIssuerX500Principal().equals(candidate.getSubjectX500Principal())))
                    .findFirst().orElse(carried.get(0));
            PublicKey key = signer.getPublicKey();
            return () -> (Key) key;
        }

        String signerName() {
            return signer == null ? null : signer.getSubjectX500Principal().getName();
        }
    }
}
