package vn.gov.hanoi.lienthong.archive.search;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.gov.hanoi.lienthong.core.blob.BlobStore;
import vn.gov.hanoi.lienthong.core.document.AttachmentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;

/**
 * Indexes recorded documents for the search, off the hot path (the route archive-search-index takes a batch at each
 * pass): the metadata (organ, type, number and notation, dates, subject, signer) and the words of every file. One
 * row per document, written once; a document is found by its words only once indexed.
 */
@Service
public class SearchIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);

    private final JdbcClient jdbc;
    private final DocumentStore documents;
    private final BlobStore blobs;
    private final TextExtraction extraction;
    private final Clock clock;

    private final double busyShare;
    private final long maxFileBytes;
    private final java.util.Set<UUID> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public SearchIndexer(JdbcClient jdbc, DocumentStore documents, BlobStore blobs, TextExtraction extraction, Clock clock,
                         @org.springframework.beans.factory.annotation.Value("${hub.archive.search.busy-share:0.2}") double busyShare,
                         @org.springframework.beans.factory.annotation.Value("${hub.archive.search.max-file-bytes:16777216}") long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
        this.busyShare = Math.min(1.0, Math.max(0.01, busyShare));
        this.jdbc = jdbc;
        this.documents = documents;
        this.blobs = blobs;
        this.extraction = extraction;
        this.clock = clock;
    }

    /**
     * Indexes up to {@code max} documents, the newest first (what just arrived is what people look for), one at a
     * time so that a document arriving during the pass is the next one taken.
     *
     * @return how many documents were indexed in this pass
     */
    public int indexPending(int max) {
        int indexed = 0;
        for (int i = 0; i < max; i++) {
            List<UUID> next = jdbc.sql("""
                            select d.id from document d
                            where d.state in ('RECORDED', 'DISPATCHED')
                              and not exists (select 1 from search_document s where s.document_id = d.id)
                              and not exists (select 1 from document_destruction x where x.document_id = d.id)
                              and not (d.id = any (?))
                            order by d.received_at desc limit 1""")
                    .param(failing.toArray(UUID[]::new)).query(UUID.class).list();
            if (next.isEmpty()) break;
            UUID documentId = next.get(0);
            long started = System.nanoTime();
            try {
                index(documentId);
                indexed++;
            } catch (RuntimeException e) {
                // One document that cannot be indexed must not hold up the others: left until the next start.
                failing.add(documentId);
                LOG.warn("Document {} not indexed for the search (tried again after the next start): {}", documentId, e.getMessage());
            }
            yieldToTheExchange(System.nanoTime() - started);
        }
        return indexed;
    }

    /**
     * Reading a scan (rendering its pages, OCR) costs far more than the exchange spends on a document: left to run
     * flat out, the indexer would take a core from the pipeline whenever scans arrive faster than it reads them. It
     * works at most {@code hub.archive.search.busy-share} (a fifth) of the time and rests the rest; a backlog of
     * unindexed documents waits for quieter hours instead of slowing the exchange.
     */
    private void yieldToTheExchange(long workedNanos) {
        long restMillis = (long) (workedNanos / 1_000_000.0 * (1 - busyShare) / busyShare);
        if (restMillis <= 0) return;
        try {
            Thread.sleep(Math.min(restMillis, 60_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void index(UUID documentId) {
        Metadata m = jdbc.sql("""
                        select sender_organ_id, array_to_string(recipient_organ_ids, ' ') as recipients, type_name,
                               code_number, code_notation, subject, signer_name, cast(promulgation_date as text) as promulgated
                        from document where id = ?""").param(documentId).query(Metadata.class).single();
        String metadata = Stream.of(m.senderOrganId(), m.recipients(), m.typeName(), m.codeNumber(), m.codeNotation(),
                m.subject(), m.signerName(), m.promulgated()).filter(v -> v != null && !v.isBlank()).collect(Collectors.joining(" \n"));
        StringBuilder body = new StringBuilder();
        List<String> files = new ArrayList<>();
        for (AttachmentRecord attachment : documents.attachments(documentId)) {
            TextExtraction.Extracted extracted;
            if (attachment.size() > maxFileBytes) {
                // Read whole to extract its text, a file of a gigabyte would take the heap: found by its metadata and name.
                extracted = new TextExtraction.Extracted(TextExtraction.Source.TOO_LARGE, "");
            } else try (InputStream in = blobs.open(attachment.sha256())) {
                extracted = extraction.extract(attachment.name(), attachment.mediaType(), in.readAllBytes());
            } catch (IOException e) {
                extracted = new TextExtraction.Extracted(TextExtraction.Source.UNREADABLE, "");
            }
            body.append(attachment.name()).append('\n').append(extracted.text()).append('\n');
            files.add(attachment.position() + ":" + extracted.source() + ":" + extracted.text().length());
        }
        String all = metadata + "\n" + body;
        // Not for a document destroyed while its text was read (a destruction run deletes the text again after its commit,
        // for one whose text came in just before).
        jdbc.sql("""
                        insert into search_document (document_id, metadata, body, files, indexed_at, words, words_unaccented)
                        select ?, ?, ?, ?, ?, to_tsvector('simple', ?), to_tsvector('simple', lienthong_unaccent(?))
                        where not exists (select 1 from document_destruction x where x.document_id = ?)
                        on conflict (document_id) do nothing""")
                .params(documentId, metadata, body.toString(), String.join(" ", files), Timestamp.from(clock.instant()), all, all,
                        documentId)
                .update();
        LOG.debug("Indexed document {} for the search: {}", documentId, files);
    }

    record Metadata(String senderOrganId, String recipients, String typeName, String codeNumber, String codeNotation,
                    String subject, String signerName, String promulgated) {
    }
}
