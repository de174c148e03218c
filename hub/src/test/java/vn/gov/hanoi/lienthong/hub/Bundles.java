package vn.gov.hanoi.lienthong.hub;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

import vn.gov.hanoi.lienthong.testkit.verify.BundleVerifier;
import vn.gov.hanoi.lienthong.testkit.verify.Trust;
import vn.gov.hanoi.lienthong.testkit.verify.VerificationReport;

/** Evidence bundles in the tests: their parts read and changed (the doctored copies), verified, trusted. */
final class Bundles {

    private Bundles() {
    }

    static Map<String, byte[]> parts(byte[] bundle) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) parts.put(entry.getName(), zip.readAllBytes());
        }
        return parts;
    }

    /** The bundle with one part replaced, written again as an ASiC container (mimetype first, stored). */
    static byte[] withPart(byte[] bundle, String name, UnaryOperator<byte[]> change) throws IOException {
        Map<String, byte[]> parts = parts(bundle);
        if (!parts.containsKey(name)) throw new IllegalArgumentException("no part " + name + " in " + parts.keySet());
        parts.put(name, change.apply(parts.get(name)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(part.getKey());
                if (part.getKey().equals("mimetype")) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(part.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(part.getValue());
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static VerificationReport verify(byte[] bundle, Path trust) {
        return new BundleVerifier(Trust.fromFolder(trust)).verify(bundle);
    }

    /** A trust folder with these certificates, as PEM files. */
    static Path trustFolder(Path folder, X509Certificate... certificates) throws IOException {
        Files.createDirectories(folder);
        int n = 0;
        for (X509Certificate certificate : certificates) {
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(certificate);
            }
            Files.writeString(folder.resolve("trusted-" + (++n) + ".pem"), pem.toString());
        }
        return folder;
    }
}
