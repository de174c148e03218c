package vn.gov.hanoi.lienthong.reports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.operations.people.Role;
import vn.gov.hanoi.lienthong.tracking.AgencyScope;
import vn.gov.hanoi.lienthong.tracking.TrackingConfiguration;

/**
 * The report on electronic exchange for a period (a half-year, a year, any range), of one agency or the whole
 * city, as JSON, CSV, XLSX or PDF — the same numbers in each. An agency's clerks and leaders read their agencies';
 * a reporter (the Department of Information and Communications) the city's and any agency's.
 */
@RestController
@RequestMapping("/api/v1/reports")
@io.swagger.v3.oas.annotations.security.SecurityRequirement(name = TrackingConfiguration.PERSON)
@io.swagger.v3.oas.annotations.tags.Tag(name = "reports", description = "The half-yearly and yearly reports on electronic exchange (Articles 12.7, 16.8)")
public class ReportsController {

    private static final Logger LOG = LoggerFactory.getLogger(ReportsController.class);
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ExchangeReportQuery query;
    private final AgencyDirectory directory;

    public ReportsController(ExchangeReportQuery query, AgencyDirectory directory) {
        this.query = query;
        this.directory = directory;
    }

    @GetMapping("/exchange")
    @Operation(operationId = "exchangeReport", summary = "Documents exchanged electronically in a period: by type, paper copies, "
            + "signatures, delivery times, failures, refusals, overdue, per agency, over time, agencies silent")
    public ResponseEntity<?> exchange(Authentication person,
                                      @Parameter(description = "First day (Hanoi)") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @Parameter(description = "Last day (Hanoi), included") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      @Parameter(description = "An agency's organ code; none: the whole city (reporters only)") @RequestParam(required = false) String organ,
                                      @Parameter(description = "json (default), csv, xlsx or pdf") @RequestParam(required = false, defaultValue = "json") String format) {
        if (to.isBefore(from)) throw RefusedException.because(ReasonCode.REQUEST_INVALID, "the period ends before it starts");
        if (from.plusYears(5).isBefore(to)) throw RefusedException.because(ReasonCode.REQUEST_INVALID, "a report covers at most five years");
        String organId = scopeOf(person, organ);
        String kind = format.strip().toLowerCase(Locale.ROOT);
        if (!java.util.List.of("json", "csv", "xlsx", "pdf").contains(kind)) {
            throw RefusedException.because(ReasonCode.REQUEST_INVALID, "format is json, csv, xlsx or pdf, not '" + format + "'");
        }
        long started = System.nanoTime();
        ExchangeReport report = query.run(from, to, organId);
        LOG.info("Report {} {}–{} for {} by {} in {} ms", kind, from, to, organId == null ? "the city" : organId,
                person.getName(), (System.nanoTime() - started) / 1_000_000);
        String name = "bao-cao-trao-doi-van-ban_" + (organId == null ? "thanh-pho" : organId) + "_" + from + "_" + to;
        return switch (kind) {
            case "csv" -> file(CSV, name + ".csv", CsvReport.write(report).getBytes(StandardCharsets.UTF_8));
            case "xlsx" -> file(XLSX, name + ".xlsx", XlsxReport.write(report));
            case "pdf" -> file(MediaType.APPLICATION_PDF, name + ".pdf", PdfReport.write(report));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        };
    }

    /** The agency the report is of (null: the city), as the person may read it. */
    private String scopeOf(Authentication person, String organ) {
        boolean reporter = person.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.REPORTER.authority()));
        String wanted = organ == null || organ.isBlank() ? null : organ.strip();
        if (reporter) {
            if (wanted != null && directory.byOrganId(wanted).isEmpty()) {
                throw RefusedException.because(ReasonCode.UNKNOWN_RECIPIENT, wanted);
            }
            return wanted;
        }
        AgencyScope scope = AgencyScope.of(person, directory);
        if (wanted == null) return scope.organId();
        return scope.narrowedTo(wanted)[0];
    }

    private static ResponseEntity<byte[]> file(MediaType type, String name, byte[] bytes) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
