package vn.gov.hanoi.lienthong.testkit.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small public-key infrastructure for tests, shaped like the government's: a root CA, an intermediate CA
 * that issues signers' certificates, and the intermediate's CRL and OCSP responder served over HTTP on
 * loopback (the addresses are in every signer certificate). Beside the good signer: an expired one, a
 * revoked one, one whose key may not sign documents, and one under a root nobody trusts.
 */
public final class TestPki implements AutoCloseable {

    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";

    private final HttpServer server;
    private final String baseUrl;
    private final AtomicLong serials = new AtomicLong(1000);
    private final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();
    private final Map<BigInteger, Instant> revokedAt = new ConcurrentHashMap<>();
    private volatile boolean responderDown;
    private final java.util.concurrent.atomic.AtomicInteger ocspRequests = new java.util.concurrent.atomic.AtomicInteger();

    private final KeyPair rootKey;
    private final X509Certificate root;
    private final KeyPair intermediateKey;
    private final X509Certificate intermediate;
    private final Credential signer;
    private final Credential expiredSigner;
    private final Credential soonExpiringSigner;
    private final Credential revokedSigner;
    private final Credential encryptionOnlySigner;
    private final X509Certificate untrustedRoot;
    private final Credential untrustedSigner;

    private TestPki() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/ocsp", this::answerOcsp);
        server.createContext("/crl", exchange -> serveCrl(exchange, false));
        server.createContext("/arl", exchange -> serveCrl(exchange, true));
        server.start();

        Instant now = Instant.now();
        rootKey = rsa();
        root = certificate("CN=Test Root CA,O=Ban Co yeu Chinh phu (thu nghiem),C=VN", rootKey, null, rootKey,
                now.minus(Duration.ofDays(3650)), now.plus(Duration.ofDays(3650)), true, KeyUsage.keyCertSign | KeyUsage.cRLSign, null, null);
        intermediateKey = rsa();
        intermediate = certificate("CN=Test Government CA,O=Ban Co yeu Chinh phu (thu nghiem),C=VN", intermediateKey, root, rootKey,
                now.minus(Duration.ofDays(1800)), now.plus(Duration.ofDays(1800)), true, KeyUsage.keyCertSign | KeyUsage.cRLSign,
                null, baseUrl + "/arl");
        signer = issue("CN=Nguyen Van An,O=So Noi vu Ha Noi,C=VN", now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(700)),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
        expiredSigner = issue("CN=Tran Thi Binh,O=So Noi vu Ha Noi,C=VN", now.minus(Duration.ofDays(800)), now.minus(Duration.ofDays(5)),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
        soonExpiringSigner = issue("CN=Hoang Thi Giang,O=So Noi vu Ha Noi,C=VN", now.minus(Duration.ofDays(700)),
                now.plus(Duration.ofDays(20)), KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
        revokedSigner = issue("CN=Le Van Cuong,O=So Noi vu Ha Noi,C=VN", now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(700)),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
        revoke(revokedSigner.certificate(), now.minus(Duration.ofDays(2)));
        encryptionOnlySigner = issue("CN=Pham Van Dung,O=So Noi vu Ha Noi,C=VN", now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(700)), KeyUsage.keyEncipherment | KeyUsage.dataEncipherment);
        KeyPair untrustedRootKey = rsa();
        untrustedRoot = certificate("CN=Somebody's Root CA,O=Not the government,C=VN", untrustedRootKey, null, untrustedRootKey,
                now.minus(Duration.ofDays(3650)), now.plus(Duration.ofDays(3650)), true, KeyUsage.keyCertSign | KeyUsage.cRLSign, null, null);
        KeyPair untrustedSignerKey = rsa();
        untrustedSigner = new Credential(untrustedSignerKey.getPrivate(), certificate("CN=Impostor,O=Nobody,C=VN",
                untrustedSignerKey, untrustedRoot, untrustedRootKey, now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(700)),
                false, KeyUsage.digitalSignature | KeyUsage.nonRepudiation, null, null), List.of());
    }

    public static TestPki start() {
        try {
            return new TestPki();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the test PKI", e);
        }
    }

    public X509Certificate root() {
        return root;
    }

    public X509Certificate intermediate() {
        return intermediate;
    }

    public Credential signer() {
        return signer;
    }

    public Credential expiredSigner() {
        return expiredSigner;
    }

    /** Valid, and ending 20 days after the PKI was made (an agency's certificate the operators are warned of). */
    public Credential soonExpiringSigner() {
        return soonExpiringSigner;
    }

    public Credential revokedSigner() {
        return revokedSigner;
    }

    public Credential encryptionOnlySigner() {
        return encryptionOnlySigner;
    }

    public Credential untrustedSigner() {
        return untrustedSigner;
    }

    public X509Certificate untrustedRoot() {
        return untrustedRoot;
    }

    /** How many OCSP requests the responder has answered. */
    public int ocspRequests() {
        return ocspRequests.get();
    }

    /** While down, the OCSP responder and the CRL answer 503, as a responder under maintenance would. */
    public void revocationServicesDown(boolean down) {
        this.responderDown = down;
    }

    /** Writes the root certificate as PEM (a trust anchor file for the hub's config/trust). */
    public Path writeRootPem(Path directory, String fileName) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(fileName);
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(root);
            }
            Files.writeString(file, pem.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private Credential issue(String subject, Instant from, Instant to, int keyUsage) throws Exception {
        KeyPair key = rsa();
        return new Credential(key.getPrivate(),
                certificate(subject, key, intermediate, intermediateKey, from, to, false, keyUsage, baseUrl + "/ocsp",
                        baseUrl + "/crl"), List.of(intermediate));
    }

    private void revoke(X509Certificate certificate, Instant at) {
        revoked.add(certificate.getSerialNumber());
        revokedAt.put(certificate.getSerialNumber(), at);
    }

    private X509Certificate certificate(String subject, KeyPair key, X509Certificate issuer, KeyPair issuerKey, Instant from,
                                        Instant to, boolean ca, int keyUsage, String ocspUrl, String crlUrl) throws Exception {
        X500Name issuerName = issuer == null ? new X500Name(subject) : new JcaX509CertificateHolder(issuer).getSubject();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(serials.incrementAndGet()),
                Date.from(from), Date.from(to), new X500Name(subject), key.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        // A root (no issuer) may have one CA below it; an intermediate may issue only end-entity certificates.
        builder.addExtension(Extension.basicConstraints, true,
                ca ? new BasicConstraints(issuer == null ? 1 : 0) : new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(key.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensions.createAuthorityKeyIdentifier(issuerKey.getPublic()));
        if (ocspUrl != null) {
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
        }
        if (crlUrl != null) {
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(
                            new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}));
        }
        X509CertificateHolder holder = builder.build(signerOf(issuerKey));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    /** The intermediate's CRL (signers revoked), or the root's (no CA revoked). */
    private X509CRL crl(boolean ofRoot) throws Exception {
        Instant now = Instant.now();
        X509Certificate issuer = ofRoot ? root : intermediate;
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new JcaX509CertificateHolder(issuer).getSubject(), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        if (!ofRoot) {
            for (BigInteger serial : revoked) {
                builder.addCRLEntry(serial, Date.from(revokedAt.get(serial)), CRLReason.keyCompromise);
            }
        }
        X509CRLHolder holder = builder.build(signerOf(ofRoot ? rootKey : intermediateKey));
        return new JcaX509CRLConverter().getCRL(holder);
    }

    private void serveCrl(HttpExchange exchange, boolean ofRoot) throws IOException {
        try (exchange) {
            if (responderDown) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body = crl(ofRoot).getEncoded();
            exchange.getResponseHeaders().add("Content-Type", "application/pkix-crl");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private void answerOcsp(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (responderDown) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            ocspRequests.incrementAndGet();
            byte[] request;
            try (InputStream in = exchange.getRequestBody()) {
                request = in.readAllBytes();
            }
            OCSPReq ocspRequest = new OCSPReq(request);
            BasicOCSPRespBuilder response = new BasicOCSPRespBuilder(
                    new RespID(new JcaX509CertificateHolder(intermediate).getSubject()));
            for (Req single : ocspRequest.getRequestList()) {
                BigInteger serial = single.getCertID().getSerialNumber();
                CertificateStatus status = revoked.contains(serial)
                        ? new RevokedStatus(Date.from(revokedAt.get(serial)), CRLReason.keyCompromise)
                        : CertificateStatus.GOOD;
                response.addResponse(single.getCertID(), status, new Date(), (Date) null);
            }
            OCSPResp answer = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, response.build(signerOf(intermediateKey),
                    new X509CertificateHolder[] {new JcaX509CertificateHolder(intermediate)}, new Date()));
            byte[] body = answer.getEncoded();
            exchange.getResponseHeaders().add("Content-Type", "application/ocsp-response");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static ContentSigner signerOf(KeyPair key) throws OperatorCreationException {
        return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key.getPrivate());
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
