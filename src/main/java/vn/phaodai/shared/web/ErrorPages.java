package vn.phaodai.shared.web;

import vn.phaodai.shared.SharedTexts;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /error}: the pages keep their error pages (error/404.html…); everything else (the API, machines)
 * gets problem+json with a title in the user's language (Vietnamese first), whatever sent it there (a filter's
 * 401, an unknown path, a method not allowed). Opened directly, without an error, it is a page that does not exist
 * (404).
 */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication // a command line has no error pages
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPages extends BasicErrorController {

    ErrorPages(ErrorAttributes attributes, WebProperties web, List<ErrorViewResolver> resolvers) {
        super(attributes, web.getError(), resolvers);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status.value());
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (status.is4xxClientError() && message instanceof String m && !m.isBlank()) body.put("detail", m);
        else body.put("detail", title(status));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String u) body.put("instance", u);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @Override
    protected HttpStatus getStatus(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) return HttpStatus.NOT_FOUND;
        return super.getStatus(request);
    }

    static String title(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> SharedTexts.get("shared.problem.badRequest");
            case 401 -> SharedTexts.get("shared.problem.unauthenticated");
            case 403 -> SharedTexts.get("shared.problem.forbidden");
            case 404 -> SharedTexts.get("shared.problem.notFound");
            case 405 -> SharedTexts.get("shared.problem.methodNotAllowed");
            case 406 -> SharedTexts.get("shared.problem.notAcceptable");
            case 409 -> SharedTexts.get("shared.problem.conflict");
            case 413 -> SharedTexts.get("shared.problem.tooLarge");
            case 415 -> SharedTexts.get("shared.problem.unsupportedType");
            case 429 -> SharedTexts.get("shared.problem.tooManyRequests");
            default -> status.is5xxServerError() ? SharedTexts.get("shared.problem.serverError") : status.getReasonPhrase();
        };
    }
}
