package vn.gov.hanoi.lienthong.core.inspect;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;

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
    void recognisesVniTextWhoseMarksLookLikeVietnameseLetters() {
        // VNI writes the breve as the byte of "ê" after a, the circumflex as "â" after a, e or o, and ơ as "ô":
        // "Quyết định ... văn bản", "tiên tiến", "Cơ quan", "Việt Nam".
        assertThat(LegacyVietnameseEncoding.detect("Quyeát ñònh … vaên baûn")).contains(VNI);
        assertThat(LegacyVietnameseEncoding.detect("Tieân tieán vaên hoùa")).contains(VNI);
        assertThat(LegacyVietnameseEncoding.detect("Cô quan nhaø nöôùc")).contains(VNI);
        assertThat(LegacyVietnameseEncoding.detect("VIEÄT NAM, Coäng hoøa")).contains(VNI);
        assertThat(LegacyVietnameseEncoding.detect("Giaáy môøi hoïp")).contains(VNI);
    }

    @Test
    void everyTextOfTheGenuineVietnameseCorpusPasses() throws Exception {
        List<String> corpus;
        try (InputStream in = getClass().getResourceAsStream("/corpus/genuine-vietnamese.txt")) {
            corpus = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
        assertThat(corpus).hasSizeGreaterThan(100);
        for (String text : corpus) {
            assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("corpus line in NFC: %s", text).isTrue();
            assertThat(LegacyVietnameseEncoding.detect(text)).as("genuine Unicode: %s", text).isEmpty();
            for (String word : text.split("[\\s,.;:()/]+")) {
                assertThat(LegacyVietnameseEncoding.detect(word)).as("the word '%s' of: %s", word, text).isEmpty();
            }
        }
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
