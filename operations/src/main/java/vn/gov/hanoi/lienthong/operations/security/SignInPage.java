package vn.gov.hanoi.lienthong.operations.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page for people (GET /login): Vietnamese first, English beside it, a labelled form, no script,
 * style or font fetched from anywhere. It is served by the security filter chain itself, like Spring
 * Security's own page, so that it exists on whichever port the actuator runs ({@code management.server.port}).
 * Spring Security handles the POST.
 */
final class SignInPage extends OncePerRequestFilter {

    static final String PATH = "/login";

    /** Where a person signs in through the city's OpenID Connect provider; null when none is configured. */
    private final String providerSignIn;

    SignInPage(String providerSignIn) {
        this.providerSignIn = providerSignIn;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"GET".equals(request.getMethod()) || !PATH.equals(request.getServletPath() + nullToEmpty(request.getPathInfo()))) {
            chain.doFilter(request, response);
            return;
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String notice = "";
        if (request.getParameter("error") != null && providerSignIn != null && request.getSession(false) != null
                && request.getSession(false).getAttribute("SPRING_SECURITY_LAST_EXCEPTION")
                        instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException) {
            notice = "<p class=\"error\" role=\"alert\">Không đăng nhập được qua tài khoản của thành phố.<br><span lang=\"en\">"
                    + "The city's sign-in did not succeed.</span></p>";
        } else if (request.getParameter("error") != null) {
            notice = "<p class=\"error\" role=\"alert\">Tên đăng nhập hoặc mật khẩu không đúng, hoặc tạm thời bị khóa sau nhiều "
                    + "lần sai.<br><span lang=\"en\">Wrong name or secret, or held for a while after repeated failures.</span></p>";
        } else if (request.getParameter("logout") != null) {
            notice = "<p class=\"notice\" role=\"status\">Đã đăng xuất.<br><span lang=\"en\">Signed out.</span></p>";
        }
        String html = """
                <!DOCTYPE html>
                <html lang="vi">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Đăng nhập — Trục liên thông văn bản Hà Nội</title>
                <style>
                body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
                h1{font-size:1.4rem}label{display:block;margin-top:1rem;font-weight:600}
                input{width:100%%;box-sizing:border-box;padding:.5rem;font-size:1rem;margin-top:.25rem}
                button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem}
                .error{color:#a00000}.notice{color:#005a00}[lang=en]{color:#555;font-weight:normal}
                </style>
                </head>
                <body>
                <main>
                <h1>Đăng nhập <span lang="en">/ Sign in</span></h1>
                <p>Trục liên thông văn bản thành phố Hà Nội — dành cho cán bộ vận hành, quản trị và kiểm tra.<br>
                <span lang="en">Liên Thông, the city's document hub — for operators, administrators and auditors.</span></p>
                %s
                <form method="post" action="%s">
                <label for="username">Tên đăng nhập <span lang="en">/ Name</span></label>
                <input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">Mật khẩu <span lang="en">/ Secret</span></label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                %s
                <button type="submit">Đăng nhập <span lang="en">/ Sign in</span></button>
                </form>
                %s
                </main>
                </body>
                </html>
                """.formatted(notice, HtmlUtils.htmlEscape(request.getContextPath() + PATH),
                csrf == null ? "" : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName())
                        + "\" value=\"" + HtmlUtils.htmlEscape(csrf.getToken()) + "\">",
                providerSignIn == null ? "" : "<p><a id=\"city-sign-in\" href=\"" + HtmlUtils.htmlEscape(request.getContextPath() + providerSignIn)
                        + "\">Đăng nhập bằng tài khoản của thành phố <span lang=\"en\">/ Sign in with the city's account</span></a></p>");
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A browser asking for a page (not a program, not Hawtio's console fetching data): sent to the form. */
    static boolean wantsAPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && request.getHeader("X-Requested-With") == null;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
