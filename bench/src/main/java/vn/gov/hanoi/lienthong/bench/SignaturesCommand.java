package vn.gov.hanoi.lienthong.bench;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.gov.hanoi.lienthong.core.signature.HubSigner;

/**
 * What the hub's own signature costs (issue 13, item 2): the same status message signed by HubSigner, and checked
 * as a partner checks it (JSR 105), with RSA-3072 (the demo key until now), RSA-2048 and ECDSA P-256, in one run, on
 * one thread, after a warm-up — milliseconds of CPU per signature and per check, and each beside RSA-3072's.
 */
@Command(name = "signatures", mixinStandardHelpOptions = true,
        description = "The hub's receipt/status signature with RSA-3072, RSA-2048 and ECDSA P-256: ms per signature and per check.")
final class SignaturesCommand implements Callable<Integer> {

    @Option(names = "--count", defaultValue = "2000", description = "signatures (and checks) measured per key (default: ${DEFAULT-VALUE})")
    int count;
    @Option(names = "--warm-up", defaultValue = "1000", description = "signatures and checks first, unmeasured (default: ${DEFAULT-VALUE})")
    int warmUp;
    @Option(names = "--results", defaultValue = "bench/results.json", description = "figures file to update (default: ${DEFAULT-VALUE})")
    Path results;

    private record Key(String name, String resultKey, KeyPair keys, String certificateAlgorithm) {
    }

    @Override
    public Integer call() throws Exception {
        List<Key> keys = List.of(
                new Key("RSA-3072", "rsa3072", rsa(3072), "SHA256withRSA"),
                new Key("RSA-2048", "rsa2048", rsa(2048), "SHA256withRSA"),
                new Key("ECDSA P-256", "ecdsa_p256", ec(), "SHA256withECDSA"));
        System.out.printf("machine: %s; one thread; %d signatures and %d checks per key after %d of each unmeasured%n",
                Results.machine(), count, count, warmUp);
        Map<String, Object> figures = new LinkedHashMap<>();
        double baseSign = 0;
        double baseCheck = 0;
        for (Key key : keys) {
            HubSigner signer = new HubSigner(key.keys().getPrivate(), certificate(key));
            byte[] signed = sign(signer);
            loop(signer, warmUp);
            loop(signed, warmUp);
            double signMs = loop(signer, count);
            double checkMs = loop(signed, count);
            if (baseSign == 0) {
                baseSign = signMs;
                baseCheck = checkMs;
            }
            System.out.printf(Locale.ROOT, "%-12s sign %.3f ms (%.2f of RSA-3072), check %.3f ms (%.2f of RSA-3072), signature %d bytes%n",
                    key.name(), signMs, signMs / baseSign, checkMs, checkMs / baseCheck, signatureValueLength(signed));
            figures.put("hub_sign_ms_" + key.resultKey(), round(signMs));
            figures.put("hub_signature_check_ms_" + key.resultKey(), round(checkMs));
        }
        Results.update(results, figures);
        return 0;
    }

    /** Mean ms of CPU of this thread per signature. */
    private static double loop(HubSigner signer, int times) throws Exception {
        long cpu = Results.threadCpuNanos();
        for (int i = 0; i < times; i++) sign(signer);
        return (Results.threadCpuNanos() - cpu) / 1e6 / times;
    }

    /** Mean ms of CPU of this thread per check of the signature, as a partner checks it. */
    private static double loop(byte[] signed, int times) throws Exception {
        long cpu = Results.threadCpuNanos();
        for (int i = 0; i < times; i++) {
            if (!check(signed)) throw new IllegalStateException("a signature of the bench did not verify");
        }
        return (Results.threadCpuNanos() - cpu) / 1e6 / times;
    }

    private static byte[] sign(HubSigner signer) throws Exception {
        Document status = parse(STATUS);
        return signer.sign(status, status.getDocumentElement());
    }

    private static boolean check(byte[] signed) throws Exception {
        Document document = parse(new String(signed, StandardCharsets.UTF_8));
        NodeList found = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        Element signature = (Element) found.item(0);
        NodeList certificates = signature.getElementsByTagNameNS(XMLSignature.XMLNS, "X509Certificate");
        X509Certificate certificate = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(java.util.Base64.getMimeDecoder()
                        .decode(certificates.item(0).getTextContent())));
        DOMValidateContext context = new DOMValidateContext(certificate.getPublicKey(), signature);
        XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
        return factory.unmarshalXMLSignature(context).validate(context);
    }

    private static int signatureValueLength(byte[] signed) throws Exception {
        Document document = parse(new String(signed, StandardCharsets.UTF_8));
        return java.util.Base64.getMimeDecoder().decode(document.getElementsByTagNameNS(XMLSignature.XMLNS, "SignatureValue")
                .item(0).getTextContent()).length;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }


    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(Key key) throws Exception {
        X500Name name = new X500Name("CN=Truc lien thong (bench " + key.name() + "),O=Lien Thong,C=VN");
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), name, key.keys().getPublic())
                .build(new JcaContentSignerBuilder(key.certificateAlgorithm()).build(key.keys().getPrivate())));
    }

    /** A status message of the size the hub issues (edXML status 01 with its header). */
    private static final String STATUS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <edXMLEnvelope xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
              <edXMLHeader>
                <Status>
                  <ResponseFor><OrganId>000.00.12.H26</OrganId><Code>12/SNV-VP</Code><PromulgationDate>2026-12-01</PromulgationDate>
                    <DocumentId>000.00.12.H26,2026/12/01,7f1d2c8e-5a4b-4c3d-9e8f-0a1b2c3d4e5f</DocumentId></ResponseFor>
                  <From><OrganId>000.00.15.H26</OrganId><OrganName>Sở Tài chính thành phố Hà Nội</OrganName>
                    <OrganAdd>Số 38 Tông Đản, Hoàn Kiếm, Hà Nội</OrganAdd><Email>sotaichinh@hanoi.gov.vn</Email></From>
                  <StatusCode>01</StatusCode><Description>Đã nhận văn bản</Description>
                  <Timestamp>2026-12-01T09:00:00+07:00</Timestamp>
                  <StaffInfo><Department>Văn phòng</Department><Staff>Nguyễn Thị Văn Thư</Staff></StaffInfo>
                </Status>
              </edXMLHeader>
            </edXMLEnvelope>
            """.strip();
}
