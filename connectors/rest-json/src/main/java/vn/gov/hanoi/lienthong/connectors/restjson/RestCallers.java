package vn.gov.hanoi.lienthong.connectors.restjson;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import vn.gov.hanoi.lienthong.core.directory.Agency;
import vn.gov.hanoi.lienthong.core.directory.AgencyAuthenticator;
import vn.gov.hanoi.lienthong.core.refusal.ReasonCode;
import vn.gov.hanoi.lienthong.core.refusal.RefusedException;

/**
 * The agency system behind a REST call, by its HTTP Basic credentials (the same as over SOAP), and its TLS client
 * certificate where the directory pins one.
 */
@Component
public class RestCallers {

    /** Where the servlet container puts the TLS client certificate chain it verified. */
    static final String CLIENT_CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final AgencyAuthenticator authenticator;

    public RestCallers(AgencyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    public Agency authenticate(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return authenticator.authenticate(null, null);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RefusedException.because(ReasonCode.AUTHENTICATION_FAILED);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) throw RefusedException.because(ReasonCode.AUTHENTICATION_FAILED);
        return authenticator.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1),
                (java.security.cert.X509Certificate[]) request.getAttribute(CLIENT_CERTIFICATES));
    }
}
