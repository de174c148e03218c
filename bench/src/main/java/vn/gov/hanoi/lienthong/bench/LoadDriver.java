package vn.gov.hanoi.lienthong.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

import vn.gov.hanoi.lienthong.testkit.client.HubClient;

/**
 * Sends the benchmark's letters to the hub as Sở Nội vụ's system does (SOAP, MTOM), either as fast as a fixed
 * number of senders can (closed loop) or at a fixed rate (open loop: each letter has its due time, and its
 * accept latency counts from that time, so a stalled hub is not hidden by senders that wait), and works out
 * a phase's figures from the recipients' side.
 */
final class LoadDriver {

    /** One phase's figures; latencies in microseconds. */
    record Phase(String name, double seconds, long accepted, long refused, long delivered, double acceptedPerSecond,
                 double deliveredPerSecond, Histogram accept, Histogram endToEnd, Map<String, Histogram> endToEndByRecipient,
                 long undelivered, double hubCores, double benchCores, long maxHeapBytes, double hopsPerDocument) {
    }

    /** Hub document id → when its letter was due (nanoTime). */
    private final Map<String, Long> dueTimes = new ConcurrentHashMap<>();
    private final Map<String, String> senderDocumentIds;
    private final BenchLetters letters;
    private final HubProcess hub;
    private final Recipients recipients;
    private final AtomicLong numbers = new AtomicLong();

    LoadDriver(HubProcess hub, BenchLetters letters, Recipients recipients, Map<String, String> senderDocumentIds) {
        this.hub = hub;
        this.letters = letters;
        this.recipients = recipients;
        this.senderDocumentIds = senderDocumentIds;
    }

    /** Closed loop: {@code senders} senders, each sending its next letter as soon as the last was accepted. */
    Phase closedLoop(String name, int senders, double seconds, double drainSeconds) throws Exception {
        return run(name, seconds, drainSeconds, (accepted, refused, acceptLatency, phaseIds) -> {
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            long end = System.nanoTime() + (long) (seconds * 1e9);
            for (int s = 0; s < senders; s++) {
                pool.submit(() -> {
                    HubClient client = senderClient();
                    while (System.nanoTime() < end) {
                        send(client, System.nanoTime(), accepted, refused, acceptLatency, phaseIds);
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination((long) seconds + 120, TimeUnit.SECONDS);
        });
    }

    /** Open loop: one letter due every 1/rate s, sent by whichever of {@code senders} senders is free. */
    Phase openLoop(String name, double rate, int senders, double seconds, double drainSeconds) throws Exception {
        return run(name, seconds, drainSeconds, (accepted, refused, acceptLatency, phaseIds) -> {
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            ThreadLocal<HubClient> clients = ThreadLocal.withInitial(this::senderClient);
            long start = System.nanoTime();
            long count = (long) (rate * seconds);
            for (long k = 0; k < count; k++) {
                long due = start + (long) (k * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                pool.submit(() -> send(clients.get(), due, accepted, refused, acceptLatency, phaseIds));
            }
            pool.shutdown();
            pool.awaitTermination(300, TimeUnit.SECONDS);
        });
    }

    private interface Load {
        void drive(AtomicLong accepted, AtomicLong refused, Histogram acceptLatency, List<String> phaseIds) throws Exception;
    }

    private HubClient senderClient() {
        return new HubClient(hub.serviceUrl(), BenchCity.SENDER.username(), BenchCity.SENDER.secret());
    }

    private void send(HubClient client, long due, AtomicLong accepted, AtomicLong refused, Histogram acceptLatency,
                      List<String> phaseIds) {
        BenchLetters.Letter letter = letters.letter(numbers.incrementAndGet());
        try {
            String id = client.send(letter.envelope(), letter.pdf()).getDocumentId();
            long now = System.nanoTime();
            senderDocumentIds.put(id, letter.senderDocumentId());
            dueTimes.put(id, due);
            synchronized (acceptLatency) {
                acceptLatency.recordValue(Math.max(1, (now - due) / 1000));
                phaseIds.add(id);
            }
            accepted.incrementAndGet();
        } catch (Exception e) {
            refused.incrementAndGet();
        }
    }

    private Phase run(String name, double seconds, double drainSeconds, Load load) throws Exception {
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        Histogram acceptLatency = new Histogram(3_600_000_000L, 3);
        List<String> phaseIds = new ArrayList<>();
        double hopsBefore = hub.metric("artemis.messages.added");
        long statusesBefore = recipients.statusesAtSender();
        double hubCpuBefore = hub.cpuSeconds();
        long benchCpuBefore = benchCpuNanos();
        AtomicLong maxHeap = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread heapSampler = new Thread(() -> {
            while (sampling.get()) {
                maxHeap.accumulateAndGet(hub.heapUsedBytes(), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        heapSampler.start();
        long start = System.nanoTime();
        load.drive(accepted, refused, acceptLatency, phaseIds);
        long end = System.nanoTime();
        double elapsed = (end - start) / 1e9;
        double hubCores = (hub.cpuSeconds() - hubCpuBefore) / elapsed;
        double benchCores = (benchCpuNanos() - benchCpuBefore) / 1e9 / elapsed;

        // Drain: every letter of the phase reaches its three recipients, and their statuses the sender.
        List<String> ids;
        synchronized (acceptLatency) {
            ids = List.copyOf(phaseIds);
        }
        long drainDeadline = System.nanoTime() + (long) (drainSeconds * 1e9);
        // The push and pull recipients' 01 statuses for every document of the phase reach the sender's system.
        while (System.nanoTime() < drainDeadline
                && !(allDelivered(ids) && recipients.statusesAtSender() >= statusesBefore + 2L * ids.size())) {
            Thread.sleep(100);
        }
        sampling.set(false);
        heapSampler.join();
        double hopsPerDocument = ids.isEmpty() ? 0 : (hub.metric("artemis.messages.added") - hopsBefore) / ids.size();

        Histogram endToEnd = new Histogram(3_600_000_000L, 3);
        Map<String, Histogram> byRecipient = new java.util.LinkedHashMap<>();
        byRecipient.put("push", new Histogram(3_600_000_000L, 3));
        byRecipient.put("pull", new Histogram(3_600_000_000L, 3));
        byRecipient.put("e-mail", new Histogram(3_600_000_000L, 3));
        long delivered = 0;
        long deliveredInWindow = 0;
        for (String id : ids) {
            long due = dueTimes.get(id);
            Long push = recipients.pushArrivals.get(id);
            Long pull = recipients.pullArrivals.get(id);
            Long mail = recipients.mailArrivals.get(id);
            if (push != null) byRecipient.get("push").recordValue(Math.max(1, (push - due) / 1000));
            if (pull != null) byRecipient.get("pull").recordValue(Math.max(1, (pull - due) / 1000));
            if (mail != null) byRecipient.get("e-mail").recordValue(Math.max(1, (mail - due) / 1000));
            if (push != null && pull != null && mail != null) {
                long last = Math.max(push, Math.max(pull, mail));
                endToEnd.recordValue(Math.max(1, (last - due) / 1000));
                delivered++;
                if (last <= end) deliveredInWindow++;
            }
        }
        return new Phase(name, elapsed, accepted.get(), refused.get(), delivered, accepted.get() / elapsed,
                deliveredInWindow / elapsed, acceptLatency, endToEnd, byRecipient, ids.size() - delivered, hubCores,
                benchCores, maxHeap.get(), hopsPerDocument);
    }

    private boolean allDelivered(List<String> ids) {
        for (String id : ids) {
            if (!recipients.pushArrivals.containsKey(id) || !recipients.pullArrivals.containsKey(id)
                    || !recipients.mailArrivals.containsKey(id)) {
                return false;
            }
        }
        return true;
    }

    private static long benchCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
