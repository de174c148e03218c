package vn.gov.hanoi.lienthong.operations.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Prometheus scrapes {@code /actuator/prometheus} with a bearer token instead of a person's credentials
 * ({@code Authorization: Bearer …}). The hub keeps only the token's SHA-256 ({@code hub.metrics.scrape-token-sha256};
 * a long random token needs no slow hash). The token opens the scrape and nothing else: it grants the role
 * {@link #SCRAPER}, which no other endpoint accepts. No hash configured: no token is accepted.
 */
final class ScrapeTokenFilter extends OncePerRequestFilter {

    static final String SCRAPER = "METRICS_SCRAPER";

    private final byte[] expectedSha256;

    ScrapeTokenFilter(String tokenSha256Hex) {
        this.expectedSha256 = tokenSha256Hex == null || tokenSha256Hex.isBlank() ? null
                : HexFormat.of().parseHex(tokenSha256Hex.strip().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (expectedSha256 != null && authorization != null && authorization.startsWith("Bearer ")
                && MessageDigest.isEqual(expectedSha256, sha256(authorization.substring(7).strip()))) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "prometheus", null, List.of(new SimpleGrantedAuthority("ROLE_" + SCRAPER))));
        }
        chain.doFilter(request, response);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
