package vn.gov.hanoi.lienthong.archive.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.gov.hanoi.lienthong.archive.access.ArchiveReader;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/**
 * Search over the metadata and the full text (Article 16.5), returning only what the caller may read: an archivist
 * everything; an agency's clerk or leader the documents its agencies sent or were handed, unless restricted — the
 * same rule as reading ({@code ArchiveService}), in the query itself, so that no hit it may not read is ever made.
 */
@Service
public class ArchiveSearch {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int MAX_HITS = 200;

    private final JdbcClient jdbc;

    public ArchiveSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param words        words to find (web-search syntax: "quoted phrase", -excluded, or); may be empty with filters
     * @param ignoreAccents whether "chuyen doi" finds "chuyển đổi"
     */
    public List<Hit> search(ArchiveReader reader, Query query) {
        boolean archivist = reader.archivist();
        if (!archivist && !reader.ofAnAgency()) throw RefusedException.because(ReasonCode.NOT_PERMITTED);
        boolean hasWords = query.words() != null && !query.words().isBlank();
        if (!hasWords && query.organ() == null && query.type() == null && query.notation() == null && query.signer() == null
                && query.from() == null) {
            throw RefusedException.because(ReasonCode.REQUEST_INVALID, "words or at least one filter");
        }
        String vector = query.ignoreAccents() ? "s.words_unaccented" : "s.words";
        String tsQuery = query.ignoreAccents() ? "websearch_to_tsquery('simple', lienthong_unaccent(cast(:words as text)))"
                : "websearch_to_tsquery('simple', cast(:words as text))";
        Instant from = query.from() == null ? Instant.EPOCH : query.from().atStartOfDay(HANOI).toInstant();
        Instant to = query.to() == null ? Instant.parse("9999-01-01T00:00:00Z") : query.to().plusDays(1).atStartOfDay(HANOI).toInstant();
        String[] organs = reader.organs().toArray(String[]::new);
        return jdbc.sql("""
                        select d.id, d.sender_organ_id, d.code_notation, d.code_number, d.type_name, d.subject, d.signer_name,
                               d.received_at,
                               ts_headline('simple', %3$s, %2$s, 'MaxFragments=2, MaxWords=18, MinWords=6, StartSel=«, StopSel=»') as snippet
                        from search_document s join document d on d.id = s.document_id
                        left join archive_record r on r.document_id = d.id
                        where (not :hasWords or %1$s @@ %2$s)
                          and d.received_at >= :from and d.received_at < :to
                          and (cast(:organ as text) is null or d.sender_organ_id = :organ or :organ = any (d.recipient_organ_ids))
                          and (cast(:type as text) is null or lower(d.type_name) = lower(:type))
                          and (cast(:notation as text) is null or lower(coalesce(d.code_notation, ''))
                               like '%%' || lower(:notation) || '%%')
                          and (cast(:signer as text) is null or lienthong_unaccent(lower(coalesce(d.signer_name, '')))
                               like '%%' || lienthong_unaccent(lower(:signer)) || '%%')
                          and (:archivist or (coalesce(r.access_level, 'OPEN') = 'OPEN'
                               and (d.sender_organ_id = any (:organs) or exists (
                                   select 1 from delivery v where v.document_id = d.id and v.recipient_organ_id = any (:organs)
                                   and v.state in ('DELIVERED', 'AVAILABLE')))))
                        order by d.received_at desc limit :limit""".formatted(vector, tsQuery,
                        // The words found are marked in the text as it was matched: without its diacritics when they were ignored.
                        query.ignoreAccents() ? "lienthong_unaccent(s.body)" : "s.body"))
                .param("words", hasWords ? query.words() : "")
                .param("hasWords", hasWords)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("organ", query.organ())
                .param("type", query.type())
                .param("notation", query.notation())
                .param("signer", query.signer())
                .param("archivist", archivist)
                .param("organs", organs)
                .param("limit", MAX_HITS)
                .query((rs, n) -> new Hit(rs.getObject("id", UUID.class), rs.getString("sender_organ_id"),
                        rs.getString("code_number"), rs.getString("code_notation"), rs.getString("type_name"),
                        rs.getString("subject"), rs.getString("signer_name"), rs.getTimestamp("received_at").toInstant(),
                        hasWords ? rs.getString("snippet") : null))
                .list();
    }

    public record Query(String words, boolean ignoreAccents, String organ, String type, String notation, String signer,
                        LocalDate from, LocalDate to) {
    }

    /** One document found; {@code snippet} shows the words found in its files, marked «…». */
    public record Hit(UUID documentId, String senderOrganId, String codeNumber, String codeNotation, String typeName,
                      String subject, String signerName, Instant receivedAt, String snippet) {
    }
}
