package vn.gov.hanoi.lienthong.core.blob;

import java.io.IOException;

/** A blob whose file is there but whose content key is not: destroyed by a destruction run, so unreadable for good. */
public final class ContentKeyGoneException extends IOException {

    public ContentKeyGoneException(String sha256) {
        super("blob " + sha256 + ": its content key is gone (destroyed), the content cannot be decrypted");
    }
}
