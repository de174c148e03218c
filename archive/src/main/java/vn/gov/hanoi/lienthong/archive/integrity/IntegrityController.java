package vn.gov.hanoi.lienthong.archive.integrity;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hub's own check of its archive, on demand: an operator's call (the people's chain guards /api/v1/admin).
 * A POST: it reads and hashes everything the hub holds, which is work, not a lookup.
 */
@RestController
public class IntegrityController {

    private final ArchiveIntegrity integrity;

    public IntegrityController(ArchiveIntegrity integrity) {
        this.integrity = integrity;
    }

    @PostMapping(path = "/api/v1/admin/archive/integrity-checks", produces = MediaType.APPLICATION_JSON_VALUE)
    public IntegrityReport check() {
        return integrity.check();
    }
}
