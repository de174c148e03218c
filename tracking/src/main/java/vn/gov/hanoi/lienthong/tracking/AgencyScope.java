package vn.gov.hanoi.lienthong.tracking;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;
import vn.gov.hanoi.lienthong.operations.people.Role;

/**
 * The agencies whose documents a signed-in person may follow: a clerk's or a leader's own agency (the organ code
 * the person is bound to), and for a leader also the units the directory names it the parent of, down the tree.
 * Anyone else follows none.
 *
 * @param organId the person's own agency
 * @param organs  every agency the person may follow, the own one first
 */
public record AgencyScope(String person, String organId, Set<String> organs, boolean clerk, boolean leader) {

    public static AgencyScope of(Authentication authentication, AgencyDirectory directory) {
        String organ = null;
        boolean clerk = false;
        boolean leader = false;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith(Role.ORGAN_AUTHORITY_PREFIX)) organ = name.substring(Role.ORGAN_AUTHORITY_PREFIX.length());
            if (name.equals(Role.CLERK.authority())) clerk = true;
            if (name.equals(Role.LEADER.authority())) leader = true;
        }
        if (organ == null || !(clerk || leader)) throw RefusedException.because(ReasonCode.NOT_PERMITTED);
        Set<String> organs = leader ? directory.withUnitsBelow(organ) : new LinkedHashSet<>(Set.of(organ));
        return new AgencyScope(authentication.getName(), organ, java.util.Collections.unmodifiableSet(organs), clerk, leader);
    }

    /** What only the agency's clerk does (confirm a paper copy, register, report from the desk). */
    public void requireClerk() {
        if (!clerk) throw RefusedException.because(ReasonCode.NOT_PERMITTED);
    }

    public boolean covers(String organ) {
        return organs.contains(organ);
    }

    /** The agencies a list is for: the one asked for (which must be in the scope), else all of the scope. */
    public String[] narrowedTo(String organ) {
        if (organ == null || organ.isBlank()) return organs.toArray(String[]::new);
        if (!covers(organ.strip())) throw RefusedException.because(ReasonCode.NOT_PERMITTED);
        return new String[] {organ.strip()};
    }
}
