package vn.gov.hanoi.lienthong.core.signature;

/**
 * @param signer the signer certificate's subject, when there is one
 * @param detail what the verifier saw, for the validation report
 */
public record SignatureResult(Verdict verdict, String signer, String detail) {

    static SignatureResult of(Verdict verdict, String signer, String detail) {
        return new SignatureResult(verdict, signer, detail);
    }
}
