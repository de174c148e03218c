package vn.gov.hanoi.lienthong.core.intake;

import org.springframework.core.io.InputStreamSource;

/** A file as a connector received it; its content is read once, streamed into the blob store. */
public record IncomingAttachment(String contentId, String name, String declaredMediaType, InputStreamSource content) {
}
