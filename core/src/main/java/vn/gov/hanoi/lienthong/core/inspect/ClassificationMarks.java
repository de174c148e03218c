package vn.gov.hanoi.lienthong.core.inspect;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A classification mark written in a document's text rather than in its SecurityClassification field. A mark
 * is "MẬT", "TỐI MẬT" or "TUYỆT MẬT" standing as a mark — in capitals, alone at the start of the subject or on
 * a line of its own (as the stamp sits on the first page), or after the label "Độ mật:" in any case. The same
 * syllable inside ordinary words ("bảo mật", "mật khẩu", "mật độ", "MẬT ĐỘ DÂN SỐ") is no mark.
 */
public final class ClassificationMarks {

    /** Longest first, so that "TỐI MẬT" is not read as "MẬT". */
    private static final List<String> MARKS = List.of("TUYỆT MẬT", "TỐI MẬT", "MẬT");
    private static final Pattern LABELLED = Pattern.compile("(?iu)độ\\s*mật\\s*[:：]\\s*(tuyệt\\s+mật|tối\\s+mật|mật)(?![\\p{L}])");
    private static final Pattern SPACES = Pattern.compile("\\h+");
    /** What may surround a mark on a line of its own: spaces, a frame of punctuation ("- MẬT -", "[TỐI MẬT]"). */
    private static final Pattern FRAME = Pattern.compile("^[\\p{Punct}\\p{Pd}\\s«»“”]*|[\\p{Punct}\\p{Pd}\\s«»“”]*$");

    private ClassificationMarks() {
    }

    /** The mark the subject opens with, or the one after "Độ mật:" in it. */
    public static Optional<String> inSubject(String subject) {
        if (subject == null) return Optional.empty();
        String text = normalize(subject).strip();
        Optional<String> labelled = labelled(text);
        if (labelled.isPresent()) return labelled;
        for (String mark : MARKS) {
            if (!text.startsWith(mark)) continue;
            String rest = text.substring(mark.length());
            if (rest.isEmpty()) return Optional.of(mark);
            if (Character.isLetter(rest.codePointAt(0))) return Optional.empty();
            String after = rest.strip();
            // "MẬT", "MẬT - Về việc …", "TỐI MẬT: …"
            if (after.isEmpty() || !Character.isLetter(after.codePointAt(0))) return Optional.of(mark);
            // "MẬT Về việc …": a mark; "MẬT ĐỘ DÂN SỐ": a subject in capitals that begins with the syllable.
            String nextWord = after.split("\\s+", 2)[0];
            return nextWord.equals(nextWord.toUpperCase(Locale.ROOT)) ? Optional.empty() : Optional.of(mark);
        }
        return Optional.empty();
    }

    /** A mark on a line of its own, or after "Độ mật:", in a page's text. */
    public static Optional<String> inText(String pageText) {
        if (pageText == null) return Optional.empty();
        String text = normalize(pageText);
        Optional<String> labelled = labelled(text);
        if (labelled.isPresent()) return labelled;
        for (String line : text.split("\\R")) {
            String bare = FRAME.matcher(line).replaceAll("");
            if (MARKS.contains(bare)) return Optional.of(bare);
        }
        return Optional.empty();
    }

    private static Optional<String> labelled(String text) {
        Matcher matcher = LABELLED.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    private static String normalize(String text) {
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll(" ");
    }
}
