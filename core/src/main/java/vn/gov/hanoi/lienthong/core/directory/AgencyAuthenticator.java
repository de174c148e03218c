package vn.gov.hanoi.lienthong.core.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/**
 * Checks an agency system's credentials against the bcrypt hashes of the directory.
 *
 * <p>bcrypt costs tens of milliseconds on purpose; an agency system calls many times a minute with the same
 * secret, so the SHA-256 of the last secret that verified is remembered per user and compared in constant
 * time. Only digests are kept, never the secret.
 */
@Component
public class AgencyAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyAuthenticator.class);

    private final AgencyDirectory directory;
    private final AgencyCertificates certificates;
    private final Map<String, byte[]> verifiedDigests = new ConcurrentHashMap<>();

    public AgencyAuthenticator(AgencyDirectory directory, AgencyCertificates certificates) {
        this.directory = directory;
        this.certificates = certificates;
    }

    public Agency authenticate(String username, String secret) {
        return authenticate(username, secret, null);
    }

    /**
     * @param clientChain the TLS client certificate chain the caller presented (the servlet request's
     *                    jakarta.servlet.request.X509Certificate), already verified by the server against its trust
     *                    store; null over plain HTTP or without one
     */
    public Agency authenticate(String username, String secret, java.security.cert.X509Certificate[] clientChain) {
        Agency agency = authenticateBySecret(username, secret);
        if (agency.clientCertificateSha256() != null) {
            String presented = clientChain == null || clientChain.length == 0 ? null
                    : vn.gov.hanoi.lienthong.core.signature.Fingerprints.sha256(clientChain[0]);
            if (!agency.clientCertificateSha256().equals(presented)) {
                LOG.warn("Refused a call from system '{}': {}", username, presented == null
                        ? "no TLS client certificate" : "TLS client certificate " + presented + " is not the one in the directory");
                throw RefusedException.because(ReasonCode.CLIENT_CERTIFICATE_REQUIRED, agency.organId());
            }
            // Remembered with its end (once), for the operators' warning before it expires.
            certificates.seen(agency.organId(), presented, AgencyCertificates.Usage.TLS_CLIENT,
                    clientChain[0].getSubjectX500Principal().getName(), clientChain[0].getNotAfter().toInstant());
        }
        return agency;
    }

    private Agency authenticateBySecret(String username, String secret) {
        if (username == null || secret == null) {
            LOG.warn("Refused a call without credentials");
            throw RefusedException.because(ReasonCode.AUTHENTICATION_FAILED);
        }
        Agency agency = directory.byUsername(username).orElse(null);
        if (agency == null || !secretMatches(agency, secret)) {
            LOG.warn("Refused a call: wrong credentials for system '{}'", username);
            throw RefusedException.because(ReasonCode.AUTHENTICATION_FAILED);
        }
        if (!agency.mayExchange()) {
            LOG.warn("Refused a call from suspended agency {}", agency);
            throw RefusedException.because(ReasonCode.AGENCY_NOT_ACTIVE, agency.organId());
        }
        return agency;
    }

    private boolean secretMatches(Agency agency, String secret) {
        byte[] digest = sha256(agency.secretHash() + '\0' + secret);
        byte[] known = verifiedDigests.get(agency.username());
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return true;
        }
        boolean matches;
        try {
            matches = BCrypt.checkpw(secret, agency.secretHash());
        } catch (IllegalArgumentException e) {
            matches = false;
        }
        if (matches) {
            verifiedDigests.put(agency.username(), digest);
        }
        return matches;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
