package vn.gov.hanoi.lienthong.archive.access;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import vn.gov.hanoi.lienthong.core.directory.AgencyDirectory;

/**
 * A person using the archive, as signed in: the name, the roles and the agencies whose documents the person may read
 * (from the authorities {@code ROLE_*} and {@code ORGAN_*} that the people's chain gives: a clerk its agency, a leader
 * also the units below it in the directory, as in the tracking). Agency systems never reach the archive as people.
 */
public record ArchiveReader(String username, Set<String> roles, Set<String> organs) {

    public static final String ARCHIVIST = "ARCHIVIST";
    public static final String AUDITOR = "AUDITOR";
    public static final String CLERK = "CLERK";
    public static final String LEADER = "LEADER";

    public static ArchiveReader of(Authentication authentication, AgencyDirectory directory) {
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        Set<String> roles = authorities.stream().filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        Set<String> bound = authorities.stream().filter(a -> a.startsWith("ORGAN_")).map(a -> a.substring(6)).collect(Collectors.toSet());
        Set<String> organs = new java.util.LinkedHashSet<>(bound);
        if (roles.contains(LEADER)) bound.forEach(organ -> organs.addAll(directory.withUnitsBelow(organ)));
        return new ArchiveReader(authentication.getName(), roles, java.util.Collections.unmodifiableSet(organs));
    }

    public boolean archivist() {
        return roles.contains(ARCHIVIST);
    }

    /** Refuses ({@code NOT_PERMITTED}) anyone but an archivist. */
    public void requireArchivist() {
        if (!archivist()) {
            throw vn.gov.hanoi.lienthong.core.refusal.RefusedException.because(vn.gov.hanoi.lienthong.core.refusal.ReasonCode.NOT_PERMITTED);
        }
    }

    public boolean ofAnAgency() {
        return roles.contains(CLERK) || roles.contains(LEADER);
    }

    public List<String> roleList() {
        return roles.stream().sorted().toList();
    }
}
