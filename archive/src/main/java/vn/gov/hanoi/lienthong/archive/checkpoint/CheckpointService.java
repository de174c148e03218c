package vn.gov.hanoi.lienthong.archive.checkpoint;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.hanoi.lienthong.core.record.Ledger;
import vn.gov.hanoi.lienthong.core.signature.HubSigner;

/**
 * Closes the ledger into checkpoints. Sealing never waits for the time-stamping authority: a checkpoint is signed
 * and stored in one transaction, and its timestamp asked for after, so that an authority that is down delays
 * nothing of the exchange — the checkpoints of that time wait for their tokens, oldest first, and get them when it
 * is back (X-Road's message log stops exchanging instead, its users' most repeated complaint). The alert
 * TIMESTAMPING_UNREACHABLE (operations) is raised while a checkpoint waits after a failed attempt.
 */
@Service
public class CheckpointService {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointService.class);
    private static final String NO_PREVIOUS_ROOT = "0".repeat(64);
    private static final int TIMESTAMPS_PER_PASS = 100;

    private final Ledger ledger;
    private final CheckpointStore checkpoints;
    private final HubSigner signer;
    private final TimestampAuthority authority;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private volatile boolean authorityFailing;

    public CheckpointService(Ledger ledger, CheckpointStore checkpoints, HubSigner signer, TimestampAuthority authority,
                             TransactionTemplate transaction, Clock clock) {
        this.ledger = ledger;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.authority = authority;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The timer's pass: a checkpoint over what was entered since the last one, then the waiting timestamps. */
    public void sealAndTimestamp() {
        seal();
        timestampWaiting();
    }

    /**
     * Seals a checkpoint over the entries since the last one, if there are any.
     *
     * @return the new checkpoint; empty when nothing was entered since the last one
     */
    public Optional<Checkpoint> seal() {
        // The head read under the append lock in a transaction of its own: every entry up to it is committed, and
        // appends wait only for this read, not for the hashing below.
        long head = transaction.execute(tx -> ledger.lockedHead());
        return transaction.execute(tx -> {
            checkpoints.lockForSealing();
            Optional<Checkpoint> last = checkpoints.last();
            long after = last.map(Checkpoint::lastSeq).orElse(0L);
            if (head <= after) return Optional.<Checkpoint>empty();
            List<Ledger.LedgerEntry> entries = ledger.entries(after, head);
            MerkleTree tree = new MerkleTree(entries.stream().map(Ledger.LedgerEntry::entryHash).toList());
            long number = last.map(Checkpoint::number).orElse(0L) + 1;
            String previousRoot = last.map(Checkpoint::merkleRoot).orElse(NO_PREVIOUS_ROOT);
            Instant sealedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            long first = entries.get(0).seq();
            long lastSeq = entries.get(entries.size() - 1).seq();
            byte[] signed = CheckpointXml.signed(signer, number, first, lastSeq, tree.rootHex(), previousRoot,
                    entries.get(entries.size() - 1).entryHash(), sealedAt);
            Checkpoint checkpoint = new Checkpoint(number, first, lastSeq, tree.rootHex(), previousRoot, sealedAt,
                    signed, null, null, 0, null);
            checkpoints.insert(checkpoint);
            LOG.info("Checkpoint {} sealed: ledger entries {} to {}, root {}", number, first, lastSeq, tree.rootHex());
            return Optional.of(checkpoint);
        });
    }

    /**
     * Asks the authority for the tokens of the checkpoints still without one, oldest first, and stops at the first
     * failure (the next pass tries again). Nothing to do when no authority is configured.
     *
     * @return how many checkpoints got their token
     */
    public int timestampWaiting() {
        if (!authority.configured()) return 0;
        int stamped = 0;
        for (Checkpoint checkpoint : checkpoints.waitingForTimestamp(TIMESTAMPS_PER_PASS)) {
            Instant now = clock.instant();
            try {
                byte[] token = authority.timestamp(checkpoint.signedCheckpoint());
                transaction.executeWithoutResult(tx -> checkpoints.timestamped(checkpoint.number(), token, now));
                stamped++;
            } catch (Exception e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                transaction.executeWithoutResult(tx -> checkpoints.timestampFailed(checkpoint.number(), error, now));
                if (!authorityFailing) {
                    LOG.warn("The time-stamping authority {} gave no token for checkpoint {} ({}): the exchange goes on, "
                            + "the checkpoints wait for their timestamps", authority.url(), checkpoint.number(), error);
                }
                authorityFailing = true;
                return stamped;
            }
        }
        if (authorityFailing && stamped > 0) {
            LOG.info("The time-stamping authority {} answers again: {} waiting checkpoint(s) timestamped", authority.url(), stamped);
        }
        authorityFailing = false;
        return stamped;
    }
}
