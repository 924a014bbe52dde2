package vn.phaodai.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 9457 problem+json written straight to the response, for answers given before a controller is
 * reached (security filters, the input filter, the error page of the API): same shape as {@link vn.phaodai.shared.web.ProblemHandler}'s.
 */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    /** A request of the API (machines), as opposed to the server-rendered pages (people). */
    public static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && uri.startsWith(context)) uri = uri.substring(context.length());
        return uri.startsWith("/api/") || uri.equals("/api");
    }

    public static void write(HttpServletResponse response, int status, String title, String detail, List<FieldError> errors)
            throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(status, title, detail, errors));
        response.flushBuffer();
    }

    public static String json(int status, String title, String detail, List<FieldError> errors) {
        StringBuilder s = new StringBuilder("{\"type\":\"about:blank\",\"title\":").append(quote(title))
                .append(",\"status\":").append(status);
        if (detail != null) s.append(",\"detail\":").append(quote(detail));
        if (errors != null && !errors.isEmpty()) {
            s.append(",\"errors\":[");
            for (int i = 0; i < errors.size(); i++) {
                if (i > 0) s.append(',');
                s.append("{\"field\":").append(quote(errors.get(i).field())).append(",\"message\":")
                        .append(quote(errors.get(i).message())).append('}');
            }
            s.append(']');
        }
        return s.append('}').toString();
    }

    private static String quote(String text) {
        if (text == null) return "null";
        StringBuilder s = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) s.append(String.format("\\u%04x", (int) c));
                    else s.append(c);
                }
            }
        }
        return s.append('"').toString();
    }
}
