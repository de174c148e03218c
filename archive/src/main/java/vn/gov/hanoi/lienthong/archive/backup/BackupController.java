package vn.gov.hanoi.lienthong.archive.backup;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Backups on demand and their record, for operators (the people's chain guards /api/v1/admin). */
@RestController
public class BackupController {

    private final BackupService backups;
    private final JdbcClient jdbc;

    public BackupController(BackupService backups, JdbcClient jdbc) {
        this.backups = backups;
        this.jdbc = jdbc;
    }

    @PostMapping(path = "/api/v1/admin/archive/backups", produces = MediaType.APPLICATION_JSON_VALUE)
    public BackupService.BackupReport backup() throws Exception {
        return backups.backup();
    }

    @GetMapping(path = "/api/v1/admin/archive/backups", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Map<String, Object>> runs() {
        return jdbc.sql("select * from backup_run order by id desc limit 100").query().listOfRows();
    }

    @PostMapping(path = "/api/v1/admin/archive/backup-verifications", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<BackupService.Verification> verify() {
        return backups.verifyLatest();
    }
}
