package vn.gov.hanoi.lienthong.core.metrics;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The hub's business meters, counted where things happen (Prometheus names: lienthong_documents_accepted_total…).
 * One place names them, so the dashboard, the alert rules and the code agree.
 *
 * <p>A counter is not a record: an increment inside a transaction that then rolls back stays counted (the
 * broker redelivers, and the next attempt counts again). The records are the database's; the meters say how
 * busy and how healthy the flow is.
 */
public final class HubMeters {

    public static final String DOCUMENTS_ACCEPTED = "lienthong.documents.accepted";
    public static final String DOCUMENTS_REFUSED = "lienthong.documents.refused";
    public static final String DELIVERIES_COMPLETED = "lienthong.deliveries.completed";
    public static final String DELIVERY_ATTEMPTS_FAILED = "lienthong.delivery.attempts.failed";
    public static final String STATUSES_RECORDED = "lienthong.statuses.recorded";
    public static final String SIGNATURES_VERIFIED = "lienthong.signatures.verified";
    public static final String REVOCATION_CHECKS = "lienthong.revocation.checks";

    private final MeterRegistry registry;

    public HubMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters that go nowhere, for a part used on its own (a unit test, a tool). */
    public static HubMeters none() {
        return new HubMeters(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** A new document recorded (a resend of a known one is not counted again). */
    public void documentAccepted() {
        registry.counter(DOCUMENTS_ACCEPTED).increment();
    }

    /**
     * A refusal, by where it happened — {@code door} (the request was answered with a reason code) or
     * {@code inspection} (the document was recorded, then rejected) — and by reason code.
     */
    public void refused(String stage, String reasonCode) {
        registry.counter(DOCUMENTS_REFUSED, "stage", stage, "reason", reasonCode).increment();
    }

    /** A delivery reached its final state: DELIVERED or FAILED, over a channel (soap-push, pull, email…). */
    public void deliveryCompleted(String channel, String state) {
        registry.counter(DELIVERIES_COMPLETED, "channel", channel, "state", state).increment();
    }

    /** One push that did not reach the recipient's system (it is retried). */
    public void deliveryAttemptFailed(String channel, String recipientOrganId) {
        registry.counter(DELIVERY_ATTEMPTS_FAILED, "channel", channel, "recipient", recipientOrganId).increment();
    }

    /** A status recorded (a resend of the same one is not counted again). */
    public void statusRecorded(String code) {
        registry.counter(STATUSES_RECORDED, "code", code).increment();
    }

    /** A signature's verdict: {@code envelope} (XML-DSig) or {@code attachment} (PAdES, CAdES). */
    public void signatureVerified(String kind, String verdict) {
        registry.counter(SIGNATURES_VERIFIED, "kind", kind, "verdict", verdict.toUpperCase(Locale.ROOT)).increment();
    }

    /** A question to a revocation source ({@code ocsp}, {@code crl}): answered, or not. */
    public void revocationChecked(String source, String outcome) {
        registry.counter(REVOCATION_CHECKS, "source", source, "outcome", outcome).increment();
    }
}
