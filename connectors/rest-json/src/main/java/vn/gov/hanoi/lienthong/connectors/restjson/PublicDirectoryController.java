package vn.gov.hanoi.lienthong.connectors.restjson;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;

/**
 * Article 16.7: the public directory of the agencies' official e-mail addresses, read-only and without
 * authentication, as JSON and as CSV (UTF-8 with a byte-order mark, so that a spreadsheet shows the
 * Vietnamese names right). Only what is public: never a system name, an endpoint or a secret.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "directory", description = "The public directory, without credentials")
public class PublicDirectoryController {

    /** One public entry. */
    public record DirectoryEntry(String organId, String name, String parentOrganId, String mailbox, String channel,
                                 String state) {
    }

    private static final String[] CSV_HEADER = {"organ_id", "name", "parent_organ_id", "mailbox", "channel", "state"};

    private final AgencyDirectory directory;

    public PublicDirectoryController(AgencyDirectory directory) {
        this.directory = directory;
    }

    @io.swagger.v3.oas.annotations.Operation(operationId = "directory",
            summary = "The public directory of the city's agencies and their official mailboxes (Article 16.7)")
    @GetMapping(path = "/api/v1/directory", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<DirectoryEntry> directory() {
        return directory.all().stream()
                .sorted(Comparator.comparing(Agency::organId))
                .map(agency -> new DirectoryEntry(agency.organId(), agency.name(), agency.parentOrganId(), agency.mailbox(),
                        agency.channel().configName(), agency.state().name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    @io.swagger.v3.oas.annotations.Operation(operationId = "directoryCsv",
            summary = "The public directory as CSV (UTF-8 with a byte order mark, for spreadsheets)")
    @GetMapping(path = "/api/v1/directory.csv")
    public ResponseEntity<byte[]> directoryCsv() throws IOException {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
            for (DirectoryEntry entry : directory()) {
                csv.printRecord(entry.organId(), entry.name(), entry.parentOrganId(), entry.mailbox(), entry.channel(),
                        entry.state());
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "inline; filename=\"danh-ba-thu-dien-tu.csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
