package vn.gov.hanoi.lienthong.core.inspect;

import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyFontCheckTest {

    @Test
    void findsLegacyFontNamesInTheOrderTheyAppear() {
        Set<String> fonts = new LinkedHashSet<>();
        LegacyFontCheck.find("/BaseFont /VNI-Times /F2 /BaseFont /.VnArial,Bold /.Vn /VNI- /.VnTime", fonts);
        assertThat(fonts).containsExactly("VNI-Times", ".VnArial", ".VnTime");
    }

    @Test
    void findsNothingInUnicodeFonts() {
        Set<String> fonts = new LinkedHashSet<>();
        LegacyFontCheck.find("/BaseFont /TimesNewRomanPSMT /Arial-BoldMT .Vn", fonts);
        assertThat(fonts).isEmpty();
    }
}
