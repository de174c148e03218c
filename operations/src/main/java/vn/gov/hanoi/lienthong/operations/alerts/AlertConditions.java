package vn.gov.hanoi.lienthong.operations.alerts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.gov.hanoi.lienthong.core.HubSettings;
import vn.gov.hanoi.lienthong.core.directory.Channel;
import vn.gov.hanoi.lienthong.core.metrics.HubMeters;
import vn.gov.hanoi.lienthong.core.directory.AgencyCertificates;
import vn.gov.hanoi.lienthong.core.signature.Fingerprints;
import vn.gov.hanoi.lienthong.core.signature.HubSigner;
import vn.gov.hanoi.lienthong.operations.watchdog.DeliveryWatchdog;

/** The conditions the operators are alerted on (README, "Alerts"). */
@Configuration
public class AlertConditions {

    /** A failed queue (lienthong.failed.&lt;organ code&gt;) or a dead-letter queue (DLQ…) that is not empty. */
    @Bean
    AlertCondition failedQueues(MeterRegistry registry) {
        return condition("FAILED_QUEUE", now -> {
            List<AlertCondition.Firing> firing = new ArrayList<>();
            for (Gauge depth : registry.find("artemis.message.count").gauges()) {
                String queue = depth.getId().getTag("queue");
                long count = (long) depth.value();
                if (queue == null || count <= 0 || !(queue.startsWith("lienthong.failed.") || queue.startsWith("DLQ"))) continue;
                firing.add(new AlertCondition.Firing(queue, "Hàng đợi lỗi " + queue + " có " + count + " văn bản chờ xử lý",
                        "Failed queue " + queue + " holds " + count + " message(s) for an operator", Map.of("messages", count)));
            }
            return firing;
        });
    }

    /**
     * Checkpoints of the ledger waiting for their RFC 3161 timestamp after a failed attempt (archive module): the
     * time-stamping authority does not answer. The exchange goes on meanwhile; the alert clears once every waiting
     * checkpoint has its token.
     */
    @Bean
    AlertCondition timestampingUnreachable(JdbcTemplate jdbc) {
        return condition("TIMESTAMPING_UNREACHABLE", now -> jdbc.query("""
                        select count(*), min(sealed_at), max(timestamp_last_attempt_at),
                               (array_agg(timestamp_last_error order by timestamp_last_attempt_at desc))[1]
                        from ledger_checkpoint where timestamp_token is null and timestamp_attempts > 0
                        having count(*) > 0""",
                (row, n) -> new AlertCondition.Firing("tsa", "Dịch vụ cấp dấu thời gian không trả lời: " + row.getLong(1)
                        + " điểm chốt sổ cái chờ dấu thời gian (trao đổi văn bản vẫn tiếp tục)",
                        "The time-stamping authority does not answer: " + row.getLong(1)
                                + " ledger checkpoint(s) wait for their timestamp (the exchange goes on)",
                        Map.of("waiting", row.getLong(1), "oldestSealedAt", row.getTimestamp(2).toInstant().toString(),
                                "lastError", String.valueOf(row.getString(4))))));
    }

    /**
     * The archive's backups (archive module): the latest run to a target failed, or the latest verification of a
     * backup found it damaged (BACKUP_FAILED, per target or backup); no complete backup within
     * hub.archive.backup.max-age while targets are configured (BACKUP_OVERDUE).
     */
    @Bean
    AlertCondition backupsFailing(JdbcTemplate jdbc) {
        return condition("BACKUP_FAILED", now -> {
            List<AlertCondition.Firing> firing = new ArrayList<>();
            jdbc.query("""
                            select distinct on (target) target, status, error from backup_run
                            where status <> 'RUNNING' order by target, id desc""", row -> {
                if (row.getString(2).equals("FAILED")) {
                    firing.add(new AlertCondition.Firing("run:" + row.getString(1), "Sao lưu vào " + row.getString(1)
                            + " không thành công: " + row.getString(3), "The backup to " + row.getString(1) + " failed: "
                            + row.getString(3), Map.of("target", row.getString(1))));
                }
            });
            jdbc.query("""
                            select distinct on (regexp_replace(path, '/[^/]+$', '')) path, holds, findings from backup_verification
                            order by regexp_replace(path, '/[^/]+$', ''), id desc""", row -> {
                if (!row.getBoolean(2)) {
                    String first = row.getString(3).lines().findFirst().orElse("");
                    firing.add(new AlertCondition.Firing("verify:" + row.getString(1), "Bản sao lưu " + row.getString(1)
                            + " không đạt khi kiểm tra: " + first, "The backup " + row.getString(1)
                            + " failed its verification: " + first, Map.of("backup", row.getString(1))));
                }
            });
            return firing;
        });
    }

    @Bean
    AlertCondition backupsOverdue(JdbcTemplate jdbc, @Value("${hub.archive.backup.targets:}") List<String> targets,
                                  @Value("${hub.archive.backup.max-age:26h}") Duration maxAge) {
        return condition("BACKUP_OVERDUE", now -> {
            if (targets.stream().allMatch(t -> t == null || t.isBlank())) return List.of();
            Timestamp last = jdbc.queryForObject("select max(finished_at) from backup_run where status = 'COMPLETE'", Timestamp.class);
            if (last != null && last.toInstant().isAfter(now.minus(maxAge))) return List.of();
            return List.of(new AlertCondition.Firing("archive", "Không có bản sao lưu hoàn chỉnh nào trong " + maxAge.toHours()
                    + " giờ qua", "No complete backup in the last " + maxAge.toHours() + " h",
                    Map.of("lastComplete", last == null ? "never" : last.toInstant().toString())));
        });
    }

    /** A push recipient whose oldest waiting delivery is older than hub.alerts.unreachable-after. */
    @Bean
    AlertCondition unreachableRecipients(JdbcTemplate jdbc, AlertSettings settings) {
        return condition("RECIPIENT_UNREACHABLE", now -> jdbc.query(
                "select recipient_organ_id, count(*), min(created_at) from delivery where state = 'QUEUED' and channel in (?, ?, ?) "
                        + "group by recipient_organ_id having min(created_at) < ?",
                (row, n) -> {
                    String recipient = row.getString(1);
                    Duration waiting = Duration.between(row.getTimestamp(3).toInstant(), now);
                    return new AlertCondition.Firing(recipient, "Hệ thống của " + recipient + " không nhận văn bản đã "
                            + minutes(waiting) + " phút (" + row.getLong(2) + " văn bản chờ)", "The system of " + recipient
                            + " has taken nothing for " + minutes(waiting) + " min (" + row.getLong(2) + " waiting)",
                            Map.of("waiting", row.getLong(2), "oldestSince", row.getTimestamp(3).toInstant().toString()));
                }, Channel.SOAP_PUSH.name(), Channel.REST_PUSH.name(), Channel.EMAIL.name(),
                Timestamp.from(now.minus(settings.unreachableAfter()))));
    }

    /**
     * Deliveries the watchdog flagged and still open, per recipient and reason (not handed over; no arrival
     * status): two different things for an operator, cleared each on its own.
     */
    @Bean
    AlertCondition stuckDeliveries(DeliveryWatchdog watchdog) {
        return condition("DELIVERIES_OVERDUE", now -> {
            Map<String, Long> bySubject = new LinkedHashMap<>();
            for (DeliveryWatchdog.Overdue overdue : watchdog.open()) {
                bySubject.merge(overdue.recipientOrganId() + "/" + overdue.reason(), 1L, Long::sum);
            }
            List<AlertCondition.Firing> firing = new ArrayList<>();
            bySubject.forEach((subject, count) -> {
                String recipient = subject.substring(0, subject.indexOf('/'));
                boolean handOver = subject.endsWith(DeliveryWatchdog.NOT_HANDED_OVER);
                firing.add(new AlertCondition.Firing(subject,
                        count + " văn bản gửi " + recipient + (handOver ? " chưa chuyển được đúng hạn" : " chưa được báo đã nhận đúng hạn"),
                        count + " deliveries to " + recipient + (handOver ? " not handed over in time" : " without an arrival status in time"),
                        Map.of("overdue", count)));
            });
            return firing;
        });
    }

    /**
     * A certificate the hub depends on that ends within hub.alerts.certificate-warnings days (60, 30, 7): the trust
     * anchors as configured now (the files, so that replacing one clears its alert), the hub's signing certificate,
     * the certificates of the hub's HTTPS key store (server.ssl.key-store, read anew each time) and the agencies'
     * registered certificates the hub has seen them use (AgencyCertificates; one no longer registered is no longer
     * watched). The subject names the certificate and the threshold, so that passing from 60 to 30 days raises a
     * new alert.
     */
    @Bean
    AlertCondition expiringCertificates(ResourcePatternResolver resources, HubSigner signer, AlertSettings settings,
                                        AgencyCertificates agencyCertificates,
                                        @Value("${hub.trust.anchors:classpath*:trust/*.pem}") String anchors,
                                        @Value("${server.ssl.key-store:}") String tlsKeyStore,
                                        @Value("${server.ssl.key-store-password:}") String tlsKeyStorePassword,
                                        @Value("${server.ssl.key-store-type:PKCS12}") String tlsKeyStoreType) {
        return condition("CERTIFICATE_EXPIRING", now -> {
            List<Watched> watched = new ArrayList<>();
            X509Certificate signing = signer.certificate();
            watched.add(new Watched("hub signing certificate", signing.getSubjectX500Principal().getName(), signing.getNotAfter().toInstant(),
                    Fingerprints.sha256(signing)));
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (Resource resource : resources.getResources(anchors)) {
                try (var in = resource.getInputStream()) {
                    for (var certificate : x509.generateCertificates(in)) {
                        watched.add(Watched.of("trust anchor " + resource.getFilename(), (X509Certificate) certificate));
                    }
                }
            }
            if (!tlsKeyStore.isBlank()) {
                KeyStore store = KeyStore.getInstance(tlsKeyStoreType);
                try (var in = resources.getResource(tlsKeyStore).getInputStream()) {
                    store.load(in, tlsKeyStorePassword.toCharArray());
                }
                for (String alias : java.util.Collections.list(store.aliases())) {
                    if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                        watched.add(Watched.of("hub TLS certificate " + alias, certificate));
                    }
                }
            }
            for (AgencyCertificates.Known known : agencyCertificates.registered()) {
                watched.add(new Watched("agency " + known.organId() + (known.usage() == AgencyCertificates.Usage.SIGNING
                        ? " signing certificate" : " TLS client certificate"), known.subject(), known.notAfter(), known.sha256()));
            }
            List<Integer> thresholds = settings.certificateWarnings().stream().sorted().toList();
            List<AlertCondition.Firing> firing = new ArrayList<>();
            for (Watched certificate : watched) {
                long days = Duration.between(now, certificate.notAfter()).toDays();
                Integer within = thresholds.stream().filter(t -> days < t).findFirst().orElse(null);
                if (within == null) continue;
                Instant end = certificate.notAfter();
                firing.add(new AlertCondition.Firing(certificate.sha256().substring(0, 16) + "/" + within + "d",
                        "Chứng thư " + certificate.what() + " (" + certificate.subject() + ") hết hạn sau " + Math.max(days, 0) + " ngày, ngày " + end,
                        "Certificate " + certificate.what() + " (" + certificate.subject() + ") expires in " + Math.max(days, 0) + " days, on " + end,
                        Map.of("certificate", certificate.what(), "subjectName", certificate.subject(), "notAfter", end.toString(),
                                "within", within)));
            }
            return firing;
        });
    }

    /** A certificate the operators are warned of before its end. */
    private record Watched(String what, String subject, Instant notAfter, String sha256) {
        static Watched of(String what, X509Certificate certificate) {
            return new Watched(what, certificate.getSubjectX500Principal().getName(), certificate.getNotAfter().toInstant(),
                    Fingerprints.sha256(certificate));
        }
    }

    /**
     * OCSP responders or CRL distribution points that do not answer: raised when a check of a kind of source goes
     * unanswered, kept while no check of it is answered (however rarely the held inspections retry), cleared by
     * the first answered one.
     */
    @Bean
    AlertCondition unreachableRevocationSources(MeterRegistry registry) {
        RevocationReachability reachability = new RevocationReachability(registry);
        return condition("REVOCATION_UNREACHABLE", now -> {
            List<AlertCondition.Firing> firing = new ArrayList<>();
            reachability.unreachable().forEach((source, unanswered) -> firing.add(new AlertCondition.Firing(source,
                    "Nguồn kiểm tra thu hồi " + source.toUpperCase() + " không trả lời",
                    "The " + source.toUpperCase() + " revocation sources do not answer: documents signed under them wait",
                    Map.of("unanswered", unanswered))));
            return firing;
        });
    }

    /** Free space under the hub's data directory below the threshold (hub.alerts.disk-free-below, or as changed in JMX). */
    @Bean
    AlertCondition lowDiskSpace(HubSettings hub, DiskSpaceThreshold threshold) {
        return condition("DISK_SPACE_LOW", now -> {
            Path data = hub.dataDir().toAbsolutePath();
            long free = Files.getFileStore(data).getUsableSpace();
            long below = threshold.freeBelowBytes();
            if (free >= below) return List.of();
            return List.of(new AlertCondition.Firing(data.toString(), "Còn " + (free >> 20) + " MiB trống cho dữ liệu của trục",
                    "Only " + (free >> 20) + " MiB free for the hub's data", Map.of("freeBytes", free,
                    "thresholdBytes", below)));
        });
    }

    private static long minutes(Duration duration) {
        return duration.toMinutes();
    }

    @FunctionalInterface
    interface Evaluation {
        List<AlertCondition.Firing> evaluate(Instant now) throws Exception;
    }

    static AlertCondition condition(String kind, Evaluation evaluation) {
        return new AlertCondition() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public List<AlertCondition.Firing> evaluate(Instant now) throws Exception {
                return evaluation.evaluate(now);
            }
        };
    }

}
