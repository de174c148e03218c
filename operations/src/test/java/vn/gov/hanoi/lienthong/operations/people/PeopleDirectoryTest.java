package vn.gov.hanoi.lienthong.operations.people;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The user file: the demo's people as the README lists them, and a clerk or leader always bound to an agency. */
class PeopleDirectoryTest {

    private static final String HASH = "$2a$10$yuMGmiRIaJVGywAKMmZTXOll9VOUjPQt3qD7ROPbKuxsoPXCPi4GC";

    @Test
    void theDemoFileBindsEachClerkAndLeaderToItsAgency() throws Exception {
        PeopleDirectory people;
        try (InputStream in = new FileInputStream("../config/users.yaml")) {
            people = PeopleDirectory.read(in, "config/users.yaml");
        }
        assertThat(people.byUsername("vanthu-badinh")).hasValueSatisfying(p -> {
            assertThat(p.roles()).containsExactly(Role.CLERK);
            assertThat(p.organId()).isEqualTo("000.01.01.H26");
        });
        assertThat(people.byUsername("lanhdao-badinh")).hasValueSatisfying(p -> {
            assertThat(p.roles()).containsExactly(Role.LEADER);
            assertThat(p.organId()).isEqualTo("000.01.01.H26");
        });
        assertThat(people.byUsername("operator")).hasValueSatisfying(p -> assertThat(p.organId()).isNull());
        assertThat(people.all().stream().filter(p -> p.roles().stream().anyMatch(Role::ofAnAgency)))
                .hasSize(12).allSatisfy(p -> assertThat(p.organId()).isNotNull());
    }

    @Test
    void aClerkWithoutAnAgencyAndAnOperatorWithOneAreErrors() {
        String yaml = """
                people:
                  - { username: vanthu-x, roles: [clerk], secretHash: "%1$s" }
                  - { username: lanhdao-x, roles: [leader], organ: "not a code", secretHash: "%1$s" }
                  - { username: vanhanh-x, roles: [operator], organ: 000.01.01.H26, secretHash: "%1$s" }
                """.formatted(HASH);
        assertThatThrownBy(() -> PeopleDirectory.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml"))
                .hasMessageContaining("3 error(s)").hasMessageContaining("vanthu-x").hasMessageContaining("lanhdao-x")
                .hasMessageContaining("only a clerk or leader acts for an agency");
    }
}
