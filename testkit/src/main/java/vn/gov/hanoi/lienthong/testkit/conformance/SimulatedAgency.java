package vn.gov.hanoi.lienthong.testkit.conformance;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.gov.hanoi.lienthong.schemas.ws.edoc.HubFault;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;
import vn.gov.hanoi.lienthong.testkit.files.SampleFiles;
import vn.gov.hanoi.lienthong.testkit.mail.OfficialMail;
import vn.gov.hanoi.lienthong.testkit.pki.AdesSigner;
import vn.gov.hanoi.lienthong.testkit.pki.Credential;
import vn.gov.hanoi.lienthong.testkit.pki.DemoPki;
import vn.gov.hanoi.lienthong.testkit.pki.EnvelopeSigner;
import vn.gov.hanoi.lienthong.testkit.simulator.AgencySimulator;
import vn.gov.hanoi.lienthong.testkit.simulator.MailboxAgencySimulator;
import vn.gov.hanoi.lienthong.testkit.simulator.ReceivedDocument;
import vn.gov.hanoi.lienthong.testkit.simulator.RestAgencySimulator;

/**
 * A simulated agency system for the kit: one of the test kit's push simulators (SOAP or REST) for what the hub
 * hands over, and the agency's own hub client for what it sends and reports. A conforming system reports 01
 * when a document arrives; {@link #losingStatuses} builds one that never does, to show how the kit fails.
 */
public final class SimulatedAgency implements AgencyUnderTest {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedAgency.class);
    private static final Pattern DOCUMENT_ID = Pattern.compile("<(?:[A-Za-z0-9]+:)?DocumentId>([^<]+)</");

    private final String organId;
    private final HubClient client;
    private final Consumer<Boolean> availability;
    private final MailboxAgencySimulator mailbox;
    private final String hubMailbox;
    private final String smtpHost;
    private final int smtpPort;
    private String lastMessageId;
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
    private byte[] lastEnvelope;
    private byte[] lastFile;
    private Credential signer = DemoPki.signer();

    private SimulatedAgency(String organId, HubClient client, Consumer<Boolean> availability) {
        this(organId, client, availability, null, null, null, 0);
    }

    private SimulatedAgency(String organId, HubClient client, Consumer<Boolean> availability, MailboxAgencySimulator mailbox,
                            String hubMailbox, String smtpHost, int smtpPort) {
        this.organId = organId;
        this.client = client;
        this.availability = availability;
        this.mailbox = mailbox;
        this.hubMailbox = hubMailbox;
        this.smtpHost = smtpHost;
        this.smtpPort = smtpPort;
    }

    /**
     * An agency without a document system (channel email): its clerk reads the letters in the official mailbox,
     * answers each with "Trạng thái: 01", and mails scanned letters to the hub's mailbox.
     */
    public static SimulatedAgency mailbox(String organId, MailboxAgencySimulator mailbox, String hubMailbox,
                                          String smtpHost, int smtpPort) {
        SimulatedAgency agency = new SimulatedAgency(organId, null, mailbox::setReading, mailbox, hubMailbox, smtpHost, smtpPort);
        mailbox.onFirstReceipt(document -> agency.reporter.schedule(() -> {
            try {
                mailbox.replyWithStatus(document.documentId(), "01", "Văn thư đã nhận");
            } catch (Exception e) {
                LOG.warn("Simulated {} could not answer the letter of {}: {}", organId, document.documentId(), e.toString());
            }
        }, 100, TimeUnit.MILLISECONDS));
        return agency;
    }

    @Override
    public boolean canGoOffline() {
        return mailbox == null;
    }

    public static SimulatedAgency soap(String organId, AgencySimulator system, HubClient client) {
        SimulatedAgency agency = new SimulatedAgency(organId, client, system::setAvailable);
        system.onFirstReceipt(agency::reportArrival);
        return agency;
    }

    public static SimulatedAgency rest(String organId, RestAgencySimulator system, HubClient client) {
        SimulatedAgency agency = new SimulatedAgency(organId, client, system::setAvailable);
        system.onFirstReceipt(agency::reportArrival);
        return agency;
    }

    /** A system that takes documents but never reports a status on them: the broken case of the kit's tests. */
    public static SimulatedAgency losingStatuses(String organId, AgencySimulator system, HubClient client) {
        SimulatedAgency agency = new SimulatedAgency(organId, client, system::setAvailable);
        system.onFirstReceipt(document -> LOG.info("Simulated {} took document {} and reports nothing", organId,
                document.documentId()));
        return agency;
    }

    @Override
    public String organId() {
        return organId;
    }

    /** Reports 01 after the push call has returned, as a system does once the document is stored. */
    private void reportArrival(ReceivedDocument document) {
        reporter.schedule(() -> {
            try {
                Matcher id = DOCUMENT_ID.matcher(new String(document.envelope(), StandardCharsets.UTF_8));
                client.updateStatus(document.documentId(), StatusMessage.of(organId, document.senderOrganId(),
                        id.find() ? id.group(1) : "", "01", "Đã đến hệ thống", OffsetDateTime.now()));
            } catch (Exception e) {
                LOG.warn("Simulated {} could not report status 01 on {}: {}", organId, document.documentId(), e.toString());
            }
        }, 100, TimeUnit.MILLISECONDS);
    }

    /**
     * Signs what it sends with this credential (the envelope and the PDF) instead of the embedded demo's signer;
     * a signer the hub does not trust makes the system whose documents the hub refuses.
     */
    public SimulatedAgency signingWith(Credential credential) {
        this.signer = credential;
        return this;
    }

    @Override
    public SendAnswer sendDocumentTo(String recipientOrganId) throws Exception {
        if (mailbox != null) {
            lastMessageId = "<" + java.util.UUID.randomUUID() + "@" + mailbox.address().substring(mailbox.address().indexOf('@') + 1) + ">";
            lastEnvelope = ("Số, ký hiệu: 5/UBND-VP\nNơi nhận: " + recipientOrganId + "\n").getBytes(StandardCharsets.UTF_8);
            lastFile = SampleFiles.pdf(32 * 1024, 5);
            return resend();
        }
        lastEnvelope = EnvelopeSigner.sign(DocumentMessage.from(organId).fromName("Cơ quan " + organId).to(recipientOrganId)
                .type(18, "Công văn").code("5", "KT-HT").subject("Về việc kiểm thử gửi văn bản qua trục liên thông")
                .attachment("cv5", "Công văn 5.pdf", "application/pdf").toBytes(), signer);
        lastFile = AdesSigner.padesSign(SampleFiles.scannedLetterPdf("CONG VAN SO 5/KT-HT",
                "Ve viec kiem thu gui van ban qua truc lien thong"), signer);
        return resend();
    }

    @Override
    public void resendLastDocument() throws Exception {
        resend();
    }

    /** A mail's fate is not known to its sender; a system's send is answered with an id or a HubFault. */
    private SendAnswer resend() throws Exception {
        if (mailbox != null) {
            OfficialMail.from(mailbox.address()).to(hubMailbox).messageId(lastMessageId)
                    .subject("Về việc kiểm thử gửi văn bản qua hộp thư công vụ")
                    .text(new String(lastEnvelope, StandardCharsets.UTF_8))
                    .file("cong-van-5.pdf", "application/pdf", lastFile)
                    .send(smtpHost, smtpPort);
            return SendAnswer.unknown();
        }
        try {
            return SendAnswer.accepted(client.send(lastEnvelope,
                    HubClient.Part.bytes("cv5", "Công văn 5.pdf", "application/pdf", lastFile)).getDocumentId());
        } catch (HubFault fault) {
            return SendAnswer.refused(fault.getFaultInfo() == null ? "HubFault" : fault.getFaultInfo().getCode());
        }
    }

    @Override
    public void goOffline() {
        availability.accept(false);
    }

    @Override
    public void comeBack() {
        availability.accept(true);
    }
}
