package vn.gov.hanoi.lienthong.core.directory;

import java.net.URI;

/**
 * One entry of the agency directory.
 *
 * @param organId    the hierarchical organ code (e.g. 000.00.12.H26)
 * @param name       the agency's name in Vietnamese
 * @param parentOrganId the organ code of the unit it belongs to, if any (in the directory too)
 * @param mailbox    the official mailbox (on .hanoi.gov.vn, Article 17.2b)
 * @param channel    how the hub reaches it
 * @param endpoint   the agency system's service address, for push channels
 * @param username   the name its system authenticates with
 * @param secretHash the hash of its system's secret (bcrypt); the secret itself is never stored
 * @param state      onboarding, active or suspended
 * @param certificateSha256 the SHA-256 fingerprints (lower-case hex) of the certificates its documents are signed
 *                   with; when there are any, a signature by another certificate is refused
 * @param clientCertificateSha256 the SHA-256 fingerprint (lower-case hex) of the TLS client certificate its system
 *                   must present on every call (mutual TLS, as X-Road pins a member's certificate); null: none required
 * @param keepsRegisters whether the hub keeps the agency's incoming and outgoing registers (Decree 30/2020)
 * @param usesDesk   whether the agency's clerk works in the hub's browser desk (an agency without a DMS,
 *                   Article 6.2b): opens, registers, assigns, reports and sends there
 */
public record Agency(String organId, String name, String parentOrganId, String mailbox, Channel channel, URI endpoint,
                     String username, String secretHash, AgencyState state, java.util.List<String> certificateSha256,
                     String clientCertificateSha256, boolean keepsRegisters, boolean usesDesk) {

    public Agency withState(AgencyState newState) {
        return new Agency(organId, name, parentOrganId, mailbox, channel, endpoint, username, secretHash, newState,
                certificateSha256, clientCertificateSha256, keepsRegisters, usesDesk);
    }

    public boolean mayExchange() {
        return state != AgencyState.SUSPENDED;
    }

    @Override
    public String toString() {
        return organId + " (" + name + ")";
    }
}
