package vn.phaodai.security.signin;

import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.accounts.Users;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Ends a session at once when its user is disabled, or their password or rights change: the stamp
 * kept in the session no longer matches the account's.
 */
class SessionStampFilter extends OncePerRequestFilter {

    private final Users users;

    SessionStampFilter(Users users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof PhaodaiUser user && request.getSession(false) != null) {
            boolean live = users.liveStamp(user.username()).filter(s -> s == user.stamp()).isPresent();
            if (!live) {
                HttpSession session = request.getSession(false);
                if (session != null) session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
