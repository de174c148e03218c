package vn.gov.hanoi.lienthong.testkit.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/** The agency's side played by the engineer at its system: the kit says what to do and waits for Enter. */
public final class ConsoleAgency implements AgencyUnderTest {

    private final String organId;
    private final BufferedReader in;
    private final PrintWriter out;

    public ConsoleAgency(String organId, BufferedReader in, PrintWriter out) {
        this.organId = organId;
        this.in = in;
        this.out = out;
    }

    @Override
    public String organId() {
        return organId;
    }

    private void ask(String instruction) throws IOException {
        out.println();
        out.println(">>> " + instruction);
        out.print(">>> Press Enter when done. ");
        out.flush();
        in.readLine();
    }

    @Override
    public SendAnswer sendDocumentTo(String recipientOrganId) throws IOException {
        out.println();
        out.println(">>> From your system, send a document with at least one signed file to " + recipientOrganId
                + " (the conformance kit). On the embedded demo hub, sign with the demo signer (no legal value): "
                + "'lienthong-client demo-signer' writes its key store, or 'lienthong-client send --sign-demo' sends "
                + "one for you.");
        out.print(">>> Then type what the hub answered — its document id, or the reason code if it refused the "
                + "send — or just press Enter: ");
        out.flush();
        return SendAnswer.parse(in.readLine());
    }

    @Override
    public void resendLastDocument() throws IOException {
        ask("Send that same document again (your system's 'resend'), keeping its DocumentId.");
    }

    @Override
    public void goOffline() throws IOException {
        ask("Take your system off line: stop its receiving service (push) or its polling (pull).");
    }

    @Override
    public void comeBack() throws IOException {
        ask("Bring your system back on line.");
    }
}
