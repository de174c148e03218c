package vn.gov.hanoi.lienthong.connectors.edxmlsoap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.activation.DataSource;

import org.springframework.core.io.InputStreamSource;

/** Lets CXF stream a stored file into an MTOM part, opening it only when the part is written. */
final class StreamDataSource implements DataSource {

    private final InputStreamSource source;
    private final String name;

    StreamDataSource(InputStreamSource source, String name) {
        this.source = source;
        this.name = name;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return source.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() {
        throw new UnsupportedOperationException("read-only");
    }

    @Override
    public String getContentType() {
        return "application/octet-stream";
    }

    @Override
    public String getName() {
        return name;
    }
}
