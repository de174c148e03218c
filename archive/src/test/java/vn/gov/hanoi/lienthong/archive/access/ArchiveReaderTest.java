package vn.gov.hanoi.lienthong.archive.access;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose archived documents a person may read: a clerk its agency's; a leader also its units' down the tree. */
class ArchiveReaderTest {

    private static final String HASH = "$2a$10$yuMGmiRIaJVGywAKMmZTXOll9VOUjPQt3qD7ROPbKuxsoPXCPi4GC";

    private final AgencyDirectory directory = directory("""
            agencies:
              - { organId: 000.01.00.H26, name: "UBND quận", mailbox: quan@hanoi.gov.vn, channel: pull, username: quan, secretHash: "%1$s", state: active }
              - { organId: 000.01.01.H26, name: "Phòng Nội vụ", parent: 000.01.00.H26, mailbox: pnv@hanoi.gov.vn, channel: pull, username: pnv, secretHash: "%1$s", state: active }
              - { organId: 000.01.11.H26, name: "Tổ một cửa", parent: 000.01.01.H26, mailbox: tmc@hanoi.gov.vn, channel: pull, username: tmc, secretHash: "%1$s", state: active }
              - { organId: 000.02.00.H26, name: "UBND huyện", mailbox: huyen@hanoi.gov.vn, channel: pull, username: huyen, secretHash: "%1$s", state: active }
            """.formatted(HASH));

    @Test
    void aLeaderReadsItsUnitsDownTheTreeAClerkItsOwnAgencyAnArchivistNoAgency() {
        ArchiveReader leader = ArchiveReader.of(person("ROLE_LEADER", "ORGAN_000.01.00.H26"), directory);
        assertThat(leader.organs()).containsExactly("000.01.00.H26", "000.01.01.H26", "000.01.11.H26");
        assertThat(leader.ofAnAgency()).isTrue();
        assertThat(leader.archivist()).isFalse();
        ArchiveReader clerk = ArchiveReader.of(person("ROLE_CLERK", "ORGAN_000.01.00.H26"), directory);
        assertThat(clerk.organs()).containsExactly("000.01.00.H26");
        ArchiveReader archivist = ArchiveReader.of(person("ROLE_ARCHIVIST"), directory);
        assertThat(archivist.archivist()).isTrue();
        assertThat(archivist.organs()).isEmpty();
        assertThat(ArchiveReader.of(person("ROLE_AUDITOR"), directory).ofAnAgency()).isFalse();
    }

    private static UsernamePasswordAuthenticationToken person(String... authorities) {
        return UsernamePasswordAuthenticationToken.authenticated("someone", null, AuthorityUtils.createAuthorityList(List.of(authorities)));
    }

    private static AgencyDirectory directory(String yaml) {
        try {
            return AgencyDirectory.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
