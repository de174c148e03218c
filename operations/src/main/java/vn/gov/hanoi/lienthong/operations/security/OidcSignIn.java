package vn.gov.hanoi.lienthong.operations.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import vn.gov.hanoi.lienthong.operations.people.Role;

/**
 * {@code hub.oidc.*}: people signing in through the city's OpenID Connect provider (a Keycloak realm, say) in
 * production, beside the user file. The provider and the hub's client are Spring Security's own settings
 * ({@code spring.security.oauth2.client.registration.<registration>.*} and {@code .provider.<registration>.issuer-uri});
 * the people's roles come from a claim of their ID token, mapped here to the hub's roles — a person none of whose
 * values is mapped may sign in and is refused everything (403).
 *
 * @param enabled       off by default (the embedded demo has only the user file)
 * @param registration  the client registration's id (the sign-in address is /oauth2/authorization/&lt;registration&gt;)
 * @param rolesClaim    the claim holding the person's roles, a dotted path into nested claims
 *                      (Keycloak: realm_access.roles)
 * @param usernameClaim the claim the hub names the person by (in actions, the ledger)
 * @param roles         a claim value → the hub role it gives (operator, administrator, auditor, clerk, leader)
 * @param organClaim    the claim holding the organ code of a clerk's or leader's agency; a clerk or leader
 *                      without it keeps no role of an agency
 */
@ConfigurationProperties("hub.oidc")
public record OidcSignIn(boolean enabled, String registration, String rolesClaim, String usernameClaim,
                         Map<String, String> roles, String organClaim) {

    public OidcSignIn {
        if (organClaim == null) organClaim = "organ_id";
        if (registration == null) registration = "city";
        if (rolesClaim == null) rolesClaim = "realm_access.roles";
        if (usernameClaim == null) usernameClaim = "preferred_username";
        roles = roles == null ? Map.of() : Map.copyOf(roles);
    }

    public String signInPath() {
        return "/oauth2/authorization/" + registration;
    }

    /** The hub's authorities for a person with these claims. */
    public Set<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        Object organ = claims.get(organClaim);
        for (String value : claimValues(claims)) {
            String name = roles.get(value);
            if (name == null) continue;
            Role role = Role.valueOf(name.toUpperCase(Locale.ROOT));
            if (role.ofAnAgency()) {
                if (!(organ instanceof String organId) || organId.isBlank()) continue;
                authorities.add(new SimpleGrantedAuthority(Role.ORGAN_AUTHORITY_PREFIX + organId.strip()));
            }
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        return authorities;
    }

    private List<String> claimValues(Map<String, Object> claims) {
        Object value = claims;
        for (String step : rolesClaim.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) return List.of();
            value = map.get(step);
        }
        if (value instanceof Collection<?> values) return values.stream().map(String::valueOf).toList();
        if (value instanceof String single) return List.of(single.split("[ ,]+"));
        return List.of();
    }
}
