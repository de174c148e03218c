package vn.gov.hanoi.lienthong.core.inspect;

import java.util.BitSet;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises Vietnamese text typed in the 8-bit encodings that preceded Unicode, as it looks once a program
 * has read it as Latin-1: TCVN3/ABC (fonts .VnTime…) turns "Quyết định" into "QuyÕt ®Þnh", VNI (fonts
 * VNI-Times…) into "Quyeát ñònh".
 *
 * <p>No library detects these two (they are not charsets any JDK or ICU knows), so the rule is ours:
 * text that carries none of the letters only Vietnamese Unicode has (ă â đ ê ô ơ ư and the letters of
 * the U+1EA0 block) but carries the characteristic Latin-1 stand-ins of one of the encodings, at least twice.
 */
public final class LegacyVietnameseEncoding {

    public enum Encoding {
        TCVN3("TCVN3 (ABC)"),
        VNI("VNI");

        private final String displayName;

        Encoding(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    /** Letters that only Unicode Vietnamese uses: a text with any of them is Unicode Vietnamese. */
    private static final Pattern UNICODE_VIETNAMESE = Pattern.compile("[ăâđêôơưĂÂĐÊÔƠƯ\\x{1EA0}-\\x{1EF9}]");
    /**
     * TCVN3's stand-ins that no Unicode Vietnamese text contains: its 0xA1–0xBF and 0xC6–0xFE code points read as
     * Latin-1, less the Latin-1 letters Vietnamese shares (à á â ã è é ê ì í ò ó ô õ ù ú ý Ă…).
     */
    private static final Pattern TCVN3_MARKS = Pattern.compile("[¡¢£¤¥¦§¨©ª«¬\u00AD®µ¶·¸¹»¼½¾ÆÇÈËÌÎÏÑÓÖ×ØÜÞßäåæçëîïñöøûüþ]|[ÕÐÒÔ](?=\\p{L})");
    /** VNI writes a vowel, then a byte for its diacritic and tone; read as Latin-1 that byte is one of these. */
    private static final Pattern VNI_MARKS = Pattern.compile("[aeiouyAEIOUY][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]|[ñÑ](?=\\p{L})|[òÒôöÔÖ](?=\\p{L})");

    private LegacyVietnameseEncoding() {
    }

    public static Optional<Encoding> detect(String text) {
        if (text == null || text.isEmpty() || UNICODE_VIETNAMESE.matcher(text).find()) {
            return Optional.empty();
        }
        // Several stand-ins exist in both encodings; after a vowel, such a character is VNI's diacritic byte.
        BitSet vniPositions = new BitSet(text.length());
        int vni = 0;
        Matcher vniMarks = VNI_MARKS.matcher(text);
        while (vniMarks.find()) {
            vni++;
            vniPositions.set(vniMarks.start(), vniMarks.end());
        }
        int tcvn3 = 0;
        Matcher tcvn3Marks = TCVN3_MARKS.matcher(text);
        while (tcvn3Marks.find()) {
            if (!vniPositions.get(tcvn3Marks.start())) tcvn3++;
        }
        if (tcvn3 < 2 && vni < 2) return Optional.empty();
        return Optional.of(tcvn3 >= vni ? Encoding.TCVN3 : Encoding.VNI);
    }
}
