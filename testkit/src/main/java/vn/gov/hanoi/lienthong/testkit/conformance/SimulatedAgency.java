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

import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;
import vn.gov.hanoi.lienthong.testkit.files.SampleFiles;
import vn.gov.hanoi.lienthong.testkit.simulator.AgencySimulator;
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
    private final ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor();
    private byte[] lastEnvelope;
    private byte[] lastFile;

    private SimulatedAgency(String organId, HubClient client, Consumer<Boolean> availability) {
        this.organId = organId;
        this.client = client;
        this.availability = availability;
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

    @Override
    public void sendDocumentTo(String recipientOrganId) throws Exception {
        lastEnvelope = DocumentMessage.from(organId).fromName("Cơ quan " + organId).to(recipientOrganId)
                .type(18, "Công văn").code("5", "KT-HT").subject("Về việc kiểm thử gửi văn bản qua trục liên thông")
                .attachment("cv5", "Công văn 5.pdf", "application/pdf").toBytes();
        lastFile = SampleFiles.pdf(32 * 1024, 5);
        resendLastDocument();
    }

    @Override
    public void resendLastDocument() throws Exception {
        client.send(lastEnvelope, HubClient.Part.bytes("cv5", "Công văn 5.pdf", "application/pdf", lastFile));
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
