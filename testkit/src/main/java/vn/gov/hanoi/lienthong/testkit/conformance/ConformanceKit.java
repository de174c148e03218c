package vn.gov.hanoi.lienthong.testkit.conformance;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetDocumentResponse;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetStatusHistoryResponse;
import vn.gov.hanoi.lienthong.schemas.ws.types.RecipientState;
import vn.gov.hanoi.lienthong.schemas.ws.types.StatusEntry;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;
import vn.gov.hanoi.lienthong.testkit.files.SampleFiles;
import vn.gov.hanoi.lienthong.testkit.pki.Credential;
import vn.gov.hanoi.lienthong.testkit.pki.EnvelopeSigner;

/**
 * The connector conformance suite an integration engineer runs before an agency goes active: it exchanges real
 * documents with the agency's system through a running hub, as a partner agency of its own (the kit's entry
 * in the directory, a pull agency), and judges only what the hub and the kit can see. Cases: receive, status,
 * send, duplicate, large-file, bad-signature, offline-and-back.
 */
public final class ConformanceKit {

    /**
     * @param timeout       how long to wait for each thing the agency's system must do
     * @param offlineWindow how long the agency stays off line with a document waiting for it
     */
    public record Settings(Duration timeout, long largeFileBytes, Duration offlineWindow) {
        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(2), 25L * 1024 * 1024, Duration.ofSeconds(10));
        }
    }

    private static final Set<String> SIGNATURE_REFUSALS = Set.of("SIGNATURE_INVALID", "CERTIFICATE_UNTRUSTED");

    private final HubClient kit;
    private final String kitOrganId;
    private final AgencyUnderTest agency;
    private final Settings settings;
    private final Set<String> seenFromAgency = new HashSet<>();
    private String receivedDocumentId;
    private String lastSenderDocumentId;

    public ConformanceKit(HubClient kit, String kitOrganId, AgencyUnderTest agency, Settings settings) {
        this.kit = kit;
        this.kitOrganId = kitOrganId;
        this.agency = agency;
        this.settings = settings;
    }

    public ConformanceReport run() {
        List<CaseResult> results = new ArrayList<>();
        results.add(guarded("receive", "takes a document the hub pushes or offers to it", this::receive));
        results.add(guarded("status", "reports status 01 (arrived) for a document it received", this::status));
        results.add(guarded("send", "sends a document that the hub accepts and delivers", this::send));
        results.add(guarded("duplicate", "sends a document again under the same DocumentId", this::duplicate));
        results.add(guarded("large-file", "takes a document with a " + (settings.largeFileBytes() >> 20) + " MiB file", this::largeFile));
        results.add(guarded("bad-signature", "is never handed a document whose signature does not verify", this::badSignature));
        results.add(guarded("offline-and-back", "gets what was sent while it was off line once it is back", this::offlineAndBack));
        return new ConformanceReport(agency.organId(), List.copyOf(results));
    }

    private CaseResult receive() throws Exception {
        String documentId = sendToAgency("Về việc kiểm thử kết nối: nhận văn bản", SampleFiles.pdf(64 * 1024, 1));
        Optional<String> state = awaitDelivered(documentId, settings.timeout());
        if (state.isEmpty()) {
            return CaseResult.fail("receive", "", "document " + documentId + " was " + deliveryState(documentId) + " after "
                    + seconds(settings.timeout()) + " s, not DELIVERED. A push system must accept it (agency.wsdl "
                    + "receiveDocument, or POST {endpoint}/documents answered 2xx); a pull system must fetch it "
                    + "(getPendingDocuments, getDocument) and report status 01.");
        }
        receivedDocumentId = documentId;
        return CaseResult.pass("receive", "", "document " + documentId + " DELIVERED in " + state.get());
    }

    private CaseResult status() throws Exception {
        if (receivedDocumentId == null) {
            return CaseResult.fail("status", "", "not run: the agency's system has not received a document (see receive).");
        }
        Optional<StatusEntry> status = await(settings.timeout(), () -> kit.history(receivedDocumentId).getStatus().stream()
                .filter(s -> s.getOrganId().equals(agency.organId()) && "01".equals(s.getStatusCode())).findFirst());
        if (status.isEmpty()) {
            Optional<StatusEntry> other = kit.history(receivedDocumentId).getStatus().stream()
                    .filter(s -> s.getOrganId().equals(agency.organId())).findFirst();
            return CaseResult.fail("status", "", "the agency's system received document " + receivedDocumentId
                    + (other.isPresent() ? " and reported " + other.get().getStatusCode() + " but not 01 (arrived)"
                            : " but reported no status") + " within " + seconds(settings.timeout()) + " s. It must report "
                    + "01 (arrived) when a document reaches it, then 03 (registered), 04 (assigned) and 06 (done) as the "
                    + "clerk works (updateStatus, or POST /api/v1/documents/{id}/statuses); the sender follows its document by them.");
        }
        return CaseResult.pass("status", "", "status " + status.get().getStatusCode() + " ("
                + status.get().getDescription() + ") reported for document " + receivedDocumentId);
    }

    private CaseResult send() throws Exception {
        Set<String> before = new HashSet<>(kit.pending());
        AgencyUnderTest.SendAnswer answer = agency.sendDocumentTo(kitOrganId);
        if (answer.refusalCode() != null) {
            return CaseResult.fail("send", "", "the hub refused the send at once with " + answer.refusalCode()
                    + " (the HubFault's code over SOAP, the Reason body's over REST; README, \"Refusals\"): "
                    + "correct what the code names and send again.");
        }
        Optional<Arrival> outcome = await(settings.timeout(), () -> {
            Optional<GetDocumentResponse> document = documentFromAgency(before);
            if (document.isPresent()) return Optional.of(new Arrival(document.get(), null));
            return refusalOf(answer.documentId()).map(refusal -> new Arrival(null, refusal));
        });
        if (outcome.isPresent() && outcome.get().refusal() != null) {
            return CaseResult.fail("send", "", "the hub refused document " + answer.documentId() + " from "
                    + agency.organId() + ": " + outcome.get().refusal() + ". Correct it and send again.");
        }
        Optional<GetDocumentResponse> arrived = outcome.map(Arrival::document);
        if (arrived.isEmpty()) {
            return CaseResult.fail("send", "", "no document from " + agency.organId() + " reached the kit ("
                    + kitOrganId + ") within " + seconds(settings.timeout()) + " s. Check the system's answer from "
                    + "sendDocument: a HubFault carries the reason code; a document the hub rejects later comes back as "
                    + "status 02 with its reasons (getStatusHistory).");
        }
        GetDocumentResponse document = arrived.get();
        lastSenderDocumentId = senderDocumentIdOf(document);
        kit.updateStatus(document.getDocumentId(), StatusMessage.of(kitOrganId, agency.organId(),
                lastSenderDocumentId, "01", "Bộ kiểm thử đã nhận", OffsetDateTime.now()));
        if (document.getAttachment().isEmpty()) {
            return CaseResult.fail("send", "", "document " + document.getDocumentId() + " arrived without files: a "
                    + "document carries its signed files, each listed in edXMLBody and sent as a part named by its ContentId.");
        }
        return CaseResult.pass("send", "", "document " + document.getDocumentId() + " (DocumentId "
                + lastSenderDocumentId + ") arrived with " + document.getAttachment().size() + " file(s)");
    }

    private CaseResult duplicate() throws Exception {
        if (lastSenderDocumentId == null) {
            return CaseResult.fail("duplicate", "", "not run: the agency's system has not sent a document (see send).");
        }
        Set<String> before = new HashSet<>(kit.pending());
        agency.resendLastDocument();
        Optional<GetDocumentResponse> second = awaitDocumentFromAgency(before, settings.offlineWindow());
        if (second.isPresent()) {
            return CaseResult.fail("duplicate", "", "the resend arrived as a second document (DocumentId "
                    + senderDocumentIdOf(second.get()) + ", the first was " + lastSenderDocumentId + "). A system "
                    + "must resend under the same DocumentId, so that the hub answers with the first document's id "
                    + "instead of delivering it twice.");
        }
        return CaseResult.pass("duplicate", "", "the resend of DocumentId " + lastSenderDocumentId
                + " was recognised: no second document reached the kit");
    }

    private CaseResult largeFile() throws Exception {
        byte[] large = SampleFiles.pdf((int) Math.min(settings.largeFileBytes(), Integer.MAX_VALUE - 8), 7);
        String documentId = sendToAgency("Về việc kiểm thử kết nối: tệp lớn", large);
        Optional<String> state = awaitDelivered(documentId, settings.timeout());
        if (state.isEmpty()) {
            return CaseResult.fail("large-file", "", "document " + documentId + " with a " + (large.length >> 20)
                    + " MiB file was " + deliveryState(documentId) + " after " + seconds(settings.timeout())
                    + " s. The system must stream files (MTOM, or multipart) and allow requests of this size.");
        }
        return CaseResult.pass("large-file", "", "document " + documentId + " with a " + (large.length >> 20)
                + " MiB file DELIVERED in " + state.get());
    }

    private CaseResult badSignature() throws Exception {
        byte[] envelope = DocumentMessage.from(kitOrganId).fromName("Bộ kiểm thử kết nối").to(agency.organId())
                .type(18, "Công văn").code("1", "KT-LT").subject("Về việc kiểm thử: chữ ký bị sửa sau khi ký")
                .toBytes();
        String signed = new String(EnvelopeSigner.sign(envelope, selfSigned()), StandardCharsets.UTF_8);
        byte[] tampered = signed.replace("chữ ký bị sửa sau khi ký", "chữ ký đã bị sửa").getBytes(StandardCharsets.UTF_8);
        String documentId = kit.send(tampered).getDocumentId();
        Optional<StatusEntry> refusal = await(settings.timeout(), () -> kit.history(documentId).getStatus().stream()
                .filter(s -> "02".equals(s.getStatusCode()))
                .filter(s -> s.getReason().stream().anyMatch(r -> SIGNATURE_REFUSALS.contains(r.getCode())))
                .findFirst());
        List<RecipientState> deliveries = kit.history(documentId).getRecipient();
        if (refusal.isEmpty() || deliveries.stream().anyMatch(d -> d.getOrganId().equals(agency.organId()))) {
            return CaseResult.fail("bad-signature", "", "document " + documentId + ", signed and then changed, was not "
                    + "refused with SIGNATURE_INVALID before reaching " + agency.organId() + ": check the hub's trust "
                    + "anchors (hub.trust.anchors) before going on.");
        }
        return CaseResult.pass("bad-signature", "", "document " + documentId + " refused by the hub ("
                + refusal.get().getReason().get(0).getCode() + "); nothing was delivered to " + agency.organId());
    }

    private CaseResult offlineAndBack() throws Exception {
        if (!agency.canGoOffline()) {
            return CaseResult.notApplicable("offline-and-back", "", "an agency on the e-mail channel is never off line "
                    + "for the hub: the city's mail server takes its letters, which wait in its mailbox.");
        }
        agency.goOffline();
        String documentId;
        try {
            documentId = sendToAgency("Về việc kiểm thử kết nối: gửi khi hệ thống ngừng", SampleFiles.pdf(16 * 1024, 3));
            if (awaitDelivered(documentId, settings.offlineWindow()).isPresent()) {
                return CaseResult.fail("offline-and-back", "", "document " + documentId + " was DELIVERED while the "
                        + "system was meant to be off line: take the system down for the whole window and run again.");
            }
        } finally {
            agency.comeBack();
        }
        Optional<String> state = awaitDelivered(documentId, settings.timeout());
        Optional<StatusEntry> status = state.isEmpty() ? Optional.empty() : awaitStatusFromAgency(documentId, settings.timeout());
        if (state.isEmpty() || status.isEmpty()) {
            return CaseResult.fail("offline-and-back", "", "document " + documentId + " sent while the system was off line "
                    + "was " + deliveryState(documentId) + (status.isEmpty() ? ", with no status from the agency," : "")
                    + " " + seconds(settings.timeout()) + " s after it came back. A system back on line must take what "
                    + "the hub retries (push) or fetch what is pending (pull), and report status 01.");
        }
        return CaseResult.pass("offline-and-back", "", "document " + documentId + " held while off line, DELIVERED "
                + state.get() + " after the system came back, status " + status.get().getStatusCode());
    }

    private String sendToAgency(String subject, byte[] pdf) throws Exception {
        DocumentMessage message = DocumentMessage.from(kitOrganId).fromName("Bộ kiểm thử kết nối").to(agency.organId())
                .type(18, "Công văn").code(Integer.toString(1 + (int) (Math.random() * 9000)), "KT-LT").subject(subject)
                .attachment("kiemthu", "Công văn kiểm thử.pdf", "application/pdf");
        return kit.send(message.toBytes(), HubClient.Part.bytes("kiemthu", "Công văn kiểm thử.pdf", "application/pdf", pdf))
                .getDocumentId();
    }

    private Optional<String> awaitDelivered(String documentId, Duration within) throws Exception {
        Instant start = Instant.now();
        return await(within, () -> "DELIVERED".equals(deliveryState(documentId))
                ? Optional.of(Duration.between(start, Instant.now()).toMillis() / 1000.0 + " s") : Optional.empty());
    }

    private String deliveryState(String documentId) throws Exception {
        GetStatusHistoryResponse history = kit.history(documentId);
        return history.getRecipient().stream().filter(r -> r.getOrganId().equals(agency.organId()))
                .map(RecipientState::getDeliveryState).findFirst()
                .orElse("not dispatched (document " + history.getDocumentState() + ")");
    }

    private Optional<StatusEntry> awaitStatusFromAgency(String documentId, Duration within) throws Exception {
        return await(within, () -> kit.history(documentId).getStatus().stream()
                .filter(s -> s.getOrganId().equals(agency.organId())).findFirst());
    }

    private Optional<GetDocumentResponse> awaitDocumentFromAgency(Set<String> before, Duration within) throws Exception {
        return await(within, () -> documentFromAgency(before));
    }

    private Optional<GetDocumentResponse> documentFromAgency(Set<String> before) throws Exception {
        for (String id : kit.pending()) {
            if (before.contains(id) || seenFromAgency.contains(id)) continue;
            GetDocumentResponse document = kit.fetch(id);
            if (agency.organId().equals(document.getSenderOrganId())) {
                seenFromAgency.add(id);
                return Optional.of(document);
            }
        }
        return Optional.empty();
    }

    /** A document sent to the kit, or the hub's refusal of it. */
    private record Arrival(GetDocumentResponse document, String refusal) {
    }

    /**
     * The hub's refusal of a document addressed to the kit (status 02 and its reasons, which a named recipient
     * may read), as soon as the hub has issued it; empty while it is on its way, or when the id is unknown.
     */
    private Optional<String> refusalOf(String documentId) throws Exception {
        if (documentId == null) return Optional.empty();
        GetStatusHistoryResponse history;
        try {
            history = kit.history(documentId);
        } catch (vn.gov.hanoi.lienthong.schemas.ws.edoc.HubFault fault) {
            // DOCUMENT_NOT_FOUND or NOT_A_PARTY: not a document to the kit, or a mistyped id; keep waiting for it.
            return Optional.empty();
        }
        if (!"REJECTED".equals(history.getDocumentState())) return Optional.empty();
        List<String> reasons = history.getStatus().stream().filter(s -> "02".equals(s.getStatusCode()))
                .flatMap(s -> s.getReason().stream()).map(r -> r.getCode() + " (" + r.getMessageEn() + ")").toList();
        return Optional.of(reasons.isEmpty() ? "REJECTED" : String.join("; ", reasons));
    }

    /** The edXML DocumentId the sender gave (MessageHeader/DocumentId of the envelope). */
    private static String senderDocumentIdOf(GetDocumentResponse document) throws java.io.IOException {
        String envelope;
        try (java.io.InputStream in = document.getEnvelope().getInputStream()) {
            envelope = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("<(?:[A-Za-z0-9]+:)?DocumentId>([^<]+)</").matcher(envelope);
        return matcher.find() ? matcher.group(1) : "(none)";
    }

    private static <T> Optional<T> await(Duration within, Callable<Optional<T>> probe) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            Optional<T> found = probe.call();
            if (found.isPresent() || Instant.now().isAfter(deadline)) return found;
            Thread.sleep(250);
        }
    }

    private static CaseResult guarded(String name, String purpose, Callable<CaseResult> run) {
        Instant start = Instant.now();
        try {
            CaseResult result = run.call();
            return new CaseResult(name, purpose, result.passed(), result.detail(), result.applicable(),
                    Duration.between(start, Instant.now()));
        } catch (Exception e) {
            return new CaseResult(name, purpose, false, "the case could not run: " + e, true, Duration.between(start, Instant.now()));
        }
    }

    private static long seconds(Duration duration) {
        return duration.toSeconds();
    }

    /** A key nobody trusts: the case only needs a signature the hub can check and find broken. */
    private static Credential selfSigned() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Bo kiem thu ket noi, O=Lien Thong");
        Date now = new Date();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.valueOf(UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE), now,
                new Date(now.getTime() + 86_400_000L), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        return new Credential(keys.getPrivate(), certificate, List.of(certificate));
    }
}
