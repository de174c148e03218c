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
 * <p>No library detects these two (they are not charsets any JDK or ICU knows), so the rule is ours. Text read
 * from a legacy encoding as Latin-1 only holds characters up to U+00FF, so a Vietnamese letter beyond it (ă đ
 * ơ ư ĩ ũ and the U+1EA0 block) proves Unicode. Vietnamese letters inside Latin-1 prove less: VNI writes
 * the circumflex as the byte of "â" after a, e or o ("Vieät", "tieân"), the breve as "ê" after a ("vaên"),
 * and ơ as "ô". So:
 * <ol>
 *   <li>a letter beyond U+00FF: Unicode;</li>
 *   <li>otherwise, at least two of VNI's unmistakable marks — a diacritic byte that is not a Vietnamese letter
 *   (ø û ï ë ü ä å) after a vowel, "â" after a, e or o, "ê" after a (no Vietnamese word spells these), ñ (đ)
 *   or ö (ư) inside a word: VNI, whatever else the text holds;</li>
 *   <li>otherwise, any of â ê ô: Unicode (these are where real Vietnamese keeps them);</li>
 *   <li>otherwise, the characteristic stand-ins of one of the encodings, at least twice.</li>
 * </ol>
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

    /** Vietnamese letters beyond Latin-1, which no legacy text read as Latin-1 can contain. */
    private static final Pattern UNICODE_VIETNAMESE = Pattern.compile("[ăđơưĩũĂĐƠƯĨŨ\\x{1EA0}-\\x{1EF9}]");
    /** Vietnamese letters inside Latin-1: Unicode, unless VNI's own marks say otherwise. */
    private static final Pattern LATIN1_VIETNAMESE = Pattern.compile("[âêôÂÊÔ]");
    /** VNI's marks that no Unicode Vietnamese word contains. */
    private static final Pattern VNI_UNMISTAKABLE = Pattern.compile(
            "[aeiouyôöAEIOUYÔÖ][øûïëüäåØÛÏËÜÄÅ]|[aeoAEO][âÂ]|[aA][êÊ]|[ñÑöÖ](?=\\p{L})");
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
        if (count(VNI_UNMISTAKABLE, text) >= 2) {
            return Optional.of(Encoding.VNI);
        }
        if (LATIN1_VIETNAMESE.matcher(text).find()) {
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

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int found = 0;
        while (matcher.find()) found++;
        return found;
    }
}
