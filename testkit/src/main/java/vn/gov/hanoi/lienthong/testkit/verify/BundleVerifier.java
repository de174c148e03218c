package vn.gov.hanoi.lienthong.testkit.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks a Liên Thông evidence bundle with nothing but the bundle and the certificates its reader trusts — no
 * access to the hub, no network: the container's signature and every part it covers, every hash the ledger entered,
 * every entry's hash and its inclusion proof up to the checkpoint's root, the checkpoint's signature and its RFC 3161
 * timestamp, the signatures of the envelope, the files, the receipt and the statuses. Each check names what it is
 * about; the bundle holds only if every one does.
 *
 * <p>The rules (entry hash, Merkle tree, recorded payload) are implemented here again from their description in the
 * bundle's {@code evidence.json} and RFC 9162, not taken from the hub's code: a verifier that shared the prover's
 * code would prove less.
 */
public final class BundleVerifier {

    static final String ASIC_E = "application/vnd.etsi.asic-e+zip";
    private static final String ASIC_NS = "http://uri.etsi.org/02918/v1.2.1#";
    private static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    private static final HexFormat HEX = HexFormat.of();

    private final Trust trust;
    private final ObjectMapper json = new ObjectMapper();

    public BundleVerifier(Trust trust) {
        this.trust = trust;
    }

    public VerificationReport verify(Path bundle) throws IOException {
        return verify(Files.readAllBytes(bundle));
    }

    public VerificationReport verify(byte[] bundle) {
        VerificationReport report = new VerificationReport();
        if (trust.isEmpty()) {
            report.fail("trust", "no trusted certificate given (--trust DIR): no signer can be anchored");
        }
        Map<String, byte[]> parts;
        try {
            parts = unzip(bundle);
        } catch (IOException | IllegalArgumentException e) {
            report.fail("container", "not a readable ASiC-E container: " + e.getMessage());
            return report;
        }
        byte[] mimetype = parts.get("mimetype");
        report.check(mimetype != null && ASIC_E.equals(new String(mimetype, StandardCharsets.US_ASCII)), "container",
                "ASiC-E (mimetype " + (mimetype == null ? "missing" : new String(mimetype, StandardCharsets.US_ASCII)) + ")");
        checkContainerSignature(parts, report);
        JsonNode manifest = readJson(parts, "evidence.json", report);
        JsonNode ledger = readJson(parts, "ledger/entries.json", report);
        if (manifest == null || ledger == null) return report;

        String envelopePath = manifest.path("envelope").path("path").asText();
        byte[] envelope = parts.get(envelopePath);
        String envelopeSha = envelope == null ? null : sha256(envelope);
        report.check(envelope != null && envelopeSha.equals(manifest.path("envelope").path("sha256").asText()),
                "envelope " + envelopePath, envelope == null ? "missing" : "SHA-256 " + envelopeSha);
        List<String> fileShas = new ArrayList<>();
        for (JsonNode file : manifest.path("files")) {
            String path = file.path("path").asText();
            byte[] bytes = parts.get(path);
            String sha = bytes == null ? "missing" : sha256(bytes);
            fileShas.add(sha);
            report.check(sha.equals(file.path("sha256").asText()), "file " + path, bytes == null ? "missing" : "SHA-256 " + sha);
            if (bytes != null) FileSignatures.check(path, bytes, trust, report);
        }
        if (envelope != null) checkXmlSignature("envelope " + envelopePath, envelope, false, report);
        byte[] receipt = parts.get(manifest.path("receipt").asText("receipt.xml"));
        if (receipt == null) report.fail("receipt", "missing");
        else checkXmlSignature("receipt", receipt, true, report);

        Map<String, byte[]> checkpoints = new HashMap<>();
        Map<Long, CheckpointFacts> facts = new HashMap<>();
        for (JsonNode checkpoint : manifest.path("checkpoints")) {
            long number = checkpoint.path("number").asLong();
            byte[] signed = parts.get(checkpoint.path("path").asText());
            if (signed == null) {
                report.fail("checkpoint " + number, "missing from the bundle");
                continue;
            }
            checkpoints.put(checkpoint.path("path").asText(), signed);
            CheckpointFacts read = checkCheckpoint(number, signed, report);
            if (read != null) facts.put(number, read);
            String tokenPath = checkpoint.path("timestampToken").isNull() ? null : checkpoint.path("timestampToken").asText(null);
            byte[] token = tokenPath == null ? null : parts.get(tokenPath);
            if (token == null) report.fail("checkpoint " + number + " timestamp", "none: the checkpoint was never timestamped");
            else checkTimestamp(number, signed, token, report);
        }

        Map<String, JsonNode> statusesByEvent = new LinkedHashMap<>();
        for (JsonNode status : manifest.path("statuses")) statusesByEvent.put(status.path("ledgerEvent").asText(), status);
        JsonNode previous = null;
        boolean recordedSeen = false;
        for (JsonNode entry : ledger.path("entries")) {
            long seq = entry.path("seq").asLong();
            String event = entry.path("event").asText();
            String name = "ledger entry " + seq + " (" + event + ")";
            String recomputed = entryHash(entry);
            boolean hashHolds = recomputed.equals(entry.path("entryHash").asText());
            report.check(hashHolds, name, hashHolds ? "its hash matches its content"
                    : "its hash does not match its content (changed after it was entered)");
            if (previous != null && previous.path("seq").asLong() + 1 == seq) {
                boolean follows = entry.path("previousHash").asText().equals(previous.path("entryHash").asText());
                report.check(follows, name + " chain", follows ? "follows entry " + (seq - 1)
                        : "does not follow entry " + (seq - 1) + " (an entry moved, removed or changed)");
            }
            previous = entry;
            if (event.equals("RECORDED")) {
                recordedSeen = true;
                String expected = envelopeSha == null ? null : recordedPayload(envelopeSha, fileShas);
                boolean same = expected != null && expected.equals(entry.path("payloadSha256").asText());
                report.check(same, name + " content", same ? "the envelope and files in the bundle are those entered"
                        : "the envelope and files in the bundle are not those the ledger entered");
            } else if (event.startsWith("STATUS ")) {
                JsonNode status = statusesByEvent.remove(event);
                byte[] bytes = status == null ? null : parts.get(status.path("path").asText());
                boolean same = bytes != null && sha256(bytes).equals(entry.path("payloadSha256").asText());
                report.check(same, name + " content", bytes == null ? "the status message is missing from the bundle"
                        : same ? "the status message " + status.path("path").asText() + " is the one entered"
                        : "the status message " + status.path("path").asText() + " is not the one the ledger entered");
                if (bytes != null) checkXmlSignature("status " + status.path("path").asText(), bytes, false, report);
            }
            checkInclusion(name, entry, recomputed, facts, report);
        }
        report.check(recordedSeen, "ledger", recordedSeen ? "the document's entry is there" : "no RECORDED entry for the document");
        for (JsonNode orphan : statusesByEvent.values()) {
            report.fail("status " + orphan.path("path").asText(), "no ledger entry for it (" + orphan.path("ledgerEvent").asText() + ")");
        }
        return report;
    }

    private void checkInclusion(String name, JsonNode entry, String leaf, Map<Long, CheckpointFacts> facts,
                                VerificationReport report) {
        if (!entry.has("checkpoint")) {
            report.fail(name + " inclusion", "not closed by any checkpoint in the bundle");
            return;
        }
        long number = entry.path("checkpoint").asLong();
        CheckpointFacts checkpoint = facts.get(number);
        if (checkpoint == null) {
            report.fail(name + " inclusion", "its checkpoint " + number + " is missing or unreadable");
            return;
        }
        long seq = entry.path("seq").asLong();
        long index = seq - checkpoint.firstEntry();
        List<String> proof = new ArrayList<>();
        entry.path("inclusionProof").forEach(p -> proof.add(p.asText()));
        boolean holds = index == entry.path("leafIndex").asLong() && checkpoint.treeSize() == entry.path("treeSize").asLong()
                && Merkle.verifyInclusion(leaf, index, checkpoint.treeSize(), proof, checkpoint.root());
        report.check(holds, name + " inclusion", holds ? "proven in checkpoint " + number
                : "its inclusion proof does not lead to checkpoint " + number + "'s signed root");
    }

    record CheckpointFacts(long firstEntry, long treeSize, String root) {
    }

    private CheckpointFacts checkCheckpoint(long number, byte[] signed, VerificationReport report) {
        checkXmlSignature("checkpoint " + number + " signature", signed, true, report);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(signed)).getDocumentElement();
            return new CheckpointFacts(Long.parseLong(text(root, "FirstEntry")), Long.parseLong(text(root, "TreeSize")),
                    text(root, "MerkleRoot"));
        } catch (Exception e) {
            report.fail("checkpoint " + number, "unreadable: " + e.getMessage());
            return null;
        }
    }

    private static String text(Element root, String name) {
        NodeList nodes = root.getElementsByTagNameNS("http://lienthong.hanoi.gov.vn/archive/v1", name);
        if (nodes.getLength() != 1) throw new IllegalArgumentException("no single " + name);
        return nodes.item(0).getTextContent().trim();
    }

    @SuppressWarnings("unchecked")
    private void checkTimestamp(long number, byte[] checkpoint, byte[] tokenBytes, VerificationReport report) {
        String subject = "checkpoint " + number + " timestamp";
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(tokenBytes));
            byte[] imprint = token.getTimeStampInfo().getMessageImprintDigest();
            boolean sameImprint = "2.16.840.1.101.3.4.2.1".equals(token.getTimeStampInfo().getMessageImprintAlgOID().getId())
                    && MessageDigest.isEqual(imprint, MessageDigest.getInstance("SHA-256").digest(checkpoint));
            if (!sameImprint) {
                report.fail(subject, "the token is not over this checkpoint (its imprint differs)");
                return;
            }
            List<X509Certificate> carried = new ArrayList<>();
            for (X509CertificateHolder holder : (java.util.Collection<X509CertificateHolder>) token.getCertificates().getMatches(null)) {
                carried.add(new JcaX509CertificateConverter().getCertificate(holder));
            }
            X509Certificate authority = null;
            for (X509CertificateHolder holder : (java.util.Collection<X509CertificateHolder>) token.getCertificates()
                    .getMatches((Selector<X509CertificateHolder>) (Selector<?>) token.getSID())) {
                authority = new JcaX509CertificateConverter().getCertificate(holder);
            }
            if (authority == null) {
                report.fail(subject, "the token does not carry its authority's certificate");
                return;
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(authority));
            boolean anchored = trust.anchors(authority, carried);
            report.check(anchored, subject, (anchored ? "valid, " : "valid but its authority is not trusted, ")
                    + token.getTimeStampInfo().getGenTime().toInstant() + " by " + authority.getSubjectX500Principal().getName());
        } catch (Exception e) {
            report.fail(subject, "the token does not hold: " + e.getMessage());
        }
    }

    private void checkXmlSignature(String subject, byte[] xml, boolean required, VerificationReport report) {
        XmlSignatures.Outcome outcome = XmlSignatures.check(xml);
        if (!outcome.signed()) {
            if (outcome.problem() != null || required) {
                report.fail(subject, outcome.problem() != null ? outcome.problem() : "not signed");
            } else {
                report.ok(subject, "not signed (as it was received)");
            }
            return;
        }
        if (!outcome.valid()) {
            report.fail(subject, outcome.problem());
            return;
        }
        boolean anchored = trust.anchors(outcome.signer(), outcome.carried());
        report.check(anchored, subject, (anchored ? "signature valid, by " : "signature valid but its signer is not trusted: ")
                + outcome.signer().getSubjectX500Principal().getName());
    }

    /** The container's CAdES signature over its ASiC manifest, and every part against the manifest's digests. */
    private void checkContainerSignature(Map<String, byte[]> parts, VerificationReport report) {
        String manifestName = parts.keySet().stream().filter(n -> n.matches("META-INF/ASiCManifest[^/]*\\.xml")).findFirst().orElse(null);
        String signatureName = parts.keySet().stream().filter(n -> n.matches("META-INF/signature[^/]*\\.p7s")).findFirst().orElse(null);
        if (manifestName == null || signatureName == null) {
            report.fail("container signature", "no ASiC manifest or no signature in META-INF");
            return;
        }
        byte[] manifest = parts.get(manifestName);
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(manifest), parts.get(signatureName));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            java.util.Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                report.fail("container signature", "the signature does not carry its signer's certificate");
                return;
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            boolean valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            boolean anchored = valid && trust.anchors(certificate, List.of());
            report.check(valid && anchored, "container signature", !valid ? "does not match the manifest"
                    : anchored ? "the hub's signature, by " + certificate.getSubjectX500Principal().getName()
                    : "valid but its signer is not trusted: " + certificate.getSubjectX500Principal().getName());
        } catch (Exception e) {
            report.fail("container signature", "does not hold: " + e.getMessage());
            return;
        }
        Map<String, String> digests = new HashMap<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList references = factory.newDocumentBuilder().parse(new ByteArrayInputStream(manifest))
                    .getElementsByTagNameNS(ASIC_NS, "DataObjectReference");
            for (int i = 0; i < references.getLength(); i++) {
                Element reference = (Element) references.item(i);
                String algorithm = ((Element) reference.getElementsByTagNameNS(DSIG_NS, "DigestMethod").item(0)).getAttribute("Algorithm");
                if (!algorithm.endsWith("#sha256")) throw new IllegalArgumentException("digest " + algorithm + " is not SHA-256");
                digests.put(java.net.URLDecoder.decode(reference.getAttribute("URI"), StandardCharsets.UTF_8),
                        reference.getElementsByTagNameNS(DSIG_NS, "DigestValue").item(0).getTextContent().trim());
            }
        } catch (Exception e) {
            report.fail("container manifest", "unreadable: " + e.getMessage());
            return;
        }
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            String name = part.getKey();
            if (name.equals("mimetype") || name.startsWith("META-INF/")) continue;
            String expected = digests.get(name);
            if (expected == null) {
                report.fail("part " + name, "not covered by the container's signature");
                continue;
            }
            boolean same = expected.equals(Base64.getEncoder().encodeToString(sha256Bytes(part.getValue())));
            if (!same) report.fail("part " + name, "changed after the hub signed the bundle");
        }
        for (String listed : digests.keySet()) {
            if (!parts.containsKey(listed)) report.fail("part " + listed, "signed by the hub but missing from the bundle");
        }
    }

    private JsonNode readJson(Map<String, byte[]> parts, String name, VerificationReport report) {
        byte[] bytes = parts.get(name);
        if (bytes == null) {
            report.fail(name, "missing");
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            report.fail(name, "unreadable: " + e.getMessage());
            return null;
        }
    }

    /** SHA-256 of seq, documentId, event, payloadSha256, previousHash, recordedAtMillis, joined by "\n" (UTF-8). */
    static String entryHash(JsonNode entry) {
        String canonical = entry.path("seq").asLong() + "\n" + entry.path("documentId").asText() + "\n"
                + entry.path("event").asText() + "\n" + entry.path("payloadSha256").asText() + "\n"
                + entry.path("previousHash").asText() + "\n" + entry.path("recordedAtMillis").asLong();
        return sha256(canonical.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of the envelope's SHA-256 and each file's, lower-case hex, joined by "\n". */
    static String recordedPayload(String envelopeSha, List<String> fileShas) {
        StringBuilder joined = new StringBuilder(envelopeSha);
        for (String file : fileShas) joined.append('\n').append(file);
        return sha256(joined.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static Map<String, byte[]> unzip(byte[] bundle) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.isDirectory()) continue;
                String name = entry.getName();
                if (name.startsWith("/") || name.contains("..") || name.contains("\\")) {
                    throw new IllegalArgumentException("a part named outside the container: " + name);
                }
                byte[] bytes = zip.readAllBytes();
                total += bytes.length;
                if (total > 4L * 1024 * 1024 * 1024) throw new IllegalArgumentException("larger than 4 GiB unpacked");
                if (parts.put(name, bytes) != null) throw new IllegalArgumentException("the part " + name + " twice");
            }
        }
        if (parts.isEmpty()) throw new IllegalArgumentException("no parts");
        return parts;
    }

    static String sha256(byte[] bytes) {
        return HEX.formatHex(sha256Bytes(bytes));
    }

    private static byte[] sha256Bytes(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
