package vn.gov.hanoi.lienthong.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
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
                 long undelivered, double hubCores, double benchCores, long maxHeapBytes, double hopsPerDocument,
                 long startNanos, List<String> ids) {

        /** CPU of the hub per letter completed in the phase (at all three recipients), in ms. */
        double cpuMsPerDocument() {
            return deliveredPerSecond == 0 ? Double.NaN : hubCores * 1000 / deliveredPerSecond;
        }
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

    /**
     * Closed loop: {@code senders} senders, each sending its next letter as soon as the last was accepted and
     * fewer than {@code window} letters are on their way (accepted, not yet at all three recipients). The window
     * keeps the hub's queues short, so that the phase measures the rate the whole pipeline sustains rather than
     * the rate the door takes letters in while a backlog grows behind it.
     */
    Phase closedLoop(String name, int senders, int window, double seconds, double drainSeconds) throws Exception {
        return run(name, seconds, drainSeconds, (accepted, refused, acceptLatency, phaseIds) -> {
            Semaphore room = new Semaphore(window);
            Set<String> onTheirWay = ConcurrentHashMap.newKeySet();
            AtomicBoolean sending = new AtomicBoolean(true);
            Thread arrivals = new Thread(() -> {
                while (sending.get() || !onTheirWay.isEmpty()) {
                    for (String id : onTheirWay) {
                        if (deliveredToAll(id) && onTheirWay.remove(id)) room.release();
                    }
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "arrivals");
            arrivals.start();
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            long end = System.nanoTime() + (long) (seconds * 1e9);
            for (int s = 0; s < senders; s++) {
                pool.submit(() -> {
                    HubClient client = senderClient();
                    while (System.nanoTime() < end) {
                        if (!room.tryAcquire(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS)) break;
                        String id = send(client, System.nanoTime(), accepted, refused, acceptLatency, phaseIds);
                        if (id == null) room.release();
                        else onTheirWay.add(id);
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination((long) seconds + 120, TimeUnit.SECONDS);
            sending.set(false);
            arrivals.interrupt();
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

    /** Sends one letter; its hub id, or null when the hub refused it or could not be reached. */
    private String send(HubClient client, long due, AtomicLong accepted, AtomicLong refused, Histogram acceptLatency,
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
            return id;
        } catch (Exception e) {
            refused.incrementAndGet();
            return null;
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
        HeapSampler heapSampler = HeapSampler.start(hub, 1000);
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
        long drainEnd = System.nanoTime();
        heapSampler.close();
        double hopsPerDocument = ids.isEmpty() ? 0 : (hub.metric("artemis.messages.added") - hopsBefore) / ids.size();

        Histogram endToEnd = new Histogram(3_600_000_000L, 3);
        Map<String, Histogram> byRecipient = new java.util.LinkedHashMap<>();
        byRecipient.put("push", new Histogram(3_600_000_000L, 3));
        byRecipient.put("pull", new Histogram(3_600_000_000L, 3));
        byRecipient.put("e-mail", new Histogram(3_600_000_000L, 3));
        long delivered = 0;
        long deliveredInWindow = 0;
        for (String id : dueTimes.keySet()) {
            Long push = recipients.pushArrivals.get(id);
            Long pull = recipients.pullArrivals.get(id);
            Long mail = recipients.mailArrivals.get(id);
            if (push != null && pull != null && mail != null) {
                long last = Math.max(push, Math.max(pull, mail));
                if (last >= start && last <= end) deliveredInWindow++;
            }
        }
        for (String id : ids) {
            long due = dueTimes.get(id);
            Long push = recipients.pushArrivals.get(id);
            Long pull = recipients.pullArrivals.get(id);
            Long mail = recipients.mailArrivals.get(id);
            // A letter still on its way when the drain ends counts with the time it had waited by then: a lower
            // bound, so that a backlog the drain could not clear raises the percentiles instead of leaving them.
            byRecipient.get("push").recordValue(Math.max(1, ((push != null ? push : drainEnd) - due) / 1000));
            byRecipient.get("pull").recordValue(Math.max(1, ((pull != null ? pull : drainEnd) - due) / 1000));
            byRecipient.get("e-mail").recordValue(Math.max(1, ((mail != null ? mail : drainEnd) - due) / 1000));
            boolean toAll = push != null && pull != null && mail != null;
            long last = toAll ? Math.max(push, Math.max(pull, mail)) : drainEnd;
            endToEnd.recordValue(Math.max(1, (last - due) / 1000));
            if (toAll) delivered++;
        }
        return new Phase(name, elapsed, accepted.get(), refused.get(), delivered, accepted.get() / elapsed,
                deliveredInWindow / elapsed, acceptLatency, endToEnd, byRecipient, ids.size() - delivered, hubCores,
                benchCores, heapSampler.maxBytes(), hopsPerDocument, start, ids);
    }

    /** When each of these letters reached the last of its three recipients (System.nanoTime), for those that did. */
    long[] completions(List<String> ids) {
        return ids.stream().filter(this::deliveredToAll)
                .mapToLong(id -> Math.max(recipients.pushArrivals.get(id),
                        Math.max(recipients.pullArrivals.get(id), recipients.mailArrivals.get(id))))
                .sorted().toArray();
    }

    private boolean allDelivered(List<String> ids) {
        for (String id : ids) {
            if (!deliveredToAll(id)) return false;
        }
        return true;
    }

    private boolean deliveredToAll(String id) {
        return recipients.pushArrivals.containsKey(id) && recipients.pullArrivals.containsKey(id)
                && recipients.mailArrivals.containsKey(id);
    }

    private static long benchCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
