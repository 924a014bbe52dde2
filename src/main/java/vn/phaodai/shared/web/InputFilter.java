package vn.phaodai.shared.web;

import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InputLimits;
import vn.phaodai.shared.Problems;
import vn.phaodai.shared.SharedTexts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every request parameter and form field (not the parts of an upload) within {@link InputLimits}: a NUL
 * character or a text longer than the limit is refused with 400 naming the parameter, as problem+json on
 * the API and as the error page on the pages, before any controller or SQL sees it. Runs after the
 * security filters, so nobody anonymous gets this far.
 */
class InputFilter extends OncePerRequestFilter {

    private final LocaleResolver languages;

    InputFilter(LocaleResolver languages) {
        this.languages = languages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The servlet has not chosen the language yet: the refusals speak the user's (the cookie's), not the browser's.
        LocaleContext before = LocaleContextHolder.getLocaleContext();
        List<FieldError> errors;
        String title;
        try {
            LocaleContextHolder.setLocale(languages.resolveLocale(request));
            errors = problems(request);
            title = errors.isEmpty() ? null : SharedTexts.get("shared.problem.invalid");
        } finally {
            LocaleContextHolder.setLocaleContext(before);
        }
        if (errors.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("");
        if (Problems.isApi(request)) {
            Problems.write(response, 400, title, detail, errors);
        } else {
            response.sendError(400, detail);
        }
    }

    private static List<FieldError> problems(HttpServletRequest request) {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
        List<FieldError> errors = new ArrayList<>();
        if (!multipart) {
            for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
                String nameProblem = InputLimits.textProblem(e.getKey());
                if (nameProblem != null) {
                    errors.add(new FieldError(InputLimits.shorten(e.getKey()), nameProblem));
                    continue;
                }
                for (String value : e.getValue()) {
                    String problem = InputLimits.textProblem(e.getKey(), value);
                    if (problem != null) {
                        errors.add(new FieldError(e.getKey(), problem));
                        break;
                    }
                }
            }
        }
        return errors;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
