package vn.gov.hanoi.lienthong.hub;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.archive.checkpoint.CheckpointStore;
import vn.gov.hanoi.lienthong.archive.evidence.EvidenceBundles;
import vn.gov.hanoi.lienthong.archive.integrity.ArchiveIntegrity;
import vn.gov.hanoi.lienthong.archive.integrity.IntegrityReport;
import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.blob.BlobStore;
import vn.gov.hanoi.lienthong.core.blob.ContentCipher;
import vn.gov.hanoi.lienthong.core.blob.ContentKeyStore;
import vn.gov.hanoi.lienthong.core.blob.FileBlobStore;
import vn.gov.hanoi.lienthong.core.signature.HubSigner;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;
import vn.gov.hanoi.lienthong.testkit.pki.AdesSigner;
import vn.gov.hanoi.lienthong.testkit.pki.EnvelopeSigner;
import vn.gov.hanoi.lienthong.testkit.verify.VerificationReport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/**
 * The archive's authenticity (Article 11.1): a document with a signed file and a signed status, its ledger entries
 * closed by a signed and timestamped checkpoint; then the four kinds of tampering — one byte of a blob, one ledger row
 * changed, one entry deleted, two entries swapped — each found by the hub's own check and by the offline verifier on
 * the bundle exported afterwards, naming the entry. Each change is made in a transaction rolled back after (the blob
 * put back), so that the shared hub is left as it was.
 */
class ArchiveTest extends HubIntegrationTest {

    @Autowired
    ArchiveIntegrity integrity;
    @Autowired
    EvidenceBundles evidence;
    @Autowired
    CheckpointStore checkpoints;
    @Autowired
    HubSigner hubSigner;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    HubSettings settings;
    @Autowired
    vn.gov.hanoi.lienthong.core.record.Ledger ledger;
    @Autowired
    BlobStore blobs;
    @Autowired
    ContentCipher cipher;
    @Autowired
    ContentKeyStore keys;

    private Path trust;

    @BeforeEach
    void trustFolder() throws Exception {
        trust = Bundles.trustFolder(DATA_DIR.resolve("verifier-trust-" + UUID.randomUUID()), PKI.root(),
                hubSigner.certificate(), TSA.certificate());
    }

    /** A document with a PAdES-signed file, an XML-signed envelope and a signed status 01, closed and timestamped. */
    private UUID archivedDocument(String number) throws Exception {
        DocumentMessage message = DocumentMessage.from(SO_NOI_VU.organId).to(SO_TAI_CHINH.organId).type(18, "Công văn")
                .code(number, "SNV-LT").subject("Công văn kiểm tra lưu trữ số " + number)
                .attachment("cv", "Công văn " + number + ".pdf", "application/pdf");
        byte[] signedPdf = AdesSigner.padesSign(AdesSigner.blankPdf(), PKI.signer());
        String id = client(SO_NOI_VU).send(EnvelopeSigner.sign(message.toBytes(), PKI.signer()),
                HubClient.Part.bytes("cv", "Công văn " + number + ".pdf", "application/pdf", signedPdf)).getDocumentId();
        await().atMost(DELIVERY_TIMEOUT).until(() -> SO_TAI_CHINH_SYSTEM.document(id) != null);
        byte[] status = EnvelopeSigner.sign(StatusMessage.of(SO_TAI_CHINH.organId, SO_NOI_VU.organId, message.documentId(),
                "03", "Đã vào sổ văn bản đến", OffsetDateTime.now().withNano(0), "15/" + number), PKI.signer());
        assertThat(client(SO_TAI_CHINH).updateStatus(id, status)).isTrue();
        UUID documentId = UUID.fromString(id);
        await().atMost(DELIVERY_TIMEOUT).until(() -> {
            long last = lastEntryOf(documentId);
            return checkpoints.covering(last).map(c -> c.timestampToken() != null).orElse(false);
        });
        return documentId;
    }

    private long lastEntryOf(UUID documentId) {
        return jdbc.sql("select coalesce(max(seq), 0) from ledger_entry where document_id = ?").param(documentId)
                .query(Long.class).single();
    }

    private long entryOf(UUID documentId, String eventPrefix) {
        return jdbc.sql("select seq from ledger_entry where document_id = ? and event like ? order by seq limit 1")
                .params(documentId, eventPrefix + "%").query(Long.class).single();
    }

    @Test
    void aGenuineBundleHoldsEveryCheckAndTheHubsOwnCheckFindsNothingWrongWithTheDocument() throws Exception {
        UUID documentId = archivedDocument("301");
        IntegrityReport report = integrity.check();
        assertThat(about(report, documentId)).as("the hub's own check of the document").isEmpty();
        assertThat(report.entries()).isGreaterThan(0);
        assertThat(report.checkpoints()).isGreaterThan(0);

        byte[] bundle = evidence.forAgency(SO_NOI_VU.organId, documentId);
        assertThat(Bundles.parts(bundle)).containsKeys("mimetype", "evidence.json", "document/envelope.xml",
                "document/validation-report.json", "receipt.xml", "ledger/entries.json")
                .satisfies(parts -> assertThat(parts.keySet()).anyMatch(n -> n.startsWith("document/files/0-"))
                        .anyMatch(n -> n.matches("statuses/\\d\\d-" + SO_TAI_CHINH.organId.replace(".", "\\.") + "-03\\.xml"))
                        .anyMatch(n -> n.matches("ledger/checkpoint-\\d+\\.tsr"))
                        .anyMatch(n -> n.matches("META-INF/signature.*\\.p7s")));
        VerificationReport verified = Bundles.verify(bundle, trust);
        assertThat(verified.failures()).as(verified.checks().toString()).isEmpty();
        assertThat(verified.checks()).extracting(VerificationReport.Check::subject)
                .anyMatch(s -> s.startsWith("file document/files/0-") && s.contains("signature"))
                .anyMatch(s -> s.startsWith("status statuses/"))
                .anyMatch(s -> s.endsWith("timestamp"))
                .anyMatch(s -> s.endsWith("inclusion"));
        assertThat(verified.checks()).filteredOn(c -> c.subject().startsWith("status statuses/") && c.subject().endsWith("-03.xml"))
                .singleElement().satisfies(c -> assertThat(c.detail()).startsWith("signature valid"));
        assertThat(verified.checks()).filteredOn(c -> c.subject().contains("signature Signature") || c.subject().contains(" signature S"))
                .allSatisfy(c -> assertThat(c.detail()).startsWith("valid, by"));

        // A recipient gets the bundle too (its own statuses); an agency that is not a party is refused.
        assertThat(Bundles.verify(evidence.forAgency(SO_TAI_CHINH.organId, documentId), trust).failures()).isEmpty();
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> evidence.forAgency(DemoAgencies.UBND_BA_DINH.organId, documentId),
                vn.gov.hanoi.lienthong.core.refusal.RefusedException.class).reason().code())
                .isEqualTo("NOT_A_PARTY");
    }

    /**
     * One byte of a file changed by someone who holds the keys (decrypted, changed, encrypted again under its own key):
     * the content no longer hashes to its name. Then one byte of the ciphertext changed by someone who does not: the
     * blob no longer decrypts. Both found by the hub; the first also by the verifier on the bundle exported after.
     */
    @Test
    void oneByteOfABlobChangedIsFoundByTheHubAndByTheVerifier() throws Exception {
        UUID documentId = archivedDocument("302");
        String fileSha = jdbc.sql("select sha256 from attachment where document_id = ? and position = 0").param(documentId)
                .query(String.class).single();
        Path blob = settings.blobDir().resolve(fileSha.substring(0, 2)).resolve(fileSha.substring(2, 4)).resolve(fileSha);
        byte[] original = Files.readAllBytes(blob);
        byte[] plain = blobs.readAll(fileSha);
        plain[plain.length / 2] ^= 0x01;
        ContentCipher.ContentKey key = cipher.unwrap(keys.find(fileSha).orElseThrow());
        java.io.ByteArrayOutputStream reencrypted = new java.io.ByteArrayOutputStream();
        reencrypted.write(FileBlobStore.MAGIC);
        try (java.io.OutputStream out = key.encrypting(reencrypted)) {
            out.write(plain);
        }
        Files.write(blob, reencrypted.toByteArray());
        try {
            assertThat(about(integrity.check(), documentId)).singleElement().satisfies(finding -> {
                assertThat(finding.kind()).isEqualTo("BLOB");
                assertThat(finding.what()).contains("file 0 (Công văn 302.pdf)", documentId.toString(), "has changed");
            });
            VerificationReport verified = Bundles.verify(evidence.forAgency(SO_NOI_VU.organId, documentId), trust);
            long recorded = entryOf(documentId, "RECORDED");
            assertThat(verified.failures()).extracting(VerificationReport.Check::subject)
                    .contains("file document/files/0-Công văn 302.pdf", "ledger entry " + recorded + " (RECORDED) content");

            byte[] changedCiphertext = original.clone();
            changedCiphertext[changedCiphertext.length / 2] ^= 0x01;
            Files.write(blob, changedCiphertext);
            assertThat(about(integrity.check(), documentId)).singleElement().satisfies(finding -> {
                assertThat(finding.kind()).isEqualTo("BLOB");
                assertThat(finding.what()).contains("file 0 (Công văn 302.pdf)", documentId.toString(), "cannot be decrypted");
            });
        } finally {
            Files.write(blob, original);
        }
        assertThat(about(integrity.check(), documentId)).isEmpty();
    }

    @Test
    void oneLedgerRowChangedIsFoundByTheHubAndByTheVerifierNamingTheEntry() throws Exception {
        UUID documentId = archivedDocument("303");
        long recorded = entryOf(documentId, "RECORDED");
        // Its payload changed, its hash left: the entry no longer matches its content.
        tamperedThen(() -> jdbc.sql("update ledger_entry set payload_sha256 = ? where seq = ?").params("e".repeat(64), recorded).update(),
                (hub, verified) -> {
                    assertThat(hub.findings()).anySatisfy(f -> {
                        assertThat(f.kind()).isEqualTo("CHAIN");
                        assertThat(f.seq()).isEqualTo(recorded);
                        assertThat(f.what()).contains("entry " + recorded, "does not match its content");
                    });
                    assertThat(verified.failures()).extracting(VerificationReport.Check::subject)
                            .contains("ledger entry " + recorded + " (RECORDED)", "ledger entry " + recorded + " (RECORDED) content");
                }, documentId);
        // Its payload changed and its hash made again to match: the next entry no longer follows it, the checkpoint's
        // signed root no longer covers it.
        tamperedThen(() -> {
            var entry = ledger.entries(recorded - 1, recorded).get(0);
            jdbc.sql("update ledger_entry set payload_sha256 = ?, entry_hash = ? where seq = ?")
                    .params("e".repeat(64), vn.gov.hanoi.lienthong.core.record.Ledger.entryHash(entry.seq(), entry.documentId(),
                            entry.event(), "e".repeat(64), entry.previousHash(), entry.recordedAt()), recorded).update();
        }, (hub, verified) -> {
            assertThat(hub.findings()).anySatisfy(f -> {
                assertThat(f.kind()).isEqualTo("CHAIN");
                assertThat(f.seq()).isEqualTo(recorded + 1);
                assertThat(f.what()).contains("entry " + (recorded + 1) + " does not follow entry " + recorded);
            });
            assertThat(hub.findings()).anySatisfy(f -> assertThat(f.kind()).isEqualTo("CHECKPOINT"));
            assertThat(verified.failures()).extracting(VerificationReport.Check::subject)
                    .contains("ledger entry " + recorded + " (RECORDED) inclusion", "ledger entry " + recorded + " (RECORDED) content");
        }, documentId);
    }

    @Test
    void oneEntryDeletedIsFoundByTheHubAndByTheVerifier() throws Exception {
        UUID documentId = archivedDocument("304");
        archivedDocument("305"); // entries after it, so that the deleted one is not the ledger's last
        long statusEntry = entryOf(documentId, "STATUS ");
        tamperedThen(() -> jdbc.sql("delete from ledger_entry where seq = ?").param(statusEntry).update(),
                (hub, verified) -> {
                    assertThat(hub.findings()).anySatisfy(f -> {
                        assertThat(f.kind()).isEqualTo("CHAIN");
                        assertThat(f.what()).contains("entries " + statusEntry + " missing before entry " + (statusEntry + 1));
                    });
                    assertThat(verified.failures()).extracting(VerificationReport.Check::subject)
                            .anyMatch(s -> s.matches("status statuses/\\d\\d-" + SO_TAI_CHINH.organId.replace(".", "\\.") + "-03\\.xml"));
                    assertThat(verified.failures()).filteredOn(c -> c.subject().startsWith("status statuses/"))
                            .allSatisfy(c -> assertThat(c.detail()).startsWith("no ledger entry for it"));
                    assertThat(verified.failures()).extracting(VerificationReport.Check::subject)
                            .anyMatch(s -> s.startsWith("ledger entry ") && s.endsWith(" inclusion"));
                }, documentId);
    }

    @Test
    void twoEntriesSwappedAreFoundByTheHubAndByTheVerifier() throws Exception {
        UUID documentId = archivedDocument("306");
        long recorded = entryOf(documentId, "RECORDED");
        long next = recorded + 1;
        tamperedThen(() -> {
            jdbc.sql("update ledger_entry set seq = -1 where seq = ?").param(recorded).update();
            jdbc.sql("update ledger_entry set seq = ? where seq = ?").params(recorded, next).update();
            jdbc.sql("update ledger_entry set seq = ? where seq = -1").param(next).update();
        }, (hub, verified) -> {
            assertThat(hub.findings()).filteredOn(f -> f.kind().equals("CHAIN")).extracting(IntegrityReport.Finding::seq)
                    .contains(recorded, next);
            assertThat(verified.failures()).extracting(VerificationReport.Check::subject)
                    .contains("ledger entry " + next + " (RECORDED)");
        }, documentId);
    }

    /** Changes the ledger in a transaction, runs the hub's check and exports the bundle in it, then rolls it back. */
    private void tamperedThen(Runnable tampering, java.util.function.BiConsumer<IntegrityReport, VerificationReport> expect,
                              UUID documentId) {
        transaction.executeWithoutResult(tx -> {
            tampering.run();
            IntegrityReport hub = integrity.checkInThisTransaction();
            VerificationReport verified = Bundles.verify(evidence.forAgency(SO_NOI_VU.organId, documentId), trust);
            expect.accept(hub, verified);
            tx.setRollbackOnly();
        });
        assertThat(about(integrity.check(), documentId)).as("once rolled back").isEmpty();
    }

    /** The findings about this document, or about no single document (a checkpoint). */
    private static List<IntegrityReport.Finding> about(IntegrityReport report, UUID documentId) {
        return report.findings().stream().filter(f -> f.documentId() == null || f.documentId().equals(documentId)).toList();
    }
}
