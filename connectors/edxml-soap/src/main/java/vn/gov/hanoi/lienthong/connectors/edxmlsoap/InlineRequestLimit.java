package vn.gov.hanoi.lienthong.connectors.edxmlsoap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * A SOAP request without MTOM carries its files base64 inside the body, and every SOAP stack — CXF and JAXB
 * here — reads such a body into memory whole (several times its size while decoding it). MTOM parts are
 * streamed to disk whatever their size; an inline request is bounded: refused at once when its Content-Length
 * says it is larger, and stopped as soon as a request of unknown length passes the bound. Either way the sender
 * gets INLINE_CONTENT_TOO_LARGE (UnreadableRequestFaults), which tells it to send MTOM.
 */
final class InlineRequestLimit extends AbstractPhaseInterceptor<Message> {

    private final long maxBytes;

    InlineRequestLimit(long maxBytes) {
        super(Phase.RECEIVE);
        this.maxBytes = maxBytes;
    }

    @Override
    public void handleMessage(Message message) {
        Object contentType = message.get(Message.CONTENT_TYPE);
        if (contentType != null && contentType.toString().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return; // MTOM: CXF streams the parts to disk
        }
        Object request = message.get("HTTP.REQUEST");
        if (request instanceof jakarta.servlet.http.HttpServletRequest http && http.getContentLengthLong() > maxBytes) {
            throw new Fault(new TooLarge(maxBytes));
        }
        InputStream in = message.getContent(InputStream.class);
        if (in != null) {
            message.setContent(InputStream.class, new Bounded(in, maxBytes));
        }
    }

    /** The request passed the bound; UnreadableRequestFaults finds it in the fault's causes. */
    static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super("a SOAP request without MTOM larger than " + maxBytes + " bytes");
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final long maxBytes;
        private long read;

        Bounded(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        private void count(long n) throws IOException {
            read += n;
            if (read > maxBytes) throw new TooLarge(maxBytes);
        }
    }
}
