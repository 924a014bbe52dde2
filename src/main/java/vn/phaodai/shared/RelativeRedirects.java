package vn.phaodai.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.RedirectStrategy;

import java.io.IOException;
import java.net.URI;

/**
 * Redirects that never name a host: an absolute URL (a saved request, built from the Host header the
 * client sent) keeps only its path and query, so {@code Host: evil.example} cannot come back in a
 * {@code Location}. With {@code server.tomcat.use-relative-redirects} Tomcat leaves them relative.
 */
public final class RelativeRedirects implements RedirectStrategy {

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        response.sendRedirect(response.encodeRedirectURL(relative(request, url)));
    }

    public static String relative(HttpServletRequest request, String url) {
        if (url == null || url.isEmpty()) return request.getContextPath() + "/";
        if (url.startsWith("/") && !url.startsWith("//")) {
            return url.startsWith(request.getContextPath()) ? url : request.getContextPath() + url;
        }
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null && uri.getRawAuthority() == null) return url;
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return request.getContextPath() + "/";
        }
    }
}
