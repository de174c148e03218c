package vn.gov.hanoi.lienthong.core.inspect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.hanoi.lienthong.core.inspect.LegacyVietnameseEncoding.Encoding.TCVN3;
import static vn.gov.hanoi.lienthong.core.inspect.LegacyVietnameseEncoding.Encoding.VNI;

class LegacyVietnameseEncodingTest {

    @Test
    void recognisesTcvn3TextReadAsLatin1() {
        // "Quyết định về việc triển khai" and "thành phố Hà Nội" typed in .VnTime.
        assertThat(LegacyVietnameseEncoding.detect("QuyÕt ®Þnh vÒ viÖc triÓn khai")).contains(TCVN3);
        assertThat(LegacyVietnameseEncoding.detect("thµnh phè Hµ Néi")).contains(TCVN3);
    }

    @Test
    void recognisesVniTextReadAsLatin1() {
        // The same words typed in VNI-Times.
        assertThat(LegacyVietnameseEncoding.detect("Quyeát ñònh veà vieäc trieån khai")).contains(VNI);
        assertThat(LegacyVietnameseEncoding.detect("Haø Noäi")).contains(VNI);
    }

    @Test
    void leavesUnicodeVietnameseAndOtherLanguagesAlone() {
        assertThat(LegacyVietnameseEncoding.detect("Quyết định về việc triển khai")).isEmpty();
        assertThat(LegacyVietnameseEncoding.detect("Báo cáo")).as("Vietnamese using Latin-1 letters only").isEmpty();
        assertThat(LegacyVietnameseEncoding.detect("Report on the e-document exchange")).isEmpty();
        assertThat(LegacyVietnameseEncoding.detect("Café, résumé, naïve")).isEmpty();
        assertThat(LegacyVietnameseEncoding.detect("")).isEmpty();
    }
}
