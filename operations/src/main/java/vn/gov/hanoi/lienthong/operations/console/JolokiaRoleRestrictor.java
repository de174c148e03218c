package vn.gov.hanoi.lienthong.operations.console;

import java.io.IOException;
import java.util.Set;

import javax.management.ObjectName;

import org.jolokia.server.core.config.ConfigKey;
import org.jolokia.server.core.config.Configuration;
import org.jolokia.server.core.restrictor.AllowAllRestrictor;
import org.jolokia.server.core.restrictor.RestrictorFactory;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.gov.hanoi.lienthong.operations.people.Role;

/**
 * Jolokia's access policy by the role of the person signed in: operators read (read, list, search, version,
 * notifications), administrators also write attributes and execute operations. Below that, the MBean-level
 * policy of {@code policyLocation} (jolokia-access.xml) still applies to everybody.
 *
 * <p>Jolokia asks a restrictor with no request in hand; the person is the one Spring Security authenticated on
 * this very request thread (the security filter chain runs around Jolokia's servlet), so it is read from the
 * security context. No person in it: nothing is allowed.
 */
public final class JolokiaRoleRestrictor implements Restrictor {

    private static final Set<RequestType> READING = Set.of(RequestType.READ, RequestType.LIST, RequestType.SEARCH,
            RequestType.VERSION, RequestType.NOTIFICATION, RequestType.CONFIG);

    private final Restrictor policy;

    /** Jolokia's constructor for a restrictorClass: its configuration names the MBean-level policy file. */
    public JolokiaRoleRestrictor(Configuration configuration) throws IOException {
        String location = configuration.getConfig(ConfigKey.POLICY_LOCATION);
        this.policy = location == null || location.isBlank() ? new AllowAllRestrictor()
                : RestrictorFactory.lookupPolicyRestrictor(location);
        if (this.policy == null) {
            throw new IllegalStateException("Jolokia policy " + location + " not found");
        }
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        boolean allowed = READING.contains(type) ? has(Role.OPERATOR) || has(Role.ADMINISTRATOR) : has(Role.ADMINISTRATOR);
        return allowed && policy.isTypeAllowed(type);
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return (has(Role.OPERATOR) || has(Role.ADMINISTRATOR)) && policy.isAttributeReadAllowed(name, attribute);
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return has(Role.ADMINISTRATOR) && policy.isAttributeWriteAllowed(name, attribute);
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        return has(Role.ADMINISTRATOR) && policy.isOperationAllowed(name, operation);
    }

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return policy.isHttpMethodAllowed(method);
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return policy.isRemoteAccessAllowed(hostOrAddress);
    }

    @Override
    public boolean isOriginAllowed(String origin, boolean onlyWhenStrictCheckingIsEnabled) {
        return policy.isOriginAllowed(origin, onlyWhenStrictCheckingIsEnabled);
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return policy.isObjectNameHidden(name);
    }

    @Override
    public boolean ignoreScheme() {
        return policy.ignoreScheme();
    }

    private static boolean has(Role role) {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        if (person == null || !person.isAuthenticated()) return false;
        for (GrantedAuthority authority : person.getAuthorities()) {
            if (role.authority().equals(authority.getAuthority())) return true;
        }
        return false;
    }
}
