package vn.gov.hanoi.lienthong.testkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import vn.gov.hanoi.lienthong.testkit.verify.BundleVerifier;
import vn.gov.hanoi.lienthong.testkit.verify.Trust;
import vn.gov.hanoi.lienthong.testkit.verify.VerificationReport;

/**
 * {@code java -jar lienthong-verify.jar BUNDLE [--trust DIR]}: checks an evidence bundle with no access to the hub and
 * prints every check. Exit code 0 only when all hold; 1 when one fails; 2 when the bundle or the trust folder cannot be
 * read.
 */
@Command(name = "lienthong-verify", mixinStandardHelpOptions = true,
        description = {"Kiểm tra hồ sơ chứng cứ (ASiC-E) của Liên Thông mà không cần đến hệ thống.",
                "Checks a Liên Thông evidence bundle (ASiC-E) without the hub."})
public final class LienThongVerify implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "the evidence bundle (.asice)")
    Path bundle;

    @Option(names = "--trust", paramLabel = "DIR",
            description = "a folder of trusted certificates (.pem/.crt/.cer): the hub's, the agencies' CAs, the time-stamping authority's")
    Path trustFolder;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LienThongVerify()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(bundle)) {
            System.err.println("No such bundle: " + bundle);
            return 2;
        }
        Trust trust;
        try {
            trust = trustFolder == null ? Trust.none() : Trust.fromFolder(trustFolder);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        VerificationReport report = new BundleVerifier(trust).verify(bundle);
        report.checks().forEach(System.out::println);
        if (report.holds()) {
            System.out.println("HỢP LỆ / VALID: every check holds (" + report.checks().size() + " checks)");
            return 0;
        }
        System.out.println("KHÔNG HỢP LỆ / NOT VALID: " + report.failures().size() + " of " + report.checks().size()
                + " checks fail");
        return 1;
    }
}
