package vn.gov.hanoi.lienthong.testkit.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.Signature;

import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Signs files as a standard AdES signer does (the EU DSS library): PAdES inside a PDF, detached CAdES (.p7s). */
public final class AdesSigner {

    private AdesSigner() {
    }

    /** A one-page PDF, as PDFBox writes it. */
    public static byte[] blankPdf() {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.addPage(new PDPage());
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PDF with a PAdES-B signature by the credential. */
    public static byte[] padesSign(byte[] pdf, Credential credential) {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        describeSigner(parameters, credential);
        PAdESService service = new PAdESService(new CommonCertificateVerifier());
        DSSDocument document = new InMemoryDocument(pdf, "document.pdf");
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        return bytes(service.signDocument(document, parameters, signatureValue(toBeSigned, credential)));
    }

    /** A detached CAdES-B signature (.p7s) of the content by the credential. */
    public static byte[] cadesDetached(byte[] content, Credential credential) {
        CAdESSignatureParameters parameters = new CAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.CAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.DETACHED);
        describeSigner(parameters, credential);
        CAdESService service = new CAdESService(new CommonCertificateVerifier());
        DSSDocument document = new InMemoryDocument(content, "content");
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        return bytes(service.signDocument(document, parameters, signatureValue(toBeSigned, credential)));
    }

    private static void describeSigner(eu.europa.esig.dss.signature.AbstractSignatureParameters<?> parameters, Credential credential) {
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(credential.certificate()));
        parameters.setCertificateChain(credential.chain().stream().map(CertificateToken::new).toList());
    }

    private static SignatureValue signatureValue(ToBeSigned toBeSigned, Credential credential) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(credential.key());
            signature.update(toBeSigned.getBytes());
            return new SignatureValue(SignatureAlgorithm.RSA_SHA256, signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(DSSDocument document) {
        try (var in = document.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
