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

    public SearchIndexer(JdbcClient jdbc, DocumentStore documents, BlobStore blobs, TextExtraction extraction, Clock clock) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.blobs = blobs;
        this.extraction = extraction;
        this.clock = clock;
    }

    /** @return how many documents were indexed in this pass */
    public int indexPending(int max) {
        List<UUID> pending = jdbc.sql("""
                        select d.id from document d
                        where d.state in ('RECORDED', 'DISPATCHED') and not exists (select 1 from search_document s where s.document_id = d.id)
                        order by d.received_at limit ?""").param(max).query(UUID.class).list();
        for (UUID documentId : pending) index(documentId);
        return pending.size();
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
            try (InputStream in = blobs.open(attachment.sha256())) {
                extracted = extraction.extract(attachment.name(), attachment.mediaType(), in.readAllBytes());
            } catch (IOException e) {
                extracted = new TextExtraction.Extracted(TextExtraction.Source.UNREADABLE, "");
            }
            body.append(attachment.name()).append('\n').append(extracted.text()).append('\n');
            files.add(attachment.position() + ":" + extracted.source() + ":" + extracted.text().length());
        }
        String all = metadata + "\n" + body;
        jdbc.sql("""
                        insert into search_document (document_id, metadata, body, files, indexed_at, words, words_unaccented)
                        values (?, ?, ?, ?, ?, to_tsvector('simple', ?), to_tsvector('simple', lienthong_unaccent(?)))
                        on conflict (document_id) do nothing""")
                .params(documentId, metadata, body.toString(), String.join(" ", files), Timestamp.from(clock.instant()), all, all)
                .update();
        LOG.debug("Indexed document {} for the search: {}", documentId, files);
    }

    record Metadata(String senderOrganId, String recipients, String typeName, String codeNumber, String codeNotation,
                    String subject, String signerName, String promulgated) {
    }
}
