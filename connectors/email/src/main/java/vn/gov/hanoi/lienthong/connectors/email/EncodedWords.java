package vn.gov.hanoi.lienthong.connectors.email;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeUtility;

/**
 * Decodes a header's RFC 2047 encoded-words the way common mail clients do: adjacent encoded-words of one
 * charset are joined before their bytes are decoded, so that a character whose UTF-8 bytes a mailer split
 * across two words ("=?UTF-8?B?4bq=?= =?UTF-8?B?oQ==?=") comes out whole, where decoding word by word
 * (Jakarta Mail's MimeUtility) gives two replacement characters. Anything that is not an encoded-word is left
 * to MimeUtility.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("\\s*");

    private EncodedWords() {
    }

    static String decode(String header) {
        if (header == null) return null;
        String unfolded = header.replaceAll("\\r?\\n[ \\t]", " ");
        StringBuilder out = new StringBuilder();
        Matcher word = WORD.matcher(unfolded);
        int at = 0;
        while (word.find(at)) {
            out.append(plain(unfolded.substring(at, word.start())));
            String charset = word.group(1);
            String encoding = word.group(2).toUpperCase(Locale.ROOT);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(decodeBytes(encoding, word.group(3)));
            int end = word.end();
            // Whitespace between two encoded-words is not part of the text (RFC 2047, 6.2).
            while (true) {
                Matcher next = WORD.matcher(unfolded);
                if (!next.find(end) || !BETWEEN_WORDS.matcher(unfolded.substring(end, next.start())).matches()
                        || !next.group(1).equalsIgnoreCase(charset) || !next.group(2).equalsIgnoreCase(encoding)) {
                    break;
                }
                bytes.writeBytes(decodeBytes(encoding, next.group(3)));
                end = next.end();
            }
            out.append(new String(bytes.toByteArray(), charsetOf(charset)));
            at = end;
            // Whitespace between this run and a following encoded-word of another charset is dropped too.
            Matcher following = WORD.matcher(unfolded);
            if (following.find(at) && BETWEEN_WORDS.matcher(unfolded.substring(at, following.start())).matches()) {
                at = following.start();
            }
        }
        out.append(plain(unfolded.substring(at)));
        return out.toString();
    }

    private static String plain(String text) {
        try {
            return MimeUtility.decodeText(text);
        } catch (java.io.UnsupportedEncodingException e) {
            return text;
        }
    }

    private static byte[] decodeBytes(String encoding, String text) {
        if (encoding.equals("B")) {
            try {
                return Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                return text.getBytes(StandardCharsets.US_ASCII);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length()) {
                try {
                    out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                } catch (NumberFormatException e) {
                    out.write(c);
                }
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** The charset a mailer named, or UTF-8 when Java does not know the name (the text still arrives, lossy). */
    static Charset charsetOf(String name) {
        String javaName = MimeUtility.javaCharset(name);
        try {
            return Charset.forName(javaName);
        } catch (RuntimeException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
