package vn.gov.hanoi.lienthong.testkit.cli;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetDocumentResponse;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.GetStatusHistoryResponse;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.HubFault;
import vn.gov.hanoi.lienthong.schemas.ws.edoc.SendDocumentResponse;
import vn.gov.hanoi.lienthong.schemas.ws.types.AttachmentPart;
import vn.gov.hanoi.lienthong.schemas.ws.types.RecipientState;
import vn.gov.hanoi.lienthong.schemas.ws.types.StatusEntry;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;
import vn.gov.hanoi.lienthong.testkit.pki.AdesSigner;
import vn.gov.hanoi.lienthong.testkit.pki.Credential;
import vn.gov.hanoi.lienthong.testkit.pki.DemoPki;
import vn.gov.hanoi.lienthong.testkit.pki.EnvelopeSigner;
import vn.gov.hanoi.lienthong.testkit.simulator.AgencySimulator;

/** A command-line agency system: send, list pending, fetch, report a status, read a history; or simulate a push agency. */
@Command(name = "lienthong-client", mixinStandardHelpOptions = true,
        description = "Talks to a Liên Thông hub as one agency's document system would.",
        subcommands = {LienThongClient.Send.class, LienThongClient.Pending.class, LienThongClient.Fetch.class,
                LienThongClient.Status.class, LienThongClient.History.class, LienThongClient.Simulate.class,
                LienThongClient.Conformance.class, LienThongClient.HashSecret.class,
                LienThongClient.DemoSigner.class, LienThongClient.SamplePdf.class})
public class LienThongClient {

    @Option(names = "--hub", defaultValue = "http://localhost:8080/ws/edoc", description = "The hub's SOAP service (default: ${DEFAULT-VALUE}).")
    String hub;

    @Option(names = "--user", description = "Your system's name in the hub's directory.")
    String user;

    @Option(names = "--secret", description = "Your system's secret.")
    String secret;

    HubClient client() {
        if (user == null || secret == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--user and --secret are required");
        }
        return new HubClient(hub, user, secret);
    }

    /**
     * Every command prints through picocli's writers, not {@code System.out}: a caller that runs the client in its
     * own process (a test beside a running hub) gives it writers of its own and reads back exactly what the
     * command printed, never another thread's log line.
     */
    abstract static class ClientCommand implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        java.io.PrintWriter out() {
            return spec.commandLine().getOut();
        }

        java.io.PrintWriter err() {
            return spec.commandLine().getErr();
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LienThongClient())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof HubFault fault && fault.getFaultInfo() != null) {
                        cmd.getErr().println("Refused: " + fault.getFaultInfo().getCode());
                        cmd.getErr().println("  " + fault.getFaultInfo().getMessageVi());
                        cmd.getErr().println("  " + fault.getFaultInfo().getMessageEn());
                    } else {
                        cmd.getErr().println("Failed: " + e.getMessage());
                    }
                    return 2;
                })
                .execute(args));
    }

    @Command(name = "send", description = "Send a document with its files.")
    static class Send extends ClientCommand {
        @CommandLine.ParentCommand LienThongClient parent;
        @Option(names = "--from", required = true, description = "Your organ code, e.g. 000.00.12.H26.") String from;
        @Option(names = "--to", required = true, description = "A recipient's organ code (repeat for several).") List<String> to;
        @Option(names = "--subject", defaultValue = "Về việc thử nghiệm trục liên thông văn bản") String subject;
        @Option(names = "--from-name", description = "Your agency's name (default: 'Cơ quan <organ code>').") String fromName;
        @Option(names = "--type", defaultValue = "18", description = "Type number in config/policy.yaml (default: 18, Công văn).") int type;
        @Option(names = "--type-name", defaultValue = "Công văn") String typeName;
        @Option(names = "--number", defaultValue = "1") String number;
        @Option(names = "--notation", defaultValue = "UBND-VP", description = "e.g. QĐ-UBND; begins with the type's abbreviation where it has one.") String notation;
        @Option(names = "--document-id", description = "Your own id of the document (default: a new UUID).") String documentId;
        @Parameters(description = "Files to attach (.pdf, .docx, .odt…).") List<File> files = new ArrayList<>();
        @CommandLine.ArgGroup(exclusive = true) Signing signing;

        static class Signing {
            @Option(names = "--sign-demo", required = true, description = "Sign the envelope (XML-DSig) and every PDF "
                    + "(PAdES) with the embedded demo's signer (config/demo-pki: no legal value).") boolean demo;
            @Option(names = "--sign-with", required = true, description = "Sign with the key in this PKCS#12 file "
                    + "(password from LIENTHONG_SIGNING_PASSWORD).") File keyStore;
        }

        @Override
        public Integer call() throws Exception {
            Credential signer = signing == null ? null
                    : signing.demo ? DemoPki.signer() : credentialFrom(signing.keyStore);
            DocumentMessage message = DocumentMessage.from(from).to(to.toArray(String[]::new)).subject(subject)
                    .type(type, typeName).code(number, notation);
            if (fromName != null) message.fromName(fromName);
            if (documentId != null) message.documentId(documentId);
            List<HubClient.Part> parts = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                File file = files.get(i);
                String contentType = Files.probeContentType(file.toPath());
                message.attachment("file-" + (i + 1), file.getName(), contentType);
                if (signer != null && file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
                    parts.add(HubClient.Part.bytes("file-" + (i + 1), file.getName(), contentType,
                            AdesSigner.padesSign(Files.readAllBytes(file.toPath()), signer)));
                } else {
                    parts.add(HubClient.Part.file("file-" + (i + 1), file.getName(), contentType, file));
                }
            }
            byte[] envelope = signer == null ? message.toBytes() : EnvelopeSigner.sign(message.toBytes(), signer);
            SendDocumentResponse response = parent.client().send(envelope, parts.toArray(HubClient.Part[]::new));
            if (signer != null) {
                out().println("Signed by " + signer.certificate().getSubjectX500Principal().getName());
            }
            out().println((response.isDuplicate() ? "Already sent: " : "Sent: ") + response.getDocumentId());
            out().println("  your document id: " + message.documentId());
            return 0;
        }
    }

    static Credential credentialFrom(File keyStore) throws Exception {
        String password = System.getenv("LIENTHONG_SIGNING_PASSWORD");
        if (password == null) {
            throw new IllegalArgumentException("set LIENTHONG_SIGNING_PASSWORD to the password of " + keyStore);
        }
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore.toPath())) {
            store.load(in, password.toCharArray());
        }
        String alias = java.util.Collections.list(store.aliases()).stream().filter(a -> {
            try {
                return store.isKeyEntry(a);
            } catch (java.security.KeyStoreException e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new IllegalArgumentException(keyStore + " holds no private key"));
        java.security.cert.Certificate[] chain = store.getCertificateChain(alias);
        List<java.security.cert.X509Certificate> above = new ArrayList<>();
        for (int i = 1; i < chain.length; i++) {
            java.security.cert.X509Certificate certificate = (java.security.cert.X509Certificate) chain[i];
            if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) above.add(certificate);
        }
        return new Credential((java.security.PrivateKey) store.getKey(alias, password.toCharArray()),
                (java.security.cert.X509Certificate) chain[0], above);
    }

    @Command(name = "demo-signer", description = "Write the embedded demo's signer (PKCS#12, password "
            + DemoPki.SIGNER_PASSWORD + ") for your own system to sign test documents with. No legal value: the "
            + "embedded hub trusts it; a production hub never does.")
    static class DemoSigner extends ClientCommand {
        @Option(names = "--out", defaultValue = "lienthong-demo-signer.p12") Path out;

        @Override
        public Integer call() throws Exception {
            try (InputStream in = DemoPki.class.getClassLoader().getResourceAsStream(DemoPki.SIGNER_RESOURCE)) {
                Files.copy(in, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            out().println("Demo signer written to " + out + " (PKCS#12, password " + DemoPki.SIGNER_PASSWORD + ")");
            out().println("  " + DemoPki.signer().certificate().getSubjectX500Principal().getName());
            return 0;
        }
    }

    @Command(name = "sample-pdf", description = "Write a one-page PDF to send when trying the hub out.")
    static class SamplePdf extends ClientCommand {
        @Parameters(index = "0", defaultValue = "cong-van-thu-nghiem.pdf") Path out;

        @Override
        public Integer call() throws Exception {
            Files.write(out, vn.gov.hanoi.lienthong.testkit.files.SampleFiles.scannedLetterPdf(
                    "UY BAN NHAN DAN THANH PHO HA NOI", "Cong van thu nghiem truc lien thong van ban",
                    "(van ban mau cua bo cong cu, khong co gia tri phap ly)"));
            out().println("Sample PDF written to " + out);
            return 0;
        }
    }

    @Command(name = "pending", description = "List the documents waiting for you (pull mode).")
    static class Pending extends ClientCommand {
        @CommandLine.ParentCommand LienThongClient parent;

        @Override
        public Integer call() throws Exception {
            List<String> pending = parent.client().pending();
            pending.forEach(out()::println);
            err().println(pending.size() + " document(s) pending");
            return 0;
        }
    }

    @Command(name = "fetch", description = "Fetch a document: its envelope and files go to a folder.")
    static class Fetch extends ClientCommand {
        @CommandLine.ParentCommand LienThongClient parent;
        @Parameters(index = "0", description = "The hub's document id.") String documentId;
        @Option(names = "--out", defaultValue = ".", description = "Folder to write into (default: current).") Path out;

        @Override
        public Integer call() throws Exception {
            GetDocumentResponse document = parent.client().fetch(documentId);
            Path folder = Files.createDirectories(out.resolve(documentId));
            try (InputStream in = document.getEnvelope().getInputStream()) {
                Files.copy(in, folder.resolve("edxml.xml"));
            }
            for (AttachmentPart part : document.getAttachment()) {
                try (InputStream in = part.getData().getInputStream()) {
                    Files.copy(in, folder.resolve(Path.of(part.getAttachmentName()).getFileName()));
                }
                out().println(part.getAttachmentName() + "  sha256=" + part.getSha256());
            }
            out().println("From " + document.getSenderOrganId() + ", written to " + folder);
            return 0;
        }
    }

    @Command(name = "status", description = "Report what became of a document you received (01 arrived, 03 registered, 04 assigned, 05 in progress, 06 done).")
    static class Status extends ClientCommand {
        @CommandLine.ParentCommand LienThongClient parent;
        @Parameters(index = "0", description = "The hub's document id.") String documentId;
        @Option(names = "--as", required = true, description = "Your organ code.") String organId;
        @Option(names = "--code", required = true) String code;
        @Option(names = "--description") String description;

        @Override
        public Integer call() throws Exception {
            HubClient client = parent.client();
            GetStatusHistoryResponse history = client.history(documentId);
            boolean recorded = client.updateStatus(documentId, StatusMessage.of(organId, history.getSenderOrganId(),
                    history.getSenderDocumentId(), code, description, OffsetDateTime.now()));
            out().println(recorded ? "Status recorded" : "The hub already had this status");
            return 0;
        }
    }

    @Command(name = "history", description = "Show a document's deliveries and statuses.")
    static class History extends ClientCommand {
        @CommandLine.ParentCommand LienThongClient parent;
        @Parameters(index = "0") String documentId;

        @Override
        public Integer call() throws Exception {
            GetStatusHistoryResponse history = parent.client().history(documentId);
            out().println("Document " + history.getDocumentId() + " from " + history.getSenderOrganId() + ": "
                    + history.getDocumentState());
            for (RecipientState recipient : history.getRecipient()) {
                out().println("  to " + recipient.getOrganId() + " (" + recipient.getChannel() + "): "
                        + recipient.getDeliveryState() + " — " + recipient.getPurpose() + ", "
                        + recipient.getPaperRequirement() + " (Article " + recipient.getArticle() + ")"
                        + (recipient.getNote() == null ? "" : ", " + recipient.getNote()));
            }
            for (StatusEntry status : history.getStatus()) {
                out().println("  " + status.getTimestamp() + "  " + status.getOrganId() + "  " + status.getStatusCode()
                        + (status.getDescription() == null ? "" : "  " + status.getDescription()));
                status.getReason().forEach(r -> out().println("      " + r.getCode() + ": " + r.getMessageEn()));
            }
            return 0;
        }
    }

    @Command(name = "simulate", description = "Run a push agency's service (agency.wsdl) that prints what it receives.")
    static class Simulate extends ClientCommand {
        @Option(names = "--port", required = true, description = "e.g. 9102 for the demo Sở Tài chính.") int port;

        @Override
        public Integer call() throws Exception {
            try (AgencySimulator simulator = AgencySimulator.start(port)) {
                out().println("Simulated agency service at " + simulator.address() + " (Ctrl-C to stop)");
                int seenDocuments = 0;
                int seenStatuses = 0;
                while (true) {
                    var documents = simulator.documents();
                    if (documents.size() != seenDocuments) {
                        seenDocuments = documents.size();
                        out().println("Documents received: " + documents.keySet());
                    }
                    var statuses = simulator.statuses();
                    for (int i = seenStatuses; i < statuses.size(); i++) {
                        out().println("Status: " + statuses.get(i));
                    }
                    seenStatuses = statuses.size();
                    Thread.sleep(500);
                }
            }
        }
    }

    @Command(name = "conformance", description = "Runs the connector conformance suite against an agency's system, "
            + "as the kit's own agency (--user/--secret are the kit's credentials in the directory).")
    static class Conformance extends ClientCommand {
        @CommandLine.ParentCommand
        LienThongClient parent;

        @Option(names = "--kit-organ", required = true, description = "The kit's organ code in the hub's directory.")
        String kitOrganId;

        @Option(names = "--agency", required = true, description = "The organ code of the agency under test.")
        String agencyOrganId;

        @Option(names = "--timeout", defaultValue = "PT2M", description = "How long to wait for each step (default: ${DEFAULT-VALUE}).")
        java.time.Duration timeout;

        @Option(names = "--large-file-mib", defaultValue = "25", description = "The large file's size (default: ${DEFAULT-VALUE} MiB).")
        long largeFileMib;

        @Override
        public Integer call() {
            vn.gov.hanoi.lienthong.testkit.conformance.ConformanceReport report =
                    new vn.gov.hanoi.lienthong.testkit.conformance.ConformanceKit(parent.client(), kitOrganId,
                            new vn.gov.hanoi.lienthong.testkit.conformance.ConsoleAgency(agencyOrganId,
                                    new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                                            java.nio.charset.StandardCharsets.UTF_8)), out()),
                            new vn.gov.hanoi.lienthong.testkit.conformance.ConformanceKit.Settings(timeout,
                                    largeFileMib * 1024 * 1024, java.time.Duration.ofSeconds(30))).run();
            out().println();
            out().print(report.render());
            out().flush();
            return report.passed() ? 0 : 1;
        }
    }

    @Command(name = "hash-secret", description = "Print the bcrypt hash of a secret, for the directory's secretHash "
            + "(agencies.yaml) or a person's (users.yaml). The secret is read from the console without echo, or "
            + "from standard input.")
    static class HashSecret extends ClientCommand {
        @Override
        public Integer call() throws Exception {
            char[] secret = readSecret();
            if (secret == null || secret.length == 0) {
                err().println("No secret given.");
                return 2;
            }
            out().println(BcryptHash.of(secret));
            java.util.Arrays.fill(secret, '\0');
            return 0;
        }

        private static char[] readSecret() throws java.io.IOException {
            java.io.Console console = System.console();
            if (console != null) {
                return console.readPassword("Secret: ");
            }
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                    java.nio.charset.StandardCharsets.UTF_8)).readLine();
            return line == null ? null : line.toCharArray();
        }
    }
}
