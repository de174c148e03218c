package vn.gov.hanoi.lienthong.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.simulator.ReceivedStatus;

/**
 * Crashes under load: while senders send {@code --documents} letters (each sent again until the hub answers,
 * as a sender without a receipt must), the hub is killed with SIGKILL at random moments and started again on
 * the same data; the push recipient's system is offline for most of the run. Afterwards the recipients' side
 * is checked: every accepted document reached every recipient, none twice as two different documents or two
 * different letters, and every status a recipient issued reached the sender.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = "SIGKILLs under load, a recipient offline; then lost / duplicated / delivered, from the recipients' side.")
final class ChaosCommand implements Callable<Integer> {

    @Option(names = "--hub-jar", defaultValue = "hub/target/lienthong-hub.jar", description = "the hub (default: ${DEFAULT-VALUE})")
    Path hubJar;
    @Option(names = "--work-dir", defaultValue = "bench/target/chaos", description = "data of the run, wiped first (default: ${DEFAULT-VALUE})")
    Path workDir;
    @Option(names = "--heap", defaultValue = "512m", description = "the hub's -Xmx (default: ${DEFAULT-VALUE})")
    String heap;
    @Option(names = "--documents", defaultValue = "10000", description = "letters to send (default: ${DEFAULT-VALUE})")
    int documents;
    @Option(names = "--kills", defaultValue = "3", description = "SIGKILLs during the load (default: ${DEFAULT-VALUE})")
    int kills;
    @Option(names = "--senders", defaultValue = "8", description = "concurrent senders (default: ${DEFAULT-VALUE})")
    int senders;
    @Option(names = "--pdf-kib", defaultValue = "16", description = "size of each letter's signed PDF (default: ${DEFAULT-VALUE})")
    int pdfKib;
    @Option(names = "--offline-until", defaultValue = "0.8",
            description = "the push recipient's system is offline until this share of the letters is accepted (default: ${DEFAULT-VALUE})")
    double offlineUntil;
    @Option(names = "--mail-status-every", defaultValue = "10",
            description = "the e-mail recipient's clerk answers every n-th letter with a status by mail (default: ${DEFAULT-VALUE})")
    int mailStatusEvery;
    @Option(names = "--drain-minutes", defaultValue = "20", description = "longest wait for the deliveries after the load (default: ${DEFAULT-VALUE})")
    double drainMinutes;
    @Option(names = "--seed", defaultValue = "57", description = "seed of the kill moments (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--results", defaultValue = "bench/results.json", description = "figures file to update; 'none' for none (default: ${DEFAULT-VALUE})")
    String results;

    /** What the recipients' side shows after the run. */
    record Report(int accepted, int killsDone, long deliveredPush, long deliveredPull, long deliveredMail, long lost,
                  long duplicated, long repeatedCalls, long statusesIssued, long statusesLost, long statusesRepeated,
                  long failedSenderCalls) {
    }

    @Override
    public Integer call() throws Exception {
        Report report = run();
        System.out.printf("%naccepted %d documents; %d SIGKILLs; the sender's calls that failed while the hub was down: %d%n",
                report.accepted(), report.killsDone(), report.failedSenderCalls());
        System.out.printf("delivered: push %d, pull %d, e-mail %d (each of %d)%n", report.deliveredPush(),
                report.deliveredPull(), report.deliveredMail(), report.accepted());
        System.out.printf("LOST %d, DUPLICATED %d; repeated pushes the receiver recognised by the document id: %d%n",
                report.lost(), report.duplicated(), report.repeatedCalls());
        System.out.printf("statuses issued by the recipients %d: lost %d, repeated (same status again) %d%n",
                report.statusesIssued(), report.statusesLost(), report.statusesRepeated());
        if (!"none".equals(results)) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("chaos_accepted", report.accepted());
            figures.put("chaos_kills", report.killsDone());
            figures.put("chaos_lost", report.lost());
            figures.put("chaos_duplicated", report.duplicated());
            figures.put("chaos_statuses_issued", report.statusesIssued());
            figures.put("chaos_statuses_lost", report.statusesLost());
            Results.update(Path.of(results), figures);
        }
        return report.lost() == 0 && report.duplicated() == 0 && report.statusesLost() == 0 ? 0 : 1;
    }

    Report run() throws Exception {
        Bench.wipe(workDir);
        Map<String, String> senderDocumentIds = new ConcurrentHashMap<>();
        /* The sender's document id → every hub id the hub answered with (two: the hub took a resend as new). */
        Map<String, Set<String>> hubIdsBySenderDocument = new ConcurrentHashMap<>();
        AtomicLong failedCalls = new AtomicLong();
        try (BenchCity city = new BenchCity(workDir.resolve("city"));
             HubProcess hub = new HubProcess(hubJar, workDir.resolve("hub"), HubProcess.freePort(), heap,
                     withRetries(city.hubArguments(true)))) {
            BenchLetters letters = new BenchLetters(city.pki, pdfKib * 1024, 16);
            hub.start();
            city.pushRecipientSystem.setAvailable(false);
            try (Recipients recipients = new Recipients(city, senderDocumentIds, mailStatusEvery, hub::serviceUrl)) {
                AtomicInteger next = new AtomicInteger();
                AtomicInteger accepted = new AtomicInteger();
                ExecutorService sending = Executors.newFixedThreadPool(senders);
                for (int s = 0; s < senders; s++) {
                    sending.submit(() -> {
                        HubClient client = new HubClient(hub.serviceUrl(), BenchCity.SENDER.username(), BenchCity.SENDER.secret());
                        for (int n = next.getAndIncrement(); n < documents; n = next.getAndIncrement()) {
                            BenchLetters.Letter letter = letters.letter(n);
                            while (true) {
                                try {
                                    String id = client.send(letter.envelope(), letter.pdf()).getDocumentId();
                                    senderDocumentIds.put(id, letter.senderDocumentId());
                                    hubIdsBySenderDocument.computeIfAbsent(letter.senderDocumentId(),
                                            k -> ConcurrentHashMap.newKeySet()).add(id);
                                    accepted.incrementAndGet();
                                    break;
                                } catch (Exception e) {
                                    failedCalls.incrementAndGet();
                                    Thread.sleep(200);
                                }
                            }
                        }
                        return null;
                    });
                }
                sending.shutdown();

                // The kills: at random shares of the load, each after a random fraction of a second more.
                Random random = new Random(seed);
                List<Double> moments = new ArrayList<>();
                for (int k = 0; k < kills; k++) moments.add(0.1 + 0.8 * random.nextDouble());
                moments.sort(Double::compare);
                int killsDone = 0;
                boolean backOnline = false;
                for (double moment : moments) {
                    while (accepted.get() < moment * documents && !sending.isTerminated()) {
                        backOnline = bringBackIfDue(city, accepted.get(), backOnline);
                        Thread.sleep(20);
                    }
                    Thread.sleep(random.nextInt(1000));
                    System.out.printf("SIGKILL %d at %d accepted%n", killsDone + 1, accepted.get());
                    hub.kill();
                    killsDone++;
                    hub.start();
                }
                while (!sending.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                    backOnline = bringBackIfDue(city, accepted.get(), backOnline);
                }
                city.pushRecipientSystem.setAvailable(true);
                Set<String> acceptedIds = new java.util.HashSet<>(senderDocumentIds.keySet());
                System.out.printf("load done: %d accepted; waiting for the deliveries%n", acceptedIds.size());

                long deadline = System.nanoTime() + (long) (drainMinutes * 60e9);
                while (System.nanoTime() < deadline && !drained(city, recipients, acceptedIds)) {
                    Thread.sleep(500);
                }
                Thread.sleep(2_000); // anything still in flight that would be a duplicate arrives now
                return report(city, recipients, acceptedIds, hubIdsBySenderDocument, killsDone, failedCalls.get());
            }
        }
    }

    private boolean bringBackIfDue(BenchCity city, int accepted, boolean backOnline) {
        if (!backOnline && accepted >= offlineUntil * documents) {
            System.out.printf("the push recipient's system is back online at %d accepted%n", accepted);
            city.pushRecipientSystem.setAvailable(true);
            return true;
        }
        return backOnline;
    }

    /** Retries without end and short back-off: in this run an offline recipient must come back to everything. */
    private static List<String> withRetries(List<String> arguments) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(List.of("--hub.delivery.max-attempts=1000", "--hub.delivery.initial-delay=500ms",
                "--hub.delivery.max-delay=5s", "--hub.mail.imap.max-messages-per-poll=50"));
        return all;
    }

    private static boolean drained(BenchCity city, Recipients recipients, Set<String> accepted) {
        return recipients.pushArrivals.keySet().containsAll(accepted)
                && recipients.pullArrivals.keySet().containsAll(accepted)
                && recipients.mailArrivals.keySet().containsAll(accepted)
                && statusesAtSender(city).keySet().containsAll(recipients.issuedStatusKeys());
    }

    private static Map<String, Integer> statusesAtSender(BenchCity city) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (ReceivedStatus status : city.senderSystem.statuses()) {
            counts.merge(status.documentId() + "/" + status.organId() + "/" + status.statusCode(), 1, Integer::sum);
        }
        return counts;
    }

    private static Report report(BenchCity city, Recipients recipients, Set<String> accepted,
                                 Map<String, Set<String>> hubIdsBySenderDocument, int killsDone, long failedCalls) {
        long lost = 0;
        for (String id : accepted) {
            if (!recipients.pushArrivals.containsKey(id)) lost++;
            if (!recipients.pullArrivals.containsKey(id)) lost++;
            if (!recipients.mailArrivals.containsKey(id)) lost++;
        }
        // A duplicate is a second document for one letter (every recipient gets it twice under two ids), or a
        // second, different letter in the e-mail recipient's mailbox; the same letter again is recognisable.
        long duplicated = hubIdsBySenderDocument.values().stream().filter(ids -> ids.size() > 1).count() * 3
                + recipients.mailMessageIds.values().stream().filter(ids -> ids.size() > 1).count();
        long repeatedCalls = 0;
        for (String id : accepted) {
            repeatedCalls += Math.max(0, city.pushRecipientSystem.callsFor(id) - 1);
        }
        Map<String, Integer> atSender = statusesAtSender(city);
        Set<String> issued = recipients.issuedStatusKeys();
        long statusesLost = issued.stream().filter(key -> !atSender.containsKey(key)).count();
        long statusesRepeated = atSender.values().stream().mapToLong(count -> count - 1).sum();
        return new Report(accepted.size(), killsDone, recipients.pushArrivals.size(), recipients.pullArrivals.size(),
                recipients.mailArrivals.size(), lost, duplicated, repeatedCalls, issued.size(), statusesLost,
                statusesRepeated, failedCalls);
    }
}
