package vn.gov.hanoi.lienthong.connectors.email;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;

import vn.gov.hanoi.lienthong.core.blob.BlobStore;
import vn.gov.hanoi.lienthong.core.blob.StoredBlob;
import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.document.DocumentRecord;
import vn.gov.hanoi.lienthong.core.document.DocumentStore;
import vn.gov.hanoi.lienthong.core.edxml.EdxmlReader;
import vn.gov.hanoi.lienthong.core.intake.IncomingAttachment;
import vn.gov.hanoi.lienthong.core.intake.IncomingDocument;
import vn.gov.hanoi.lienthong.core.intake.IntakeReceipt;
import vn.gov.hanoi.lienthong.core.refusal.Reason;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.routes.HubEndpoints;

/**
 * Takes one message from the hub's mailbox: an edXML envelope by mail, or a scanned letter from an official
 * mailbox (Article 8.3), becomes a document through the common intake; anything else is refused by reply.
 * Every message is kept (raw, in the blob store) and logged with its outcome.
 *
 * A message may be taken again after a crash (the mailbox marks it only when this returns). The document
 * carries the message's key, written in the same transaction, so the second time finds it instead of
 * creating another; a refusal is logged before its reply is sent, and a logged refusal whose reply is not
 * marked sent gets its reply then.
 */
@Service
public class MailIntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(MailIntakeService.class);

    /** What became of a message; VANISHED: it was expunged from the mailbox while being read, and nothing was taken. */
    public enum Result { ACCEPTED, DUPLICATE, STATUS, REFUSED, VANISHED }

    private final BlobStore blobs;
    private final AgencyDirectory directory;
    private final DocumentStore documents;
    private final EdxmlReader edxml;
    private final ScannedLetterReader scannedLetters;
    private final StatusReplyReader statusReplies;
    private final RefusalMail refusals;
    private final MailIntakeLog log;
    private final CityMailServer mailServer;
    private final ProducerTemplate camel;
    private final Clock clock;

    public MailIntakeService(BlobStore blobs, AgencyDirectory directory, DocumentStore documents, EdxmlReader edxml,
                             ScannedLetterReader scannedLetters, StatusReplyReader statusReplies, RefusalMail refusals, MailIntakeLog log,
                             CityMailServer mailServer, ProducerTemplate camel, Clock clock) {
        this.blobs = blobs;
        this.directory = directory;
        this.documents = documents;
        this.edxml = edxml;
        this.scannedLetters = scannedLetters;
        this.statusReplies = statusReplies;
        this.refusals = refusals;
        this.log = log;
        this.mailServer = mailServer;
        this.camel = camel;
        this.clock = clock;
    }

    public Result take(MimeMessage message) throws Exception {
        if (message.isExpunged()) {
            LOG.info("A message vanished from the mailbox before it was read (expunged by someone else); nothing taken");
            return Result.VANISHED;
        }
        ByteArrayOutputStream rawBytes = new ByteArrayOutputStream();
        try {
            message.writeTo(rawBytes);
        } catch (jakarta.mail.MessageRemovedException | jakarta.mail.FolderClosedException vanished) {
            LOG.info("A message vanished from the mailbox while it was read ({}); nothing taken", vanished.toString());
            return Result.VANISHED;
        }
        byte[] raw = rawBytes.toByteArray();
        if (raw.length == 0) {
            LOG.info("A message of no bytes was read from the mailbox (expunged meanwhile); nothing taken");
            return Result.VANISHED;
        }
        StoredBlob kept = blobs.store(new ByteArrayInputStream(raw));
        MimeMessage copy = new MimeMessage(mailServer.session(), new ByteArrayInputStream(raw));
        InboundMail mail;
        try {
            mail = InboundMail.read(copy, kept.sha256(), mailServer.hubAddress());
        } catch (jakarta.mail.MessagingException | java.io.IOException | RuntimeException unreadable) {
            // A client's mail the hub cannot read: refused once (by reply where there is someone to answer), kept,
            // and the mailbox moves on. Never an exception: the poller would take the same message again forever.
            return refuseUnreadable(InboundMail.unreadable(copy, kept.sha256(), mailServer.hubAddress()), kept, unreadable);
        }

        Optional<MailIntakeLog.Entry> known = log.find(mail.messageKey());
        if (known.isPresent()) {
            return takenBefore(mail, known.get());
        }
        String sourceReference = "mail:" + mail.messageKey();
        Optional<DocumentRecord> taken = documents.findBySourceReference(sourceReference);
        if (taken.isPresent()) {
            // The hub died after the document was recorded and before the mail was logged.
            log.record(mail, kept.sha256(), MailIntakeLog.Outcome.ACCEPTED, taken.get().id(), null, clock.instant());
            return Result.ACCEPTED;
        }

        try {
            Agency sender = directory.byMailbox(mail.fromAddress())
                    .orElseThrow(() -> RefusedException.because(ReasonCode.MAIL_SENDER_UNKNOWN, mail.fromAddress()));
            if (!sender.mayExchange()) {
                throw RefusedException.because(ReasonCode.AGENCY_NOT_ACTIVE, sender.organId());
            }
            Optional<StatusReplyReader.StatusReply> status = statusReplies.read(sender, mail, mail.inReplyTo());
            if (status.isPresent()) {
                reportStatus(sender, status.get());
                log.record(mail, kept.sha256(), MailIntakeLog.Outcome.STATUS, status.get().documentId(), null, clock.instant());
                LOG.info("Mail {} from {} taken as status {} on document {}", mail.messageKey(), mail.fromAddress(),
                        status.get().statusCode(), status.get().documentId());
                return Result.STATUS;
            }
            IncomingDocument incoming = findEnvelope(mail)
                    .map(envelope -> byEdxml(mail, envelope, sourceReference))
                    .orElseGet(() -> asScannedLetter(sender, mail, sourceReference));
            IntakeReceipt receipt = intake(sender, incoming);
            MailIntakeLog.Outcome outcome = receipt.duplicate() ? MailIntakeLog.Outcome.DUPLICATE : MailIntakeLog.Outcome.ACCEPTED;
            log.record(mail, kept.sha256(), outcome, receipt.documentId(), null, clock.instant());
            LOG.info("Mail {} from {} taken as document {}{}", mail.messageKey(), mail.fromAddress(), receipt.documentId(),
                    receipt.duplicate() ? " (already known)" : "");
            return receipt.duplicate() ? Result.DUPLICATE : Result.ACCEPTED;
        } catch (RefusedException refusal) {
            Reason reason = refusal.reason();
            LOG.warn("Mail {} from {} ('{}') refused: {} {}; kept as blob {}", mail.messageKey(), mail.fromAddress(),
                    mail.subject(), reason.code(), reason.messageEn(), kept.sha256());
            log.record(mail, kept.sha256(), MailIntakeLog.Outcome.REFUSED, null, reason, clock.instant());
            reply(mail, reason);
            return Result.REFUSED;
        }
    }

    private Result refuseUnreadable(InboundMail mail, StoredBlob kept, Exception why) throws Exception {
        Optional<MailIntakeLog.Entry> known = log.find(mail.messageKey());
        if (known.isPresent()) {
            return takenBefore(mail, known.get());
        }
        Reason reason = ReasonCode.MAIL_UNREADABLE.with(why.getClass().getSimpleName() + ": " + why.getMessage());
        LOG.warn("Mail {} from {} ('{}') refused: {} {}; kept as blob {}", mail.messageKey(), mail.fromAddress(),
                mail.subject(), reason.code(), reason.messageEn(), kept.sha256());
        log.record(mail, kept.sha256(), MailIntakeLog.Outcome.REFUSED, null, reason, clock.instant());
        reply(mail, reason);
        return Result.REFUSED;
    }

    private Result takenBefore(InboundMail mail, MailIntakeLog.Entry entry) throws Exception {
        LOG.info("Mail {} was taken before ({}); not taken again", mail.messageKey(), entry.outcome());
        if (entry.outcome() == MailIntakeLog.Outcome.REFUSED && entry.replySentAt() == null) {
            reply(mail, entry.reason());
        }
        return Result.valueOf(entry.outcome().name());
    }

    private void reply(InboundMail mail, Reason reason) throws Exception {
        if (mail.automatic() || mail.replyAddress() == null) {
            // Answering a bounce or an automatic reply only makes mail loops; the message is kept and logged.
            LOG.info("Mail {} is automatic: refusal logged, not mailed", mail.messageKey());
            return;
        }
        mailServer.send(refusals.compose(mailServer.session(), mailServer.hubAddress(), mail, List.of(reason)));
        log.replySent(mail.messageKey(), clock.instant());
    }

    private static Optional<InboundMail.File> findEnvelope(InboundMail mail) {
        return mail.files().stream()
                .filter(file -> file.extension().equals("xml") || file.mediaType().endsWith("/xml"))
                .filter(file -> new String(file.bytes(), StandardCharsets.UTF_8).contains("edXMLEnvelope"))
                .findFirst();
    }

    private IncomingDocument byEdxml(InboundMail mail, InboundMail.File envelope, String sourceReference) {
        Document dom = edxml.dom(envelope.bytes());
        Map<String, String> listed = edxml.attachmentNames(dom);
        List<IncomingAttachment> attachments = new ArrayList<>();
        for (InboundMail.File file : mail.files()) {
            if (file == envelope) continue;
            String contentId = file.contentId() != null && listed.containsKey(file.contentId()) ? file.contentId()
                    : listed.entrySet().stream().filter(entry -> file.name().equals(entry.getValue()))
                            .map(Map.Entry::getKey).findFirst().orElse(file.name());
            attachments.add(new IncomingAttachment(contentId, file.name(), file.mediaType(), file.content()));
        }
        return new IncomingDocument(new ByteArrayResource(envelope.bytes()), attachments, sourceReference);
    }

    private IncomingDocument asScannedLetter(Agency sender, InboundMail mail, String sourceReference) {
        List<InboundMail.File> files = ScannedLetterReader.documentFiles(mail);
        if (files.isEmpty()) {
            throw RefusedException.because(ReasonCode.MAIL_WITHOUT_DOCUMENT);
        }
        Set<String> recipients = new LinkedHashSet<>();
        for (String address : mail.otherRecipients(mailServer.hubAddress())) {
            directory.byMailbox(address).ifPresent(agency -> recipients.add(agency.organId()));
        }
        recipients.addAll(mail.hubSubaddressTags(mailServer.hubAddress()).stream()
                .map(tag -> tag.toUpperCase(java.util.Locale.ROOT)).toList());
        recipients.addAll(ScannedLetterReader.recipientsNamedInText(mail));
        recipients.remove(sender.organId());
        if (recipients.isEmpty()) {
            throw RefusedException.because(ReasonCode.MAIL_WITHOUT_RECIPIENT, mailServer.hubAddress());
        }
        // The same mail read twice is the same document, whatever happened in between.
        String documentId = "thu-" + UUID.nameUUIDFromBytes(mail.messageKey().getBytes(StandardCharsets.UTF_8));
        byte[] envelope = scannedLetters.envelope(sender, mail, List.copyOf(recipients), documentId);
        List<IncomingAttachment> attachments = files.stream()
                .map(file -> new IncomingAttachment(ScannedLetterReader.contentIdOf(file, files), file.name(),
                        file.mediaType(), file.content()))
                .toList();
        return new IncomingDocument(new ByteArrayResource(envelope), attachments, sourceReference);
    }

    private void reportStatus(Agency reporter, StatusReplyReader.StatusReply status) {
        try {
            camel.requestBodyAndHeaders(HubEndpoints.STATUS, status.statusMessage(),
                    Map.of(HubEndpoints.CALLER, reporter, HubEndpoints.DOCUMENT_ID, status.documentId()));
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RefusedException refusal) throw refusal;
            throw e;
        }
    }

    private IntakeReceipt intake(Agency sender, IncomingDocument incoming) {
        try {
            return camel.requestBodyAndHeader(HubEndpoints.INTAKE, incoming, HubEndpoints.CALLER, sender, IntakeReceipt.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RefusedException refusal) throw refusal;
            throw e;
        }
    }
}
