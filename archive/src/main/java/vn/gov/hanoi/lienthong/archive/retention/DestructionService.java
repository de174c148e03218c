package vn.gov.hanoi.lienthong.archive.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Element;

import vn.gov.hanoi.lienthong.archive.ArchiveXml;
import vn.gov.hanoi.lienthong.archive.access.ArchiveReader;
import vn.gov.hanoi.lienthong.core.audit.AuditAction;
import vn.gov.hanoi.lienthong.core.audit.AuditTrail;
import vn.gov.hanoi.lienthong.core.blob.BlobStore;
import vn.gov.hanoi.lienthong.core.record.Ledger;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.core.signature.HubSigner;

/**
 * Destruction by approved list (Article 11.4; Circular 06/2025/TT-BNV): an archivist proposes a list of documents
 * whose retention has expired; the competent leader — a leader of an agency that is a party to every document on it,
 * never the proposer — approves it with the decision's reference and date, or rejects it; an archivist then executes
 * it. Execution is one transaction: each document still on legal hold is kept; of the others, every content key no
 * surviving document shares is destroyed and its blob removed (crypto-shredding: a copy of the ciphertext anywhere
 * stays undecryptable), their search text deleted, a DESTROY entry written to the audit trail for each, and a
 * destruction record — hashes and metadata, never content — signed by the hub, kept and entered in the ledger. The
 * ledger itself holds hashes only, so it verifies as before.
 */
@Service
public class DestructionService {

    public static final String PROPOSED = "PROPOSED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String EXECUTED = "EXECUTED";

    private static final Logger LOG = LoggerFactory.getLogger(DestructionService.class);
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String DATED = """
            select d.id, d.sender_organ_id, d.sender_document_id, array_to_string(d.recipient_organ_ids, ',') as recipients,
                   d.code_notation, d.subject, d.type_number, d.type_name, d.envelope_sha256,
                   coalesce(d.promulgation_date, cast(d.received_at at time zone 'Asia/Ho_Chi_Minh' as date)) as document_date,
                   r.retention_years
            from document d left join archive_record r on r.document_id = d.id
            """;

    private final JdbcClient jdbc;
    private final RetentionSchedule schedule;
    private final LegalHolds holds;
    private final DocumentDestructions destructions;
    private final BlobStore blobs;
    private final AuditTrail audit;
    private final Ledger ledger;
    private final HubSigner signer;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration keepRecentlyStored;

    public DestructionService(JdbcClient jdbc, RetentionSchedule schedule, LegalHolds holds, DocumentDestructions destructions,
                              BlobStore blobs, AuditTrail audit, Ledger ledger, HubSigner signer,
                              TransactionTemplate transaction, Clock clock,
                              @Value("${hub.archive.destruction.keep-recently-stored:PT1H}") Duration keepRecentlyStored) {
        this.jdbc = jdbc;
        this.schedule = schedule;
        this.holds = holds;
        this.destructions = destructions;
        this.blobs = blobs;
        this.audit = audit;
        this.ledger = ledger;
        this.signer = signer;
        this.transaction = transaction;
        this.clock = clock;
        this.keepRecentlyStored = keepRecentlyStored;
    }

    /** The documents whose retention has expired and that are not destroyed, the longest expired first (archivists). */
    public List<ExpiredDocument> expired(ArchiveReader archivist, int limit) {
        archivist.requireArchivist();
        LocalDate today = today();
        List<ExpiredDocument> expired = new ArrayList<>();
        // The schedule is applied here, in Java, by the same rule as a proposal's check; the SQL narrows to documents
        // older than the shortest period of all (an archivist's override included).
        int shortest = Math.min(schedule.shortestYears(), jdbc.sql("select coalesce(min(retention_years), 1000) from archive_record")
                .query(Integer.class).single());
        LocalDate datedBefore = LocalDate.of(today.getYear() - shortest, 1, 1);
        // Page by page, oldest first (keyset pagination), until enough are found: the archive may hold millions.
        LocalDate afterDate = LocalDate.of(1, 1, 1);
        UUID afterId = new UUID(0, 0);
        while (expired.size() < limit) {
            List<Dated> page = jdbc.sql("select * from (" + DATED + """
                            where not exists (select 1 from document_destruction x where x.document_id = d.id)) dated
                            where document_date < ? and (document_date, id) > (?, ?)
                            order by document_date, id limit 500""").params(datedBefore, afterDate, afterId).query(Dated.class).list();
            if (page.isEmpty()) break;
            Set<UUID> held = Set.copyOf(holds.heldAmong(page.stream().map(Dated::id).toList()));
            for (Dated dated : page) {
                Optional<LocalDate> expires = expiresOn(dated);
                if (expires.isPresent() && !today.isBefore(expires.get()) && expired.size() < limit) {
                    expired.add(new ExpiredDocument(dated.id(), dated.senderOrganId(), dated.codeNotation(), dated.subject(),
                            dated.typeName(), dated.documentDate(), yearsOf(dated).orElseThrow(), expires.get(),
                            held.contains(dated.id())));
                }
            }
            Dated last = page.get(page.size() - 1);
            afterDate = last.documentDate();
            afterId = last.id();
        }
        return expired;
    }

    /**
     * An archivist's proposal: every document on it expired, not on hold, on no other open list, not destroyed, and
     * no delivery of it still on its way.
     */
    public DestructionList propose(ArchiveReader archivist, String title, List<UUID> documentIds) {
        archivist.requireArchivist();
        if (title == null || title.isBlank()) throw RefusedException.because(ReasonCode.REQUEST_INVALID, "title: required");
        if (documentIds == null || documentIds.isEmpty()) {
            throw RefusedException.because(ReasonCode.REQUEST_INVALID, "documents: at least one");
        }
        Set<UUID> unique = new LinkedHashSet<>(documentIds);
        LocalDate today = today();
        return transaction.execute(tx -> {
            UUID listId = UUID.randomUUID();
            Instant now = clock.instant();
            jdbc.sql("insert into destruction_list (id, title, state, proposed_by, proposed_at) values (?, ?, ?, ?, ?)")
                    .params(listId, title, PROPOSED, archivist.username(), Timestamp.from(now)).update();
            for (UUID documentId : unique) {
                Dated dated = dated(documentId);
                LocalDate expires = expiresOn(dated).orElseThrow(() -> notDestructible(documentId, "its type is kept permanently"));
                if (today.isBefore(expires)) throw notDestructible(documentId, "its retention runs until " + expires);
                if (destructions.of(documentId).isPresent()) throw notDestructible(documentId, "its content is destroyed already");
                if (holds.active(documentId).isPresent()) throw notDestructible(documentId, "it is on legal hold");
                long travelling = jdbc.sql("select count(*) from delivery where document_id = ? and state in ('QUEUED', 'AVAILABLE')")
                        .param(documentId).query(Long.class).single();
                if (travelling > 0) throw notDestructible(documentId, "a delivery of it has not finished");
                Optional<UUID> open = jdbc.sql("""
                                select l.id from destruction_item i join destruction_list l on l.id = i.list_id
                                where i.document_id = ? and l.state in ('PROPOSED', 'APPROVED')""").param(documentId)
                        .query(UUID.class).optional();
                if (open.isPresent()) throw notDestructible(documentId, "it is on destruction list " + open.get() + " already");
                jdbc.sql("insert into destruction_item (list_id, document_id, expired_on) values (?, ?, ?)")
                        .params(listId, documentId, expires).update();
                audit.record(archivist.username(), archivist.roleList(), AuditAction.DESTRUCTION_LIST, documentId,
                        Map.of("list", listId.toString(), "step", "proposed", "title", title));
            }
            LOG.info("Archivist {} proposed destruction list {} ({} documents): {}", archivist.username(), listId, unique.size(), title);
            return list(listId);
        });
    }

    /**
     * The competent leader's decision. A leader decides for the documents of its agency and of the units below it:
     * each document on the list must have been sent by, or addressed to, one of them.
     */
    public DestructionList decide(ArchiveReader leader, UUID listId, boolean approved, String decisionReference,
                                  LocalDate decisionDate, String note) {
        if (!leader.roles().contains(ArchiveReader.LEADER)) {
            throw RefusedException.because(ReasonCode.NOT_PERMITTED);
        }
        if (approved && (decisionReference == null || decisionReference.isBlank() || decisionDate == null)) {
            throw RefusedException.because(ReasonCode.REQUEST_INVALID, "an approval names its decision: decisionReference and decisionDate");
        }
        if (decisionDate != null && decisionDate.isAfter(today())) {
            throw RefusedException.because(ReasonCode.REQUEST_INVALID, "decisionDate: not in the future");
        }
        if (!approved && (note == null || note.isBlank())) {
            throw RefusedException.because(ReasonCode.REQUEST_INVALID, "a rejection gives its reason: note");
        }
        return transaction.execute(tx -> {
            DestructionList list = lockedList(listId);
            if (!list.state().equals(PROPOSED)) {
                throw RefusedException.because(ReasonCode.DESTRUCTION_LIST_STATE, listId, list.state(), "only a proposed list is decided");
            }
            if (list.proposedBy().equals(leader.username())) {
                throw RefusedException.because(ReasonCode.NOT_PERMITTED);
            }
            for (DestructionList.ListedDocument item : list.items()) {
                Dated dated = dated(item.documentId());
                boolean ours = leader.organs().contains(dated.senderOrganId())
                        || List.of(dated.recipients().split(",")).stream().anyMatch(leader.organs()::contains);
                if (!ours) {
                    throw RefusedException.because(ReasonCode.NOT_A_PARTY, String.join(",", leader.organs()), item.documentId());
                }
            }
            jdbc.sql("""
                            update destruction_list set state = ?, decided_by = ?, decided_at = ?, decision_reference = ?,
                                decision_date = ?, decision_note = ? where id = ?""")
                    .params(approved ? APPROVED : REJECTED, leader.username(), Timestamp.from(clock.instant()), decisionReference,
                            decisionDate, note, listId).update();
            for (DestructionList.ListedDocument item : list.items()) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("list", listId.toString());
                detail.put("step", approved ? "approved" : "rejected");
                if (decisionReference != null) detail.put("decision", decisionReference);
                if (note != null) detail.put("note", note);
                audit.record(leader.username(), leader.roleList(), AuditAction.DESTRUCTION_LIST, item.documentId(), detail);
            }
            LOG.info("Leader {} {} destruction list {} ({})", leader.username(), approved ? "approved" : "rejected", listId,
                    approved ? decisionReference : note);
            return list(listId);
        });
    }

    /** An archivist executes an approved list: see the class comment. */
    public DestructionList execute(ArchiveReader archivist, UUID listId) {
        archivist.requireArchivist();
        List<String> removed = new ArrayList<>();
        DestructionList executed = transaction.execute(tx -> {
            DestructionList list = lockedList(listId);
            if (!list.state().equals(APPROVED)) {
                throw RefusedException.because(ReasonCode.DESTRUCTION_LIST_STATE, listId, list.state(),
                        "only an approved list is executed");
            }
            Instant now = clock.instant();
            List<UUID> onList = list.items().stream().map(DestructionList.ListedDocument::documentId).toList();
            Set<UUID> held = new java.util.HashSet<>(holds.heldAmong(onList));
            List<UUID> destroyed = onList.stream().filter(id -> !held.contains(id)).toList();
            for (UUID documentId : onList) {
                boolean keep = held.contains(documentId);
                jdbc.sql("update destruction_item set outcome = ? where list_id = ? and document_id = ?")
                        .params(keep ? "KEPT_ON_LEGAL_HOLD" : "DESTROYED", listId, documentId).update();
                if (!keep) {
                    jdbc.sql("insert into document_destruction (document_id, list_id, destroyed_at) values (?, ?, ?)")
                            .params(documentId, listId, Timestamp.from(now)).update();
                }
            }
            List<Content> contents = contentsOf(destroyed);
            Set<String> candidates = contents.stream().map(Content::sha256).collect(Collectors.toCollection(LinkedHashSet::new));
            Set<String> shared = stillReferenced(candidates);
            Set<String> recent = storedSince(candidates, now.minus(keepRecentlyStored));
            Map<String, String> fate = new LinkedHashMap<>();
            for (String sha : candidates) {
                if (shared.contains(sha)) {
                    fate.put(sha, "KEPT_SHARED");
                } else if (recent.contains(sha)) {
                    fate.put(sha, "KEPT_STORED_AGAIN_RECENTLY");
                } else {
                    // The key's row goes first (this transaction holds it: a store of the same content meanwhile waits
                    // for the commit, then writes a file of its own under a new key), then the file.
                    try {
                        blobs.destroy(sha);
                    } catch (IOException e) {
                        throw new UncheckedIOException("the blob " + sha + " could not be removed; the destruction is rolled back", e);
                    }
                    fate.put(sha, "DESTROYED");
                    removed.add(sha);
                }
            }
            deleteSearchText(destroyed);
            for (UUID documentId : destroyed) {
                long parts = contents.stream().filter(c -> c.documentId().equals(documentId) && fate.get(c.sha256()).equals("DESTROYED")).count();
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("list", listId.toString());
                detail.put("approvedBy", list.decidedBy());
                detail.put("decision", list.decisionReference());
                detail.put("contentsDestroyed", parts);
                audit.record(archivist.username(), archivist.roleList(), AuditAction.DESTROY, documentId, detail);
            }
            byte[] record = record(list, archivist.username(), now, destroyed, held, contents, fate);
            String recordSha = sha256(record);
            jdbc.sql("""
                            update destruction_list set state = ?, executed_by = ?, executed_at = ?, record_xml = ?, record_sha256 = ?
                            where id = ?""")
                    .params(EXECUTED, archivist.username(), Timestamp.from(now), new String(record, StandardCharsets.UTF_8), recordSha,
                            listId).update();
            ledger.append(Ledger.HUB_ITSELF, "DESTRUCTION " + listId, recordSha, now);
            LOG.info("Archivist {} executed destruction list {} (decision {} of {}): {} documents destroyed, {} kept on legal hold, "
                            + "{} contents destroyed, {} kept as another document's", archivist.username(), listId,
                    list.decisionReference(), list.decidedBy(), destroyed.size(), held.size(), removed.size(),
                    fate.values().stream().filter(f -> !f.equals("DESTROYED")).count());
            return list(listId);
        });
        // The search's indexer may have written a destroyed document's text just before the commit: removed again.
        deleteSearchText(executed.items().stream().filter(i -> "DESTROYED".equals(i.outcome()))
                .map(DestructionList.ListedDocument::documentId).toList());
        vacuumKeys();
        return executed;
    }

    private void deleteSearchText(List<UUID> documentIds) {
        if (documentIds.isEmpty()) return;
        jdbc.sql("delete from search_document where document_id = any(cast(string_to_array(?, ',') as uuid[]))")
                .param(joined(documentIds)).update();
    }

    /** The list as it stands (archivists, auditors, leaders). */
    public DestructionList view(ArchiveReader reader, UUID listId) {
        mayFollow(reader);
        return list(listId);
    }

    /** The signed destruction record of an executed list. */
    public byte[] record(ArchiveReader reader, UUID listId) {
        mayFollow(reader);
        DestructionList list = list(listId);
        if (!list.state().equals(EXECUTED)) {
            throw RefusedException.because(ReasonCode.DESTRUCTION_LIST_STATE, listId, list.state(), "a record exists once it is executed");
        }
        return jdbc.sql("select record_xml from destruction_list where id = ?").param(listId).query(String.class).single()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void mayFollow(ArchiveReader reader) {
        if (!(reader.archivist() || reader.roles().contains(ArchiveReader.AUDITOR) || reader.roles().contains(ArchiveReader.LEADER))) {
            throw RefusedException.because(ReasonCode.NOT_PERMITTED);
        }
    }

    private byte[] record(DestructionList list, String executedBy, Instant executedAt, List<UUID> destroyed, Set<UUID> held,
                          List<Content> contents, Map<String, String> fate) {
        Element root = ArchiveXml.newRoot("DestructionRecord");
        ArchiveXml.add(root, "Statement", "Biên bản hủy tài liệu hết giá trị: nội dung đã bị hủy, không thể khôi phục (khóa mã hóa đã bị "
                + "hủy, tệp đã bị xóa); sổ cái chỉ giữ mã băm / Record of the destruction of expired records: the content is "
                + "destroyed beyond recovery (its keys destroyed, its files removed); the ledger keeps hashes only");
        ArchiveXml.add(root, "ListId", list.id());
        ArchiveXml.add(root, "Title", list.title());
        ArchiveXml.add(root, "ProposedBy", list.proposedBy());
        ArchiveXml.add(root, "ProposedAt", list.proposedAt());
        ArchiveXml.add(root, "ApprovedBy", list.decidedBy());
        ArchiveXml.add(root, "ApprovedAt", list.decidedAt());
        ArchiveXml.add(root, "DecisionReference", list.decisionReference());
        ArchiveXml.add(root, "DecisionDate", list.decisionDate());
        ArchiveXml.add(root, "ExecutedBy", executedBy);
        ArchiveXml.add(root, "ExecutedAt", executedAt);
        for (DestructionList.ListedDocument item : list.items()) {
            Dated dated = dated(item.documentId());
            Element document = ArchiveXml.add(root, "Document", null);
            document.setAttribute("id", item.documentId().toString());
            document.setAttribute("outcome", held.contains(item.documentId()) ? "KEPT_ON_LEGAL_HOLD" : "DESTROYED");
            ArchiveXml.add(document, "SenderOrganId", dated.senderOrganId());
            ArchiveXml.add(document, "SenderDocumentId", dated.senderDocumentId());
            ArchiveXml.add(document, "CodeNotation", dated.codeNotation());
            ArchiveXml.add(document, "Subject", dated.subject());
            ArchiveXml.add(document, "Type", dated.typeName());
            ArchiveXml.add(document, "DocumentDate", dated.documentDate());
            ArchiveXml.add(document, "RetentionYears", yearsOf(dated).orElse(null));
            ArchiveXml.add(document, "ExpiredOn", item.expiredOn());
            ledger.entriesOf(item.documentId()).stream().filter(e -> e.event().equals(vn.gov.hanoi.lienthong.core.record.RecordService.EVENT_RECORDED))
                    .findFirst().ifPresent(e -> ArchiveXml.add(document, "RecordedEntry", e.seq()));
            if (destroyed.contains(item.documentId())) {
                for (Content content : contents) {
                    if (!content.documentId().equals(item.documentId())) continue;
                    Element part = ArchiveXml.add(document, "Content", null);
                    part.setAttribute("part", content.part());
                    part.setAttribute("sha256", content.sha256());
                    part.setAttribute("fate", fate.get(content.sha256()));
                }
            }
        }
        return signer.sign(root.getOwnerDocument(), root);
    }

    /** Every blob of these documents: envelope, files, status messages, the mail they came in. */
    private List<Content> contentsOf(List<UUID> documentIds) {
        if (documentIds.isEmpty()) return List.of();
        return jdbc.sql("""
                        with doc(id) as (select unnest(cast(string_to_array(?, ',') as uuid[])))
                        select d.id as document_id, 'envelope' as part, d.envelope_sha256 as sha256 from document d join doc on doc.id = d.id
                        union all
                        select a.document_id, 'file ' || a.position, a.sha256 from attachment a join doc on doc.id = a.document_id
                        union all
                        select e.document_id, 'status ' || e.status_code || ' of ' || e.organ_id, e.message_sha256
                        from status_event e join doc on doc.id = e.document_id where e.message_sha256 is not null
                        union all
                        select m.document_id, 'mail', m.raw_sha256 from mail_intake m join doc on doc.id = m.document_id
                        order by 1, 2""").param(joined(documentIds)).query(Content.class).list();
    }

    /** Of these blobs, those a document not destroyed still refers to (or a refused mail message kept as received). */
    private Set<String> stillReferenced(Set<String> candidates) {
        if (candidates.isEmpty()) return Set.of();
        return Set.copyOf(jdbc.sql("""
                        with blob(sha256) as (select cast(unnest(string_to_array(?, ',')) as char(64)))
                        select b.sha256 from blob b
                        where exists (select 1 from document d where d.envelope_sha256 = b.sha256
                                        and not exists (select 1 from document_destruction x where x.document_id = d.id))
                           or exists (select 1 from attachment a where a.sha256 = b.sha256
                                        and not exists (select 1 from document_destruction x where x.document_id = a.document_id))
                           or exists (select 1 from status_event e where e.message_sha256 = b.sha256
                                        and not exists (select 1 from document_destruction x where x.document_id = e.document_id))
                           or exists (select 1 from mail_intake m where m.raw_sha256 = b.sha256 and (m.document_id is null
                                        or not exists (select 1 from document_destruction x where x.document_id = m.document_id)))""")
                .param(String.join(",", candidates)).query(String.class).list());
    }

    private Set<String> storedSince(Set<String> candidates, Instant since) {
        if (candidates.isEmpty()) return Set.of();
        return Set.copyOf(jdbc.sql("""
                        select sha256 from content_key where sha256 = any(cast(string_to_array(?, ',') as char(64)[]))
                          and last_stored_at > ?""")
                .params(String.join(",", candidates), Timestamp.from(since)).query(String.class).list());
    }

    /**
     * Dead row versions of the destroyed keys stay in the table's pages until vacuumed; a vacuum right after lets the
     * database reuse that space. (WAL segments and backups made before the destruction still hold the wrapped keys
     * until they are recycled or expire: the README says so.)
     */
    private void vacuumKeys() {
        try {
            jdbc.sql("vacuum content_key").update();
        } catch (RuntimeException e) {
            LOG.warn("The content keys' table was not vacuumed after a destruction ({}); autovacuum will", e.getMessage());
        }
    }

    private DestructionList lockedList(UUID listId) {
        jdbc.sql("select id from destruction_list where id = ? for update").param(listId).query(UUID.class).optional()
                .orElseThrow(() -> RefusedException.because(ReasonCode.REQUEST_INVALID, "no destruction list " + listId));
        return list(listId);
    }

    private DestructionList list(UUID listId) {
        List<DestructionList.ListedDocument> items = jdbc.sql("""
                        select i.document_id, d.code_notation, d.subject, i.expired_on, i.outcome
                        from destruction_item i join document d on d.id = i.document_id where i.list_id = ? order by d.code_notation, i.document_id""")
                .param(listId).query(DestructionList.ListedDocument.class).list();
        return jdbc.sql("select * from destruction_list where id = ?").param(listId)
                .query((rs, n) -> new DestructionList(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("state"),
                        rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"),
                        instant(rs.getTimestamp("decided_at")), rs.getString("decision_reference"),
                        rs.getObject("decision_date", LocalDate.class), rs.getString("decision_note"), rs.getString("executed_by"),
                        instant(rs.getTimestamp("executed_at")), rs.getString("record_sha256"), items))
                .optional().orElseThrow(() -> RefusedException.because(ReasonCode.REQUEST_INVALID, "no destruction list " + listId));
    }

    private Dated dated(UUID documentId) {
        return jdbc.sql(DATED + " where d.id = ?").param(documentId).query(Dated.class).optional()
                .orElseThrow(() -> RefusedException.because(ReasonCode.DOCUMENT_NOT_FOUND, documentId));
    }

    private Optional<Integer> yearsOf(Dated dated) {
        return schedule.yearsOf(dated.typeNumber(), dated.retentionYears());
    }

    private Optional<LocalDate> expiresOn(Dated dated) {
        return yearsOf(dated).map(years -> RetentionSchedule.expiresOn(dated.documentDate(), years));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(HANOI));
    }

    private static RefusedException notDestructible(UUID documentId, String why) {
        return RefusedException.because(ReasonCode.NOT_DESTRUCTIBLE, documentId, why);
    }

    private static String joined(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Dated(UUID id, String senderOrganId, String senderDocumentId, String recipients, String codeNotation, String subject,
                 Integer typeNumber, String typeName, String envelopeSha256, LocalDate documentDate, Integer retentionYears) {
    }

    record Content(UUID documentId, String part, String sha256) {
    }

    /** A document whose retention has expired. */
    public record ExpiredDocument(UUID documentId, String senderOrganId, String codeNotation, String subject, String type,
                          LocalDate documentDate, int retentionYears, LocalDate expiredOn, boolean onLegalHold) {
    }
}
