package vn.gov.hanoi.lienthong.connectors.email;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Properties;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * One poll of the hub's mailbox over IMAP. Every message is addressed by its UID, never by its sequence
 * number: an operator who expunges mail from the same mailbox while the hub polls shifts the sequence numbers
 * under the poller, and a message taken by number could be another one (a letter filed in Refused, an empty
 * message refused). A message is only peeked at while it is taken; it is filed (moved, or marked seen) once
 * the intake has returned, so a hub that dies mid-poll finds it again and the intake recognises it. A message
 * is read whole in one UID FETCH (Jakarta Mail's own reading goes by sequence number, in 16 KiB pieces: a
 * 41 MiB scan took 2 627 round trips, three minutes); small messages are taken first, so that a large scan does
 * not hold up the letters behind it.
 */
@Component
@ConditionalOnProperty(name = "hub.mail.imap.enabled", havingValue = "true")
public class MailboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);

    private final MailIntakeService intake;
    private final Session session;
    private final String protocol;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String folderName;
    private final int maxMessagesPerPoll;
    /** While the pipeline's backlog is full the mailbox keeps its letters: they are taken when it drains. */
    private final vn.gov.hanoi.lienthong.core.intake.IntakeAdmission admission;
    private final String acceptedFolder;
    private final String refusedFolder;

    public MailboxPoller(MailIntakeService intake, vn.gov.hanoi.lienthong.core.intake.IntakeAdmission admission,
                         @Value("${hub.mail.imap.protocol:imap}") String protocol,
                         @Value("${hub.mail.imap.host}") String host,
                         @Value("${hub.mail.imap.port:143}") int port,
                         @Value("${hub.mail.imap.username}") String username,
                         @Value("${hub.mail.imap.password}") String password,
                         @Value("${hub.mail.imap.folder:INBOX}") String folderName,
                         @Value("${hub.mail.imap.max-messages-per-poll:50}") int maxMessagesPerPoll,
                         @Value("${hub.mail.imap.accepted-folder:}") String acceptedFolder,
                         @Value("${hub.mail.imap.refused-folder:}") String refusedFolder,
                         @Value("${hub.mail.imap.timeout:60s}") java.time.Duration timeout) {
        this.intake = intake;
        EmailConfiguration.skipStreamProviderSearch();
        this.admission = admission;
        this.protocol = protocol;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.folderName = folderName;
        this.maxMessagesPerPoll = maxMessagesPerPoll;
        this.acceptedFolder = acceptedFolder;
        this.refusedFolder = refusedFolder;
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", Long.toString(timeout.toMillis()));
        properties.put("mail." + protocol + ".timeout", Long.toString(timeout.toMillis()));
        this.session = Session.getInstance(properties);
    }

    /**
     * Whether the last poll reached the mailbox: the mail channel's health. The city's mail server being away is
     * not the hub's failure: the letters wait on it, the exchange goes on, and the poller tries again.
     */
    public record Reach(boolean reached, java.time.Instant at, String problem, int failuresInARow) {
    }

    private volatile Reach reach = new Reach(true, null, null, 0);

    public Reach reach() {
        return reach;
    }

    /** Takes the unseen messages of the mailbox, smallest first; returns how many it took. */
    public int poll() throws MessagingException {
        Store store = session.getStore(protocol);
        try {
            store.connect(host, port, username, password);
        } catch (MessagingException unreachable) {
            Reach before = reach;
            reach = new Reach(false, java.time.Instant.now(), unreachable.getMessage(), before.failuresInARow() + 1);
            // One line when it starts and one every hundred polls while it lasts, not one per poll.
            if (before.reached() || reach.failuresInARow() % 100 == 0) {
                LOG.warn("The hub's mailbox {}@{}:{} cannot be reached ({} poll(s) in a row): {}", username, host, port,
                        reach.failuresInARow(), unreachable.getMessage());
            }
            return 0;
        }
        if (!reach.reached()) {
            LOG.info("The hub's mailbox {}@{}:{} is reachable again after {} failed poll(s)", username, host, port,
                    reach.failuresInARow());
        }
        reach = new Reach(true, java.time.Instant.now(), null, 0);
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(folderName);
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                FetchProfile profile = new FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);
                profile.add(FetchProfile.Item.SIZE);
                folder.fetch(unseen, profile);
                long[] uids = Arrays.stream(unseen).filter(message -> !message.isExpunged())
                        .sorted(Comparator.comparingInt(MailboxPoller::size))
                        .limit(maxMessagesPerPoll)
                        .mapToLong(message -> uid(folder, message)).filter(uid -> uid >= 0).toArray();
                int taken = 0;
                for (long uid : uids) {
                    if (admission.full()) {
                        LOG.info("The pipeline's backlog is full: {} letter(s) stay in the mailbox until it drains", uids.length - taken);
                        break;
                    }
                    if (take(store, folder, uid)) taken++;
                }
                return taken;
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    private boolean take(Store store, IMAPFolder folder, long uid) throws MessagingException {
        byte[] raw = fetchByUid(folder, uid);
        if (raw == null) {
            LOG.info("Message UID {} left the mailbox before it was taken (expunged by someone else); nothing taken", uid);
            return false;
        }
        MailIntakeService.Result result;
        try {
            result = intake.take(new MimeMessage(session, new java.io.ByteArrayInputStream(raw)));
        } catch (Exception e) {
            throw new MessagingException("message UID " + uid + " could not be taken", e);
        }
        if (result == MailIntakeService.Result.VANISHED) return false;
        file(store, folder, uid, result == MailIntakeService.Result.REFUSED ? refusedFolder : acceptedFolder);
        return true;
    }

    /**
     * The message's bytes, read by UID without marking it seen; null when no message has that UID any more.
     * Jakarta Mail reads a message's content by its sequence number, which another session's expunge can shift.
     */
    private static byte[] fetchByUid(IMAPFolder folder, long uid) throws MessagingException {
        return (byte[]) folder.doCommand(protocol -> {
            Response[] responses = protocol.command("UID FETCH " + uid + " (UID BODY.PEEK[])", null);
            byte[] body = null;
            java.util.List<Response> others = new java.util.ArrayList<>();
            for (Response response : responses) {
                if (response instanceof FetchResponse fetch && fetch.getItem(BODY.class) != null) {
                    UID fetched = fetch.getItem(UID.class);
                    if (fetched != null && fetched.uid == uid) body = fetch.getItem(BODY.class).getByteArray().getNewBytes();
                } else {
                    others.add(response);
                }
            }
            protocol.notifyResponseHandlers(others.toArray(new Response[0]));
            protocol.handleResult(responses[responses.length - 1]);
            return body;
        });
    }

    /** Files a taken message by its UID: moved to its folder where one is configured, else marked seen. */
    private void file(Store store, IMAPFolder folder, long uid, String target) throws MessagingException {
        if (target == null || target.isBlank()) {
            uidCommand(folder, "UID STORE " + uid + " +FLAGS.SILENT (\\Seen)");
            return;
        }
        Folder destination = store.getFolder(target);
        if (!destination.exists()) destination.create(Folder.HOLDS_MESSAGES);
        String mailbox = "\"" + BASE64MailboxEncoder.encode(target).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        IMAPStore imap = (IMAPStore) store;
        if (imap.hasCapability("MOVE")) {
            uidCommand(folder, "UID MOVE " + uid + " " + mailbox);
            return;
        }
        uidCommand(folder, "UID COPY " + uid + " " + mailbox);
        uidCommand(folder, "UID STORE " + uid + " +FLAGS.SILENT (\\Seen \\Deleted)");
        if (imap.hasCapability("UIDPLUS")) {
            uidCommand(folder, "UID EXPUNGE " + uid); // this message only
        }
    }

    private static void uidCommand(IMAPFolder folder, String command) throws MessagingException {
        folder.doCommand(protocol -> {
            Response[] responses = protocol.command(command, null);
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return null;
        });
    }

    private static int size(Message message) {
        try {
            return message.getSize();
        } catch (MessagingException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static long uid(IMAPFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            return -1;
        }
    }
}
