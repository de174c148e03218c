package vn.gov.hanoi.lienthong.core.intake;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file name a recipient's system can save as it is: a name, never a path. Recipient systems save files by
 * the name the hub hands them, so "../../etc/passwd.pdf" or "C:\x\y.pdf" would write where no one meant.
 */
public final class AttachmentNames {

    /** Longest name in bytes (UTF-8) that common file systems (ext4, NTFS in practice) take. */
    static final int MAX_BYTES = 255;
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\x{2028}\\x{2029}\\x{200E}\\x{200F}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]");

    private AttachmentNames() {
    }

    /** What is wrong with the name, in English for the refusal; empty when it is a plain file name. */
    public static Optional<String> problem(String name) {
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) return Optional.of("it contains a path separator");
        if (DRIVE.matcher(name).find()) return Optional.of("it names a drive");
        if (name.equals(".") || name.equals("..")) return Optional.of("it names a directory");
        if (CONTROL.matcher(name).find()) return Optional.of("it contains a control or text-direction character");
        if (name.strip().isEmpty()) return Optional.of("it is blank");
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) return Optional.of("it is " + bytes + " bytes long");
        return Optional.empty();
    }

    /** The name as it may be quoted in a refusal or a log line: control characters shown as \\uXXXX, cut short. */
    public static String quoted(String name) {
        StringBuilder out = new StringBuilder("'");
        name.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c) || CONTROL.matcher(Character.toString(c)).matches()) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (name.codePointCount(0, name.length()) > 80) out.append('…');
        return out.append('\'').toString();
    }
}
