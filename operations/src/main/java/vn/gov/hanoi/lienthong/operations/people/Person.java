package vn.gov.hanoi.lienthong.operations.people;

import java.util.Set;

/**
 * Someone who signs in to the hub.
 *
 * @param username   what the person signs in with
 * @param name       the person's name, as shown to others
 * @param roles      what the person may do
 * @param secretHash the bcrypt hash of the person's secret (never the secret itself)
 * @param organId    the agency a clerk or leader acts for (its organ code); null for the hub's own people
 */
public record Person(String username, String name, Set<Role> roles, String secretHash, String organId) {

    public Person {
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return username + " " + roles + (organId == null ? "" : " of " + organId);
    }
}
