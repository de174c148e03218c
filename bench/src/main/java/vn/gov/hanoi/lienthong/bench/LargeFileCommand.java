package vn.gov.hanoi.lienthong.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.gov.hanoi.lienthong.schemas.ws.types.AttachmentPart;
import vn.gov.hanoi.lienthong.testkit.client.HubClient;
import vn.gov.hanoi.lienthong.testkit.edxml.DocumentMessage;
import vn.gov.hanoi.lienthong.testkit.pki.EnvelopeSigner;

/**
 * A 1 GiB attachment through a hub with a 256 MiB heap: sent over SOAP (MTOM), pushed to the push recipient
 * and fetched by the pull recipient, both compared by SHA-256 with what was sent, while the hub's heap is
 * sampled from its own metrics.
 */
@Command(name = "large-file", mixinStandardHelpOptions = true,
        description = "A large attachment through a small heap, checked by hash at both recipients.")
final class LargeFileCommand implements Callable<Integer> {

    @Option(names = "--hub-jar", defaultValue = "hub/target/lienthong-hub.jar", description = "the hub (default: ${DEFAULT-VALUE})")
    Path hubJar;
    @Option(names = "--work-dir", defaultValue = "bench/target/large-file", description = "data of the run, wiped first (default: ${DEFAULT-VALUE})")
    Path workDir;
    @Option(names = "--heap", defaultValue = "256m", description = "the hub's -Xmx (default: ${DEFAULT-VALUE})")
    String heap;
    @Option(names = "--mib", defaultValue = "1024", description = "size of the attachment in MiB (default: ${DEFAULT-VALUE})")
    long mib;
    @Option(names = "--results", defaultValue = "bench/results.json", description = "figures file to update (default: ${DEFAULT-VALUE})")
    Path results;

    @Override
    public Integer call() throws Exception {
        Bench.wipe(workDir);
        Path file = workDir.resolve("ho-so-quet.pdf");
        String sentHash = writePdf(file, mib << 20);
        long bytes = Files.size(file);
        System.out.printf("attachment: %d bytes, SHA-256 %s%n", bytes, sentHash);

        try (BenchCity city = new BenchCity(workDir.resolve("city"));
             HubProcess hub = new HubProcess(hubJar, workDir.resolve("hub"), HubProcess.freePort(), heap, city.hubArguments(false))) {
            hub.start();
            long heapLimit = (long) hub.metric("jvm.memory.max", "area:heap");
            HeapSampler heapSampler = HeapSampler.start(hub, 100);

            DocumentMessage message = DocumentMessage.from(BenchCity.SENDER.organId())
                    .to(BenchCity.PUSH_RECIPIENT.organId(), BenchCity.PULL_RECIPIENT.organId())
                    .type(18, "Công văn").code("1024", "SNV-VP").subject("Hồ sơ quét toàn văn (tệp lớn)")
                    .attachment("hs", "Hồ sơ quét.pdf", "application/pdf");
            long start = System.nanoTime();
            HubClient sender = new HubClient(hub.serviceUrl(), BenchCity.SENDER.username(), BenchCity.SENDER.secret());
            String id = sender.send(EnvelopeSigner.sign(message.toBytes(), city.pki.signer()),
                    HubClient.Part.file("hs", "Hồ sơ quét.pdf", "application/pdf", file.toFile())).getDocumentId();
            double acceptSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("accepted as %s in %.1f s%n", id, acceptSeconds);

            HubClient pull = new HubClient(hub.serviceUrl(), BenchCity.PULL_RECIPIENT.username(), BenchCity.PULL_RECIPIENT.secret());
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (!pull.pending().contains(id) && System.nanoTime() < deadline) Thread.sleep(500);
            String fetchedHash = null;
            List<AttachmentPart> parts = pull.fetch(id).getAttachment();
            if (!parts.isEmpty()) fetchedHash = HubClient.sha256(parts.get(0).getData());
            double fetchedSeconds = (System.nanoTime() - start) / 1e9;
            while (city.pushRecipientSystem.document(id) == null && System.nanoTime() < deadline) Thread.sleep(500);
            var pushed = city.pushRecipientSystem.document(id);
            String pushedHash = pushed == null ? null : pushed.attachmentSha256().get("hs");
            double pushedSeconds = (System.nanoTime() - start) / 1e9;
            heapSampler.close();

            boolean intact = sentHash.equals(fetchedHash) && sentHash.equals(pushedHash);
            System.out.printf("fetched by the pull recipient after %.1f s: %s%n", fetchedSeconds,
                    sentHash.equals(fetchedHash) ? "intact (same SHA-256)" : "DIFFERENT: " + fetchedHash);
            System.out.printf("pushed to the push recipient after %.1f s: %s%n", pushedSeconds,
                    sentHash.equals(pushedHash) ? "intact (same SHA-256)" : "DIFFERENT: " + pushedHash);
            System.out.printf("hub heap: max %d MiB used of a %d MiB limit (sampled every 100 ms); the hub %s%n",
                    heapSampler.maxBytes() >> 20, heapLimit >> 20, hub.alive() ? "is still up" : "DIED");

            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("large_file_bytes", bytes);
            figures.put("large_file_intact", intact && hub.alive());
            figures.put("large_file_max_heap_mib", heapSampler.maxBytes() >> 20);
            figures.put("large_file_heap_limit_mib", heapLimit >> 20);
            figures.put("large_file_accept_s", Results.round(acceptSeconds));
            Results.update(results, figures);
            return intact && hub.alive() ? 0 : 1;
        }
    }

    /** A file with a PDF's header and trailer around random bytes, written in blocks; returns its SHA-256. */
    private static String writePdf(Path file, long size) throws Exception {
        Files.createDirectories(file.getParent());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] trailer = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        Random random = new Random(1024);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), sha256)) {
            out.write(header);
            long remaining = size - header.length - trailer.length;
            while (remaining > 0) {
                random.nextBytes(block);
                int n = (int) Math.min(block.length, remaining);
                out.write(block, 0, n);
                remaining -= n;
            }
            out.write(trailer);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
