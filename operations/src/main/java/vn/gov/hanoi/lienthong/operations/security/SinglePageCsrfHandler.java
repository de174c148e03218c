package vn.gov.hanoi.lienthong.operations.security;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

/**
 * CSRF tokens for both kinds of page: a form (the sign-in page) gets the BREACH-masked token in its hidden field;
 * Hawtio's console, a single-page application, reads the raw token from the XSRF-TOKEN cookie and sends it back
 * in the X-XSRF-TOKEN header (Spring Security's documented arrangement for single-page applications).
 */
final class SinglePageCsrfHandler extends CsrfTokenRequestAttributeHandler {

    private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        masked.handle(request, response, token);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        if (StringUtils.hasText(request.getHeader(token.getHeaderName()))) {
            return super.resolveCsrfTokenValue(request, token);
        }
        return masked.resolveCsrfTokenValue(request, token);
    }
}
