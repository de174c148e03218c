package vn.gov.hanoi.lienthong.testkit.verify;

import java.io.ByteArrayInputStream;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * XML-DSig signatures (the edXML envelope's, the hub's receipt and checkpoints, the agencies' statuses) checked
 * with the JDK's own implementation, secure validation on, against the certificate each carries in KeyInfo.
 */
final class XmlSignatures {

    private XmlSignatures() {
    }

    /** What one XML document's signatures came to. */
    record Outcome(boolean signed, boolean valid, X509Certificate signer, List<X509Certificate> carried, String problem) {
    }

    static Outcome check(byte[] xml) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            return new Outcome(false, false, null, List.of(), "not well-formed XML: " + e.getMessage());
        }
        NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() == 0) return new Outcome(false, false, null, List.of(), null);
        X509Certificate signer = null;
        List<X509Certificate> carried = new ArrayList<>();
        for (int i = 0; i < signatures.getLength(); i++) {
            CarriedKey keys = new CarriedKey();
            try {
                DOMValidateContext context = new DOMValidateContext(keys, signatures.item(i));
                context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
                XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
                if (!signature.validate(context)) {
                    return new Outcome(true, false, keys.certificate, keys.all,
                            "the signature does not match the signed content (changed after signing, or forged)");
                }
            } catch (Exception e) {
                return new Outcome(true, false, keys.certificate, keys.all, "the signature cannot be checked: " + e.getMessage());
            }
            if (signer == null) signer = keys.certificate;
            carried.addAll(keys.all);
        }
        return new Outcome(true, true, signer, carried, null);
    }

    /** The key of the first certificate in KeyInfo's X509Data; keeps every certificate carried. */
    private static final class CarriedKey extends KeySelector {
        X509Certificate certificate;
        final List<X509Certificate> all = new ArrayList<>();

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context)
                throws KeySelectorException {
            if (keyInfo != null) {
                for (Object content : keyInfo.getContent()) {
                    if (!(content instanceof X509Data data)) continue;
                    for (Object item : data.getContent()) {
                        if (item instanceof X509Certificate x509) {
                            all.add(x509);
                            if (certificate == null) certificate = x509;
                        }
                    }
                }
            }
            if (certificate == null) throw new KeySelectorException("no certificate in KeyInfo");
            Key key = certificate.getPublicKey();
            return () -> key;
        }
    }
}
