package vn.gov.hanoi.lienthong.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMailUtil;

import vn.gov.hanoi.lienthong.schemas.ws.types.AttachmentPart;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.StatusMessage;

/**
 * The three recipients of every benchmark document, as their systems behave: the push recipient's system
 * takes the hub's call and reports 01 (received); the pull recipient's system polls for pending documents,
 * fetches each, keeps it and reports 01; the e-mail recipient's mailbox takes the letter (and, when asked,
 * its clerk answers some letters with a status by mail). Each records when every document first reached it
 * and how many times it came, which is what the results are computed from.
 */
final class Recipients implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Recipients.class);
    private static final OffsetDateTime STATUS_TIME = OffsetDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneOffset.UTC);

    /** Hub document id → nanoTime when it first arrived, per recipient. */
    final Map<String, Long> pushArrivals = new ConcurrentHashMap<>();
    final Map<String, Long> pullArrivals = new ConcurrentHashMap<>();
    final Map<String, Long> mailArrivals = new ConcurrentHashMap<>();
    /** Hub document id → the Message-IDs of the letters that carried it (two different ones: a duplicate letter). */
    final Map<String, Set<String>> mailMessageIds = new ConcurrentHashMap<>();
    final AtomicInteger mailLetters = new AtomicInteger();
    /** Statuses the recipients issued, by hub document id → the codes' reporters. */
    final Map<String, Set<String>> statusesIssued = new ConcurrentHashMap<>();

    private final BenchCity city;
    private final Map<String, String> senderDocumentIds;
    private final int mailStatusEvery;
    private final ExecutorService statusReporters = Executors.newFixedThreadPool(2);
    private final ExecutorService loops = Executors.newFixedThreadPool(2);
    private static final int PULL_WORKERS = 4;
    private final ExecutorService pullWorkers = Executors.newFixedThreadPool(PULL_WORKERS);
    private final Supplier<String> hubServiceUrl;
    private final ThreadLocal<HubClient> pushRecipientClient;
    private volatile boolean running = true;

    /**
     * @param senderDocumentIds hub document id → the sender's document id, filled by the load as the hub accepts
     * @param mailStatusEvery   the clerk answers every n-th letter with status 01 by mail; 0: never
     * @param hubServiceUrl     where the hub's SOAP service is now (it moves only if the hub is restarted elsewhere)
     */
    Recipients(BenchCity city, Map<String, String> senderDocumentIds, int mailStatusEvery, Supplier<String> hubServiceUrl) {
        this.city = city;
        this.senderDocumentIds = senderDocumentIds;
        this.mailStatusEvery = mailStatusEvery;
        this.hubServiceUrl = hubServiceUrl;
        this.pushRecipientClient = ThreadLocal.withInitial(() -> client(BenchCity.PUSH_RECIPIENT));
        city.pushRecipientSystem.onFirstReceipt(document -> {
            pushArrivals.putIfAbsent(document.documentId(), System.nanoTime());
            statusReporters.submit(() -> reportReceived(document.documentId(), BenchCity.PUSH_RECIPIENT,
                    pushRecipientClient::get));
        });
        loops.submit(this::pollAsPullRecipient);
        loops.submit(this::readMailbox);
    }

    private HubClient client(BenchCity.BenchAgency agency) {
        return new HubClient(hubServiceUrl.get(), agency.username(), agency.secret());
    }

    /**
     * Calls the pull recipient's system makes: pending → fetch each new one → report 01, until closed. Like a
     * document system with a few workers, it fetches {@value #PULL_WORKERS} documents at a time: one system fetching
     * one document after another would bound the whole city's rate by its own round trips.
     */
    private void pollAsPullRecipient() {
        HubClient lister = client(BenchCity.PULL_RECIPIENT);
        ThreadLocal<HubClient> fetchers = ThreadLocal.withInitial(() -> client(BenchCity.PULL_RECIPIENT));
        Set<String> reported = ConcurrentHashMap.newKeySet();
        Set<String> taking = ConcurrentHashMap.newKeySet();
        while (running) {
            try {
                int started = 0;
                for (String id : lister.pending()) {
                    if (reported.contains(id) || !taking.add(id)) continue;
                    started++;
                    pullWorkers.submit(() -> {
                        try {
                            pullArrivals.putIfAbsent(id, System.nanoTime());
                            for (AttachmentPart part : fetchers.get().fetch(id).getAttachment()) {
                                HubClient.sha256(part.getData()); // read to the end, as a system keeping the file does
                            }
                            if (reportReceived(id, BenchCity.PULL_RECIPIENT, fetchers::get)) reported.add(id);
                        } catch (Exception e) {
                            // The hub is down (a chaos kill) or restarting: the next listing offers the document again.
                            fetchers.set(client(BenchCity.PULL_RECIPIENT));
                        } finally {
                            taking.remove(id);
                        }
                    });
                }
                if (started == 0) Thread.sleep(100); // an idle system polls; a busy one drains
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // The hub is down (a chaos kill) or restarting: poll again shortly, as a real system would.
                pause(200);
                lister = client(BenchCity.PULL_RECIPIENT);
            }
        }
    }

    /** Takes the letters out of the e-mail recipient's mailbox as they come, noting each one's document. */
    private void readMailbox() {
        MailFolder inbox;
        try {
            inbox = city.mailServer.getManagers().getImapHostManager().getInbox(
                    city.mailServer.getManagers().getUserManager().getUser(BenchCity.MAIL_RECIPIENT_LOGIN));
        } catch (Exception e) {
            throw new IllegalStateException("the e-mail recipient has no mailbox", e);
        }
        while (running) {
            try {
                List<StoredMessage> letters = snapshot(inbox);
                for (StoredMessage stored : letters) {
                    takeLetter(stored);
                    // Read letters leave the server, so that a long run does not hold them all in memory.
                    inbox.replaceFlags(new Flags(Flags.Flag.DELETED), stored.getUid(), null, true);
                }
                if (!letters.isEmpty()) inbox.expunge();
                Thread.sleep(letters.isEmpty() ? 50 : 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // A letter the drainer could not take stays in the mailbox and is taken on the next pass.
                LOG.error("the e-mail recipient's mailbox could not be read; reading it again", e);
                pause(200);
            }
        }
    }

    /** The folder's list grows while the hub's letters arrive; a copy taken between two arrivals. */
    private static List<StoredMessage> snapshot(MailFolder inbox) {
        while (true) {
            try {
                return new ArrayList<>(inbox.getMessages());
            } catch (java.util.ConcurrentModificationException arrivedMeanwhile) {
                Thread.onSpinWait();
            }
        }
    }

    private void takeLetter(StoredMessage stored) throws Exception {
        MimeMessage letter = stored.getMimeMessage();
        String[] documentId = letter.getHeader("X-LienThong-Document-Id");
        if (documentId == null) return;
        String id = documentId[0];
        // GreenMail stamps the time it stored the letter: when the mailbox had it.
        long arrivedAgoNanos = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - stored.getReceivedDate().getTime());
        mailArrivals.putIfAbsent(id, System.nanoTime() - arrivedAgoNanos);
        mailMessageIds.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(letter.getMessageID());
        if (mailStatusEvery > 0 && mailLetters.incrementAndGet() % mailStatusEvery == 0) {
            answerWithStatus(letter, id);
        } else if (mailStatusEvery == 0) {
            mailLetters.incrementAndGet();
        }
    }

    /** The clerk's answer, as StatusReplyReader expects it: a reply with "Trạng thái: 01". */
    private void answerWithStatus(MimeMessage letter, String documentId) throws Exception {
        Session session = GreenMailUtil.getSession(city.mailServer.getSmtp().getServerSetup());
        MimeMessage reply = (MimeMessage) letter.reply(false);
        reply.setFrom(new InternetAddress(BenchCity.MAIL_RECIPIENT_MAILBOX));
        reply.setText("Trạng thái: 01\nGhi chú: Đã nhận\n", "UTF-8");
        reply.saveChanges();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(reply, reply.getAllRecipients());
        }
        statusesIssued.computeIfAbsent(documentId, k -> ConcurrentHashMap.newKeySet()).add(BenchCity.MAIL_RECIPIENT.organId());
    }

    /** Reports 01 for a document; false when the hub could not take it now (it is asked again later). */
    private boolean reportReceived(String documentId, BenchCity.BenchAgency reporter, Supplier<HubClient> client) {
        for (int attempt = 0; running; attempt++) {
            String senderDocumentId = senderDocumentIds.get(documentId);
            if (senderDocumentId == null) {
                // The document reached us before its sender had the hub's answer: wait for it.
                pause(50);
                continue;
            }
            try {
                client.get().updateStatus(documentId, StatusMessage.of(reporter.organId(), BenchCity.SENDER.organId(),
                        senderDocumentId, "01", "Đã nhận", STATUS_TIME));
                statusesIssued.computeIfAbsent(documentId, k -> ConcurrentHashMap.newKeySet()).add(reporter.organId());
                return true;
            } catch (Exception e) {
                if (attempt > 600) {
                    LOG.warn("status 01 of {} by {} not taken: {}", documentId, reporter.organId(), e.toString());
                    return false;
                }
                pause(200);
            }
        }
        return false;
    }

    /** Every status a recipient issued, as "hub document id/reporter's organ code/01". */
    Set<String> issuedStatusKeys() {
        Set<String> keys = new java.util.HashSet<>();
        statusesIssued.forEach((documentId, reporters) -> reporters.forEach(reporter -> keys.add(documentId + "/" + reporter + "/01")));
        return keys;
    }

    /** Statuses the sender's system has received from the hub so far. */
    long statusesAtSender() {
        return city.senderSystem.statuses().size();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        loops.shutdownNow();
        pullWorkers.shutdownNow();
        statusReporters.shutdownNow();
        loops.awaitTermination(10, TimeUnit.SECONDS);
        pullWorkers.awaitTermination(10, TimeUnit.SECONDS);
        statusReporters.awaitTermination(10, TimeUnit.SECONDS);
    }
}
