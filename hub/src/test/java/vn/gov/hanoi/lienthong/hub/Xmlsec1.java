package vn.gov.hanoi.lienthong.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

import vn.gov.hanoi.lienthong.testkit.pki.Credential;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The xmlsec1 command-line tool (libxmlsec1, an XML-DSig implementation independent of the hub's), for
 * interoperability tests. `.ci/run` installs it and sets LIENTHONG_REQUIRE_XMLSEC1, so that CI fails
 * rather than skips when it is missing; elsewhere the tests are skipped with a message.
 */
final class Xmlsec1 {

    record Result(int exitCode, String output) {
    }

    private Xmlsec1() {
    }

    static void require() {
        boolean present;
        try {
            present = run(List.of("--version")).exitCode() == 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present && System.getenv("LIENTHONG_REQUIRE_XMLSEC1") != null) {
            throw new IllegalStateException("xmlsec1 is required here (LIENTHONG_REQUIRE_XMLSEC1) but not installed");
        }
        assumeTrue(present, "xmlsec1 is not installed (apt-get install xmlsec1): interoperability not checked");
    }

    /** Signs an edXML envelope with xmlsec1: a signature template is placed in edXMLHeader and filled by the tool. */
    static byte[] signEnvelope(byte[] envelope, Credential credential, Path work) throws IOException {
        String template = """
                <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo>\
                <ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>\
                <ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>\
                <ds:Reference URI=""><ds:Transforms>\
                <ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>\
                <ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms>\
                <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference>\
                </ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data/></ds:KeyInfo></ds:Signature>""";
        String withTemplate = new String(envelope, StandardCharsets.UTF_8)
                .replaceFirst("(</(?:\\w+:)?edXMLHeader>)", Matcher.quoteReplacement(template) + "$1");
        Files.createDirectories(work);
        Path in = work.resolve("template.xml");
        Path out = work.resolve("signed.xml");
        Files.writeString(in, withTemplate);
        List<String> keyFiles = new ArrayList<>();
        keyFiles.add(pem(work.resolve("key.pem"), credential.key()).toString());
        keyFiles.add(pem(work.resolve("cert.pem"), credential.certificate()).toString());
        int i = 0;
        for (X509Certificate ca : credential.chain()) {
            keyFiles.add(pem(work.resolve("ca-" + i++ + ".pem"), ca).toString());
        }
        Result result = run(List.of("--sign", "--privkey-pem", String.join(",", keyFiles), "--output", out.toString(), in.toString()));
        if (result.exitCode() != 0) throw new IllegalStateException("xmlsec1 --sign failed: " + result.output());
        return Files.readAllBytes(out);
    }

    /** Verifies an enveloped signature with xmlsec1, trusting only the given certificate. */
    static Result verify(byte[] signed, Path trustedPem, Path work) throws IOException {
        Files.createDirectories(work);
        Path file = Files.createTempFile(work, "verify-", ".xml");
        Files.write(file, signed);
        return run(List.of("--verify", "--trusted-pem", trustedPem.toString(), file.toString()));
    }

    static Path pem(Path file, Object object) throws IOException {
        try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(file))) {
            writer.writeObject(object);
        }
        return file;
    }

    private static Result run(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("xmlsec1");
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("xmlsec1 did not finish");
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
