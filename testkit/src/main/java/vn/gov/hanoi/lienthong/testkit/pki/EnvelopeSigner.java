package vn.gov.hanoi.lienthong.testkit.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
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
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.jcp.xml.dsig.internal.dom.XMLDSigRI;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs an edXML envelope as an agency's system does: an enveloped XML-DSig signature over the whole
 * envelope (Reference URI=""), exclusive canonicalisation, RSA-SHA256, the signer's certificate and chain
 * in KeyInfo, placed as the last child of edXMLHeader.
 */
public final class EnvelopeSigner {

    private static final String EDXML = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    private EnvelopeSigner() {
    }

    public static byte[] sign(byte[] envelope, Credential credential) {
        try {
            DocumentBuilderFactory builders = DocumentBuilderFactory.newInstance();
            builders.setNamespaceAware(true);
            builders.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = builders.newDocumentBuilder().parse(new ByteArrayInputStream(envelope));
            Element header = (Element) document.getElementsByTagNameNS(EDXML, "edXMLHeader").item(0);

            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM", new XMLDSigRI());
            Reference reference = factory.newReference("", factory.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
            KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
            List<X509Certificate> certificates = new ArrayList<>();
            certificates.add(credential.certificate());
            certificates.addAll(credential.chain());
            KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(certificates)));
            DOMSignContext context = new DOMSignContext(credential.key(), header);
            context.setDefaultNamespacePrefix("ds");
            factory.newXMLSignature(signedInfo, keyInfo).sign(context);

            TransformerFactory transformers = TransformerFactory.newInstance();
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformers.newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the envelope", e);
        }
    }
}
