package vn.gov.hanoi.lienthong.hub;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.conformance.ConformanceKit;
import vn.gov.hanoi.lienthong.testkit.conformance.ConformanceReport;
import vn.gov.hanoi.lienthong.testkit.conformance.SimulatedAgency;
import vn.gov.hanoi.lienthong.testkit.simulator.MailboxAgencySimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_NOI_VU;
import static vn.gov.hanoi.lienthong.hub.DemoAgencies.SO_TAI_CHINH;

/** The connector conformance kit passes against the test kit's own simulators and fails readably against a broken one. */
class ConformanceKitTest extends HubIntegrationTest {

    private static final Logger LOG = LoggerFactory.getLogger(ConformanceKitTest.class);
    private static final ConformanceKit.Settings QUICK = new ConformanceKit.Settings(Duration.ofSeconds(10),
            5L * 1024 * 1024, Duration.ofSeconds(2));

    @AfterEach
    void restoreSimulators() {
        SO_TAI_CHINH_SYSTEM.onFirstReceipt(document -> { });
        SO_TAI_CHINH_SYSTEM.setAvailable(true);
        SO_TTTT_REST_SYSTEM.onFirstReceipt(document -> { });
        SO_TTTT_REST_SYSTEM.setAvailable(true);
    }

    @Test
    void aConformingSoapSystemPassesEveryCase() {
        ConformanceReport report = kit(SimulatedAgency.soap(SO_TAI_CHINH.organId, SO_TAI_CHINH_SYSTEM, client(SO_TAI_CHINH))).run();
        LOG.info("\n{}", report.render());
        assertThat(report.cases()).extracting(c -> c.name()).containsExactly("receive", "status", "send", "duplicate",
                "large-file", "bad-signature", "offline-and-back");
        assertThat(report.passed()).as(report.render()).isTrue();
    }

    @Test
    void aConformingRestSystemPassesEveryCase() {
        HubClient restAgency = new HubClient(serviceUrl(), "so-tttt", SO_NOI_VU.secret);
        ConformanceReport report = kit(SimulatedAgency.rest(TestHub.REST_ORGAN_ID, SO_TTTT_REST_SYSTEM, restAgency)).run();
        LOG.info("\n{}", report.render());
        assertThat(report.passed()).as(report.render()).isTrue();
    }

    @Test
    void anAgencyOnTheEmailChannelPassesWhatAppliesToIt() {
        try (MailboxAgencySimulator mailbox = MailboxAgencySimulator.start(TestHub.MAIL_ORGAN_MAILBOX, "127.0.0.1",
                MAIL_SERVER.getImap().getPort(), MAIL_ORGAN_LOGIN, MAIL_ORGAN_PASSWORD, "127.0.0.1", MAIL_SERVER.getSmtp().getPort())) {
            ConformanceReport report = kit(SimulatedAgency.mailbox(TestHub.MAIL_ORGAN_ID, mailbox, HUB_MAILBOX, "127.0.0.1",
                    MAIL_SERVER.getSmtp().getPort())).run();
            LOG.info("\n{}", report.render());
            assertThat(report.passed()).as(report.render()).isTrue();
            assertThat(report.result("offline-and-back").applicable()).isFalse();
            assertThat(report.result("status").detail()).contains("status 01");
            assertThat(report.render()).contains("N/A   offline-and-back");
        }
    }

    @Test
    void aSystemThatLosesStatusesFailsWithAReasonAnEngineerCanActOn() {
        ConformanceReport report = kit(SimulatedAgency.losingStatuses(SO_TAI_CHINH.organId, SO_TAI_CHINH_SYSTEM,
                client(SO_TAI_CHINH))).run();
        LOG.info("\n{}", report.render());
        assertThat(report.passed()).isFalse();
        assertThat(report.result("receive").passed()).isTrue();
        assertThat(report.result("status").passed()).isFalse();
        assertThat(report.result("status").detail()).contains("reported no status", "must report 01 (arrived)");
        assertThat(report.result("offline-and-back").passed()).isFalse();
        assertThat(report.render()).contains("FAIL  status", "cases failed: fix them and run the kit again");
    }

    @Test
    void aSendTheHubRefusesIsReportedAsSoonAsTheHubIssuesTheRefusal() {
        // A system signing with a certificate under a root the hub does not trust: refused at inspection.
        SimulatedAgency untrusted = SimulatedAgency.soap(SO_TAI_CHINH.organId, SO_TAI_CHINH_SYSTEM, client(SO_TAI_CHINH))
                .signingWith(PKI.untrustedSigner());
        Duration patient = Duration.ofSeconds(120);
        ConformanceReport report = new ConformanceKit(new HubClient(serviceUrl(), "bo-kiem-thu", "demo-kiemthu-2026"),
                TestHub.KIT_ORGAN_ID, untrusted, new ConformanceKit.Settings(patient, 1024 * 1024, Duration.ofSeconds(2))).run();
        LOG.info("\n{}", report.render());
        assertThat(report.result("send").passed()).isFalse();
        assertThat(report.result("send").detail()).contains("the hub refused document", "CERTIFICATE_UNTRUSTED");
        assertThat(report.result("send").took()).as("reported within seconds, not after the kit's %s", patient)
                .isLessThan(Duration.ofSeconds(15));
        assertThat(report.render()).contains("FAIL  send");
    }

    @Test
    void aSendRefusedAtTheDoorIsReportedWithItsCode() {
        // A system whose secret is another agency's name for it: every call refused at once.
        SimulatedAgency impostor = SimulatedAgency.soap(SO_TAI_CHINH.organId, SO_TAI_CHINH_SYSTEM, client(SO_NOI_VU));
        ConformanceReport report = kit(impostor).run();
        assertThat(report.result("send").passed()).isFalse();
        assertThat(report.result("send").detail()).contains("refused the send at once with SENDER_MISMATCH");
        assertThat(report.result("send").took()).isLessThan(Duration.ofSeconds(5));
    }

    private ConformanceKit kit(SimulatedAgency agency) {
        return new ConformanceKit(new HubClient(serviceUrl(), "bo-kiem-thu", "demo-kiemthu-2026"), TestHub.KIT_ORGAN_ID,
                agency, QUICK);
    }
}
