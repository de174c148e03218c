package vn.gov.hanoi.lienthong.core.refusal;

/** One reason for a refusal: the machine-readable code and the sentence in Vietnamese and English. */
public record Reason(String code, String messageVi, String messageEn) {
}
