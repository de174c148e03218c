package vn.gov.hanoi.lienthong.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import vn.gov.hanoi.lienthong.testkit.pki.TestPki;
import vn.gov.hanoi.lienthong.testkit.simulator.AgencySimulator;

/**
 * The outside world of a benchmark run, all in this JVM: the government PKI (its root the hub's only trust
 * anchor, its OCSP responder answering revocation checks), the sending agency's system and the push
 * recipient's system (SOAP simulators), the city's mail server (GreenMail) with the e-mail recipient's
 * mailbox and the hub's own; and the agency directory the hub is started with.
 */
final class BenchCity implements AutoCloseable {

    static final BenchAgency SENDER = new BenchAgency("000.00.12.H26", "so-noi-vu", "demo-noivu-2026");
    static final BenchAgency PUSH_RECIPIENT = new BenchAgency("000.00.15.H26", "so-tai-chinh", "demo-taichinh-2026");
    static final BenchAgency PULL_RECIPIENT = new BenchAgency("000.01.01.H26", "ubnd-ba-dinh", "demo-badinh-2026");
    static final BenchAgency MAIL_RECIPIENT = new BenchAgency("000.00.88.H26", "xa-thu-nghiem", null);
    static final String MAIL_RECIPIENT_MAILBOX = "xathunghiem@hanoi.gov.vn";
    static final String MAIL_RECIPIENT_LOGIN = "xathunghiem";
    static final String MAIL_RECIPIENT_PASSWORD = "hop-thu-xa-bench";
    static final String HUB_MAILBOX = "lienthong@hanoi.gov.vn";
    static final String HUB_MAIL_LOGIN = "lienthong";
    static final String HUB_MAIL_PASSWORD = "hop-thu-truc-bench";

    record BenchAgency(String organId, String username, String secret) {
    }

    final Path workDir;
    final TestPki pki = TestPki.start();
    final AgencySimulator senderSystem = AgencySimulator.start(HubProcess.freePort());
    final AgencySimulator pushRecipientSystem = AgencySimulator.start(HubProcess.freePort());
    final GreenMail mailServer = new GreenMail(new ServerSetup[] {
            new ServerSetup(HubProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(HubProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});

    BenchCity(Path workDir) throws IOException {
        this.workDir = workDir;
        Files.createDirectories(workDir);
        mailServer.start();
        mailServer.setUser(MAIL_RECIPIENT_MAILBOX, MAIL_RECIPIENT_LOGIN, MAIL_RECIPIENT_PASSWORD);
        mailServer.setUser(HUB_MAILBOX, HUB_MAIL_LOGIN, HUB_MAIL_PASSWORD);
    }

    /** The command-line arguments that point the hub at this city: directory, trust anchor, mail server. */
    List<String> hubArguments(boolean takeMail) throws IOException {
        Path trust = pki.writeRootPem(workDir.resolve("trust"), "bench-root-ca.pem");
        List<String> arguments = new ArrayList<>(List.of(
                "--hub.directory=file:" + writeDirectory().toAbsolutePath(),
                "--hub.trust.anchors=file:" + trust.getParent().toAbsolutePath() + "/*.pem",
                "--hub.mail.from=" + HUB_MAILBOX,
                "--hub.mail.smtp.host=127.0.0.1",
                "--hub.mail.smtp.port=" + mailServer.getSmtp().getPort()));
        if (takeMail) {
            arguments.addAll(List.of(
                    "--hub.mail.imap.enabled=true", "--hub.mail.imap.protocol=imap", "--hub.mail.imap.host=127.0.0.1",
                    "--hub.mail.imap.port=" + mailServer.getImap().getPort(),
                    "--hub.mail.imap.username=" + HUB_MAIL_LOGIN, "--hub.mail.imap.password=" + HUB_MAIL_PASSWORD,
                    "--hub.mail.imap.poll-interval=200ms"));
        }
        return arguments;
    }

    /** The demo directory, with the two SOAP agencies pointed at this city's simulators and one e-mail agency more. */
    private Path writeDirectory() throws IOException {
        try (InputStream in = BenchCity.class.getClassLoader().getResourceAsStream("agencies.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("http://localhost:9101/agency", senderSystem.address())
                    .replace("http://localhost:9102/agency", pushRecipientSystem.address())
                    + """
                      - organId: %s
                        name: Ủy ban nhân dân xã Thử Nghiệm
                        mailbox: %s
                        channel: email
                        username: %s
                        secretHash: $2a$10$6hNkmt8C9r.bF632NF1vnOubA372/.An4AUwVzUlVFUffHBKoO3c.
                    """.formatted(MAIL_RECIPIENT.organId(), MAIL_RECIPIENT_MAILBOX, MAIL_RECIPIENT.username());
            Path file = workDir.resolve("agencies.yaml");
            Files.writeString(file, yaml);
            return file;
        }
    }

    @Override
    public void close() {
        senderSystem.close();
        pushRecipientSystem.close();
        mailServer.stop();
        pki.close();
    }
}
