package vn.phaodai.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.net.URI;
import java.util.Map;

/**
 * A page's form whose value could not even be read (a word in a number field, a name where an id is asked) goes
 * back to the page it was typed on, with the message at its field and everything typed kept, never to an error page.
 * Forms that bind to a {@link org.springframework.validation.BindingResult} answer it themselves, with all their
 * fields' messages at once; this is the net for the others. The API keeps its problem+json ({@link ProblemHandler},
 * ordered first).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageInputAdvice {

    @ExceptionHandler(TypeMismatchException.class)
    String wrongType(TypeMismatchException e, HttpServletRequest request) {
        String field = e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return back(request, Map.of(field == null ? FormErrors.FORM : field, FormErrors.wrongType(e.getRequiredType())));
    }

    @ExceptionHandler(BindException.class)
    String unreadable(BindException e, HttpServletRequest request) {
        return back(request, FormErrors.of(e.getBindingResult()));
    }

    private static String back(HttpServletRequest request, Map<String, String> errors) {
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("errors", errors);
        flash.put("posted", PostedValues.of(request));
        return "redirect:" + formPage(request);
    }

    /** The page the form was on (a path of this site), else the path it was posted to (most forms post to their page). */
    static String formPage(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                if (uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName())) {
                    String path = uri.getRawPath();
                    if (path != null && path.startsWith("/") && !path.startsWith("//")) {
                        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // not a URI: fall back to the form's own path
            }
        }
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
