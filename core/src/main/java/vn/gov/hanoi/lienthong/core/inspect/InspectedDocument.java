package vn.gov.hanoi.lienthong.core.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Document;

import vn.gov.hanoi.lienthong.core.blob.BlobStore;
import vn.gov.hanoi.lienthong.core.document.AttachmentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.schemas.edxml.MessageHeaderType;

/**
 * What a legality check sees: the recorded document, the envelope's exact bytes, parsed once and validated
 * once (the checks share the result), its header as typed objects when the envelope is schema-valid (empty
 * otherwise: the schema check reports why), and its files.
 */
public final class InspectedDocument {

    private final DocumentRecord record;
    private final byte[] envelope;
    private final Document dom;
    private final List<String> schemaViolations;
    private final MessageHeaderType header;
    private final List<AttachmentRecord> attachments;
    private final BlobStore blobs;

    public InspectedDocument(DocumentRecord record, byte[] envelope, Document dom, List<String> schemaViolations,
                             MessageHeaderType header, List<AttachmentRecord> attachments, BlobStore blobs) {
        this.record = record;
        this.envelope = envelope;
        this.dom = dom;
        this.schemaViolations = List.copyOf(schemaViolations);
        this.header = header;
        this.attachments = attachments;
        this.blobs = blobs;
    }

    public DocumentRecord record() {
        return record;
    }

    public byte[] envelope() {
        return envelope;
    }

    /** The envelope parsed (safely) once; checks read it, none changes it. */
    public Document dom() {
        return dom;
    }

    /** What the edXML schema says of the envelope: empty when it is valid. */
    public List<String> schemaViolations() {
        return schemaViolations;
    }

    public Optional<MessageHeaderType> header() {
        return Optional.ofNullable(header);
    }

    public List<AttachmentRecord> attachments() {
        return attachments;
    }

    /** Opens a file's content; the caller closes it. */
    public InputStream open(AttachmentRecord attachment) throws IOException {
        return blobs.open(attachment.sha256());
    }
}
