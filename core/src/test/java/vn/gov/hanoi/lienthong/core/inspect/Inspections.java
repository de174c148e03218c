package vn.gov.hanoi.lienthong.core.inspect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import vn.gov.hanoi.lienthong.core.blob.FileBlobStore;
import vn.gov.hanoi.lienthong.core.blob.StoredBlob;
import vn.gov.hanoi.lienthong.core.document.AttachmentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentState;
import vn.gov.hanoi.lienthong.core.edxml.EdxmlReader;

/** Builds the InspectedDocument a check sees, with its files in a blob store under a test folder. */
final class Inspections {

    static final EdxmlReader EDXML = new EdxmlReader();

    record NamedFile(String name, byte[] content) {
    }

    static NamedFile file(String name, byte[] content) {
        return new NamedFile(name, content);
    }

    static InspectedDocument inspected(Path blobRoot, byte[] envelope, NamedFile... files) {
        FileBlobStore blobs = vn.gov.hanoi.lienthong.core.blob.KeysInMemory.blobStore(blobRoot);
        List<AttachmentRecord> attachments = new ArrayList<>();
        try {
            for (NamedFile file : files) {
                StoredBlob stored = blobs.store(new ByteArrayInputStream(file.content()));
                attachments.add(new AttachmentRecord(attachments.size(), "part-" + attachments.size(), file.name(), null,
                        stored.size(), stored.sha256()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DocumentRecord record = new DocumentRecord(UUID.randomUUID(), "000.00.12.H26", "doc-1", List.of("000.00.15.H26"),
                "subject", "1/QĐ-UBND", "0".repeat(64), envelope.length, DocumentState.RECEIVED, Instant.now(), Instant.now());
        var dom = EDXML.dom(envelope);
        List<String> violations = EDXML.schemaViolations(envelope);
        return new InspectedDocument(record, envelope, dom, violations,
                violations.isEmpty() ? EDXML.messageHeader(dom).orElse(null) : null, attachments, blobs);
    }

    static List<String> codes(List<Finding> findings) {
        return findings.stream().map(f -> f.reason().code()).toList();
    }

    private Inspections() {
    }
}
