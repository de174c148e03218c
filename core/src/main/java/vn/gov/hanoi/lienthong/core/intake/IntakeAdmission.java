package vn.gov.hanoi.lienthong.core.intake;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jmx.export.annotation.ManagedAttribute;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.document.DocumentStore;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/**
 * Admission at the door. When more arrives than the pipeline can carry, the documents taken in pile up in front
 * of inspection; past {@code hub.intake.max-backlog} documents still in the pipeline, a system's new document is
 * refused before any of its work is done, with {@code HUB_BUSY} — a refusal the sender retries after
 * {@code hub.intake.retry-after} (REST: 503 with Retry-After). What is refused was never taken; what was taken
 * goes on through the pipeline as ever: nothing accepted is lost, and the door's own work stays bounded by what
 * the pipeline drains, so accepting cannot starve inspection.
 *
 * <p>Mail is not refused: the mailbox holds it, and the poller takes no more while the backlog is full
 * ({@link #full()}). The backlog is counted in the database (a partial index) at most every
 * {@value #RECOUNT_MILLIS} ms, so the bound is a soft one by what arrives in that time. Operators can read the
 * backlog and change the bound at run time from Hawtio (JMX {@code lienthong:type=IntakeAdmission}).
 */
@Component
@ManagedResource(objectName = "lienthong:type=IntakeAdmission",
        description = "Admission at the door: documents in the pipeline, and the bound past which new ones are refused (HUB_BUSY)")
public class IntakeAdmission {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeAdmission.class);
    static final long RECOUNT_MILLIS = 200;

    private final DocumentStore documents;
    private final Duration retryAfter;
    private volatile int maxBacklog;
    private volatile long backlog;
    /** When the backlog is next counted (System.nanoTime): due from the start. */
    private volatile long nextCountAt = System.nanoTime();
    private final AtomicLong refusedWhileFull = new AtomicLong();
    private volatile boolean wasFull;

    public IntakeAdmission(DocumentStore documents, MeterRegistry meters,
                           @Value("${hub.intake.max-backlog:1000}") int maxBacklog,
                           @Value("${hub.intake.retry-after:30s}") Duration retryAfter) {
        this.documents = documents;
        this.maxBacklog = maxBacklog;
        this.retryAfter = retryAfter;
        Gauge.builder("lienthong.intake.backlog", this, IntakeAdmission::getBacklog)
                .description("Documents taken in and not yet dispatched (received, accepted, recorded)")
                .register(meters);
        Gauge.builder("lienthong.intake.backlog.max", this, admission -> admission.maxBacklog)
                .description("The backlog past which the door refuses new documents (HUB_BUSY)")
                .register(meters);
    }

    /**
     * Lets the document in, or refuses it with HUB_BUSY when the backlog is full — unless a mailbox carried it
     * (its poller waits instead of refusing).
     */
    public void admit(IncomingDocument incoming) {
        if (incoming.sourceReference() != null) return;
        long waiting = backlog();
        int bound = maxBacklog;
        if (waiting >= bound) {
            long refused = refusedWhileFull.incrementAndGet();
            if (!wasFull) {
                wasFull = true;
                LOG.warn("The pipeline holds {} documents (bound {}): new documents are refused with HUB_BUSY until it drains", waiting, bound);
            }
            throw RefusedException.because(ReasonCode.HUB_BUSY, waiting, bound, retryAfter.toSeconds());
        }
        if (wasFull) {
            wasFull = false;
            LOG.info("The pipeline holds {} documents again (bound {}): the door takes documents; {} were refused meanwhile",
                    waiting, bound, refusedWhileFull.getAndSet(0));
        }
    }

    /** Whether the backlog has reached its bound: a mailbox poller takes no more mail while it has. */
    public boolean full() {
        return backlog() >= maxBacklog;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    private long backlog() {
        if (System.nanoTime() - nextCountAt >= 0) {
            synchronized (this) {
                if (System.nanoTime() - nextCountAt >= 0) {
                    backlog = documents.countInPipeline();
                    nextCountAt = System.nanoTime() + RECOUNT_MILLIS * 1_000_000;
                }
            }
        }
        return backlog;
    }

    @ManagedAttribute(description = "Documents taken in and not yet dispatched")
    public long getBacklog() {
        return backlog();
    }

    @ManagedAttribute(description = "The backlog past which new documents are refused with HUB_BUSY")
    public int getMaxBacklog() {
        return maxBacklog;
    }

    @ManagedAttribute(description = "Change the bound (until the hub restarts; hub.intake.max-backlog sets it for good)")
    public void setMaxBacklog(int maxBacklog) {
        if (maxBacklog < 1) throw new IllegalArgumentException("the bound must be at least 1");
        if (maxBacklog == this.maxBacklog) return;
        LOG.info("Admission bound changed from {} to {} documents in the pipeline", this.maxBacklog, maxBacklog);
        this.maxBacklog = maxBacklog;
        nextCountAt = System.nanoTime();
    }
}
