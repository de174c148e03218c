package vn.gov.hanoi.lienthong.testkit.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The demo certificate authority of the embedded hub: a root that the embedded default trusts (and the
 * production profile never does), one signer it issued, and the root's CRL, valid for ten years and packed
 * with the hub, so that a document signed on a machine with only Java verifies with no network at all.
 *
 * <p>Everything here is public — the signer's key ships in the client jar — so a demo signature proves
 * nothing about anybody. Its names say so: "DEMO — KHÔNG CÓ GIÁ TRỊ PHÁP LÝ" (no legal value).
 *
 * <p>{@code java -cp lienthong-client.jar vn.gov.hanoi.lienthong.testkit.pki.DemoPki HUB_DIR CLIENT_DIR} makes a new
 * set: the root and the CRL into {@code HUB_DIR} (config/demo-pki), the signer's key store into {@code CLIENT_DIR}
 * (testkit/src/main/resources/demo-pki). The committed set was made so and is checked by DemoPkiTest.
 */
public final class DemoPki {

    /** The signer's key store in the client jar (PKCS#12). */
    public static final String SIGNER_RESOURCE = "demo-pki/lienthong-demo-signer.p12";
    /** The password of that key store: public, like the key. */
    public static final String SIGNER_PASSWORD = "demo-signer-2026";
    public static final String ROOT_FILE = "lienthong-demo-root.pem";
    public static final String CRL_FILE = "lienthong-demo-root.crl";
    /** Every name of the demo CA carries it. */
    public static final String MARK = "DEMO";

    private static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant SIGNER_NOT_AFTER = Instant.parse("2036-01-01T00:00:00Z");
    private static final Instant ROOT_NOT_AFTER = Instant.parse("2046-01-01T00:00:00Z");

    private DemoPki() {
    }

    /** The demo signer (key, certificate, chain) from the client jar. */
    public static Credential signer() {
        try {
            KeyStore store = keyStore();
            String alias = store.aliases().nextElement();
            Certificate[] chain = store.getCertificateChain(alias);
            // The chain above the signer, without the root (the hub has the root as its anchor).
            List<X509Certificate> above = java.util.Arrays.stream(chain).skip(1).map(X509Certificate.class::cast)
                    .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())).toList();
            return new Credential((PrivateKey) store.getKey(alias, SIGNER_PASSWORD.toCharArray()), (X509Certificate) chain[0], above);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the demo signer " + SIGNER_RESOURCE, e);
        }
    }

    /** The root certificate in the key store (the demo trust anchor). */
    public static X509Certificate root() {
        try {
            KeyStore store = keyStore();
            Certificate[] chain = store.getCertificateChain(store.aliases().nextElement());
            return (X509Certificate) chain[chain.length - 1];
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the demo signer " + SIGNER_RESOURCE, e);
        }
    }

    private static KeyStore keyStore() {
        try (InputStream in = DemoPki.class.getClassLoader().getResourceAsStream(SIGNER_RESOURCE)) {
            if (in == null) throw new IllegalStateException(SIGNER_RESOURCE + " is not on the class path");
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, SIGNER_PASSWORD.toCharArray());
            return store;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the demo signer " + SIGNER_RESOURCE, e);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DemoPki HUB_DIR CLIENT_DIR (config/demo-pki testkit/src/main/resources/demo-pki)");
            System.exit(2);
        }
        make(Path.of(args[0]), Path.of(args[1]));
    }

    static void make(Path hubDirectory, Path clientDirectory) throws Exception {
        KeyPair rootKey = rsa(3072);
        var rootName = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, "Liên Thông " + MARK)
                .addRDN(BCStyle.CN, "Liên Thông " + MARK + " CA — KHÔNG CÓ GIÁ TRỊ PHÁP LÝ (demo only, no legal value)")
                .build();
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder rootBuilder = new JcaX509v3CertificateBuilder(rootName, BigInteger.ONE,
                Date.from(NOT_BEFORE), Date.from(ROOT_NOT_AFTER), rootName, rootKey.getPublic());
        rootBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        rootBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        rootBuilder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(rootKey.getPublic()));
        X509Certificate root = new JcaX509CertificateConverter().getCertificate(rootBuilder.build(signer(rootKey)));

        KeyPair signerKey = rsa(2048);
        var signerName = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, "Liên Thông " + MARK)
                .addRDN(BCStyle.CN, "Người ký " + MARK + " — KHÔNG CÓ GIÁ TRỊ PHÁP LÝ (demo signer, no legal value)")
                .build();
        // No CRL distribution point and no OCSP address: the hub finds the root's CRL among its local CRLs.
        X509v3CertificateBuilder signerBuilder = new JcaX509v3CertificateBuilder(new JcaX509CertificateHolder(root).getSubject(),
                BigInteger.TWO, Date.from(NOT_BEFORE), Date.from(SIGNER_NOT_AFTER), signerName, signerKey.getPublic());
        signerBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        signerBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        signerBuilder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(signerKey.getPublic()));
        signerBuilder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(root));
        X509Certificate signer = new JcaX509CertificateConverter().getCertificate(signerBuilder.build(signer(rootKey)));

        X509v2CRLBuilder crlBuilder = new X509v2CRLBuilder(new JcaX509CertificateHolder(root).getSubject(), Date.from(Instant.now()));
        crlBuilder.setNextUpdate(Date.from(SIGNER_NOT_AFTER));
        crlBuilder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(root));
        crlBuilder.addExtension(Extension.cRLNumber, false, new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.ONE));
        X509CRL crl = new JcaX509CRLConverter().getCRL(crlBuilder.build(signer(rootKey)));

        Files.createDirectories(hubDirectory);
        Files.createDirectories(clientDirectory);
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(root);
        }
        Files.writeString(hubDirectory.resolve(ROOT_FILE), pem.toString());
        Files.write(hubDirectory.resolve(CRL_FILE), crl.getEncoded());
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("demo-signer", signerKey.getPrivate(), SIGNER_PASSWORD.toCharArray(), new Certificate[] {signer, root});
        try (OutputStream out = Files.newOutputStream(clientDirectory.resolve(Path.of(SIGNER_RESOURCE).getFileName()))) {
            store.store(out, SIGNER_PASSWORD.toCharArray());
        }
        System.out.println("Demo root, CRL → " + hubDirectory + "; demo signer → " + clientDirectory);
    }

    private static org.bouncycastle.operator.ContentSigner signer(KeyPair key) throws Exception {
        return new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate());
    }

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }
}
