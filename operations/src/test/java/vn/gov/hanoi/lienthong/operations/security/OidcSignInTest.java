package vn.gov.hanoi.lienthong.operations.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class OidcSignInTest {

    private final OidcSignIn keycloak = new OidcSignIn(true, null, null, null,
            Map.of("lienthong-van-hanh", "operator", "lienthong-quan-tri", "ADMINISTRATOR", "van-thu", "clerk"), null);

    @Test
    void rolesComeFromTheNestedClaimMappedToTheHubsRoles() {
        Map<String, Object> claims = Map.of("preferred_username", "nguyen.thi.vanhanh",
                "realm_access", Map.of("roles", List.of("offline_access", "lienthong-van-hanh", "lienthong-quan-tri")));
        assertThat(keycloak.authorities(claims)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_OPERATOR", "ROLE_ADMINISTRATOR");
    }

    @Test
    void aPersonWithoutAMappedRoleOrWithoutTheClaimGetsNone() {
        assertThat(keycloak.authorities(Map.of("realm_access", Map.of("roles", List.of("offline_access"))))).isEmpty();
        assertThat(keycloak.authorities(Map.of("preferred_username", "ai.do"))).isEmpty();
        assertThat(keycloak.authorities(Map.of("realm_access", "not a map"))).isEmpty();
    }

    @Test
    void aClerkIsBoundToTheOrganOfTheClaimAndWithoutItHasNoRoleOfAnAgency() {
        Map<String, Object> clerk = Map.of("organ_id", "000.01.01.H26", "realm_access", Map.of("roles", List.of("van-thu")));
        assertThat(keycloak.authorities(clerk)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ORGAN_000.01.01.H26", "ROLE_CLERK");
        assertThat(keycloak.authorities(Map.of("realm_access", Map.of("roles", List.of("van-thu"))))).isEmpty();
    }

    @Test
    void aFlatClaimAndASpaceSeparatedOneAreReadToo() {
        OidcSignIn flat = new OidcSignIn(true, "city", "groups", "email", Map.of("vanhanh", "operator"), null);
        assertThat(flat.authorities(Map.of("groups", List.of("vanhanh")))).hasSize(1);
        assertThat(flat.authorities(Map.of("groups", "khac vanhanh"))).hasSize(1);
        assertThat(flat.signInPath()).isEqualTo("/oauth2/authorization/city");
    }
}
