package vn.gov.hanoi.lienthong.core.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentNamesTest {

    @Test
    void aNameWithAPathOrAControlCharacterOrTooLongIsRefused() {
        assertThat(AttachmentNames.problem("../../etc/passwd.pdf")).contains("it contains a path separator");
        assertThat(AttachmentNames.problem("C:\\x\\y.pdf")).contains("it contains a path separator");
        assertThat(AttachmentNames.problem("C:y.pdf")).contains("it names a drive");
        assertThat(AttachmentNames.problem("..")).contains("it names a directory");
        assertThat(AttachmentNames.problem("Báo cáo\n.pdf")).contains("it contains a control or text-direction character");
        assertThat(AttachmentNames.problem("Báo cáo\u0000.pdf")).isPresent();
        assertThat(AttachmentNames.problem("fdp.\u202Eexe.pdf")).as("right-to-left override hides the real extension").isPresent();
        assertThat(AttachmentNames.problem("a".repeat(252) + ".pdf")).contains("it is 256 bytes long");
        // 85 letters of two bytes each and ".pdf": 174 bytes, 89 characters — within the bound.
        assertThat(AttachmentNames.problem("đ".repeat(85) + ".pdf")).isEmpty();
        assertThat(AttachmentNames.problem("đ".repeat(126) + ".pdf")).contains("it is 256 bytes long");
    }

    @Test
    void ordinaryNamesPass() {
        assertThat(AttachmentNames.problem("Quyết định số 12-QĐ-UBND.pdf")).isEmpty();
        assertThat(AttachmentNames.problem("bao-cao_2026 (ban cuoi).docx")).isEmpty();
        assertThat(AttachmentNames.problem("a".repeat(251) + ".pdf")).isEmpty();
    }

    @Test
    void aQuotedNameShowsControlCharactersAndIsCutShort() {
        assertThat(AttachmentNames.quoted("a\nb.pdf")).isEqualTo("'a\\u000Ab.pdf'");
        assertThat(AttachmentNames.quoted("x".repeat(100))).hasSize(83).endsWith("…'");
    }
}
