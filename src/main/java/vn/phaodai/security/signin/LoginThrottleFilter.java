package vn.phaodai.security.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.phaodai.shared.Problems;

import java.io.IOException;

/**
 * Refuses a login from an address that {@link LoginThrottle} holds back: 429 problem+json for HTTP Basic on
 * the API, the login page with a message for the form. Requests without a password pass untouched.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final RequestTexts texts;

    LoginThrottleFilter(LoginThrottle throttle, RequestTexts texts) {
        this.throttle = throttle;
        this.texts = texts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        boolean form = "POST".equals(request.getMethod()) && (request.getContextPath() + "/login").equals(request.getRequestURI());
        if (basic || form) {
            long wait = throttle.retryAfterSeconds(request.getRemoteAddr());
            if (wait > 0) {
                response.setHeader("Retry-After", Long.toString(wait));
                if (form) {
                    response.sendRedirect(request.getContextPath() + "/login?throttled");
                } else {
                    Problems.write(response, 429, texts.get(request, "security.login.throttled.title"),
                            texts.get(request, "security.login.throttled.detail", Long.toString(wait)), null);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
