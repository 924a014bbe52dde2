package vn.phaodai.shared.web;

import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InputLimits;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9457 problem+json for the API, naming the field or the row that is wrong. Whatever a client sends
 * is answered 4xx: unreadable JSON and wrong types name the field; a value the database refuses is 400
 * or 409 (the last safety net: validation comes first); only a fault of the server is 500, and its answer
 * tells nothing of the inside.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(0) // before PageInputAdvice, which would also match a RestController
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Messages messages;

    ProblemHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return invalid(e.getMessage(), e.errors());
    }

    private ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setTitle(messages.get("shared.problem.invalid"));
        p.setProperty("errors", errors);
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle(messages.get("shared.problem.notFound"));
        return p;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle(messages.get("shared.problem.conflict"));
        if (e.field() != null) p.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
        e.details().forEach(p::setProperty);
        return p;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle(messages.get("shared.problem.badRequest"));
        return p;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                e.getMessage() == null || e.getMessage().equals("Access Denied") ? messages.get("shared.problem.forbiddenDetail") : e.getMessage());
        p.setTitle(messages.get("shared.problem.forbidden"));
        return p;
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail unauthenticated(AuthenticationException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, messages.get("shared.problem.loginNeeded"));
        p.setTitle(messages.get("shared.problem.unauthenticated"));
        return p;
    }

    /** A file endpoint called without a file (a JSON body, an empty request). */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail notMultipart(org.springframework.web.multipart.MultipartException e) {
        String message = messages.get("shared.problem.fileNeeded");
        return invalid("file: " + message, List.of(new FieldError("file", message)));
    }

    /** A value the database refused: the input's fault (400, 409), never the server's. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> database(DataAccessException e) {
        String state = sqlState(e);
        HttpStatus status;
        String detail;
        if (state == null) return unexpected(e);
        switch (state) {
            case "22001", "54000" -> {
                status = HttpStatus.BAD_REQUEST;
                detail = messages.get("shared.problem.tooLong");
            }
            case "22007", "22008" -> {
                status = HttpStatus.BAD_REQUEST;
                detail = messages.get("shared.problem.dateOutOfRange");
            }
            case "22003" -> {
                status = HttpStatus.BAD_REQUEST;
                detail = messages.get("shared.problem.numberOutOfRange");
            }
            case "22021", "22P05", "22P02", "22023", "22004", "22000", "22012", "2201B", "23502", "23514" -> {
                status = HttpStatus.BAD_REQUEST;
                detail = messages.get("shared.problem.invalidValue");
            }
            case "23505", "23P01" -> {
                status = HttpStatus.CONFLICT;
                detail = messages.get("shared.problem.exists");
            }
            case "23503" -> {
                status = HttpStatus.CONFLICT;
                detail = messages.get("shared.problem.reference");
            }
            case "40P01", "40001", "55P03" -> { // two requests crossed: nothing was written, the same request may be sent again
                status = HttpStatus.SERVICE_UNAVAILABLE;
                detail = messages.get("shared.problem.busy");
            }
            default -> {
                return unexpected(e);
            }
        }
        log.info("Refused by the database ({}): {}", state, e.getMostSpecificCause().getMessage());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(messages.get(status == HttpStatus.CONFLICT ? "shared.problem.conflict" : "shared.problem.invalid"));
        return ResponseEntity.status(status).body(p);
    }

    /** The last resort: logged in full, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        if (annotated != null) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(annotated.code(), e.getMessage());
            return ResponseEntity.status(annotated.code()).body(p);
        }
        log.error("Unexpected error answering a request", e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                messages.get("shared.problem.unexpected"));
        p.setTitle(messages.get("shared.problem.serverError"));
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(p);
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) return sql.getSQLState();
        }
        return null;
    }

    /** Unreadable JSON, a wrong type, a value out of {@link InputLimits}: 400 naming the field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        JacksonException json = find(e, JacksonException.class);
        String field = json == null ? "" : path(json);
        String message;
        if (json instanceof InputConfiguration.InputLimitExceeded limit) {
            message = limit.getOriginalMessage();
        } else if (json instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            message = messages.get("shared.input.oneOf",
                    String.join(", ", Arrays.stream(format.getTargetType().getEnumConstants()).map(String::valueOf).toList()));
        } else if (json instanceof tools.jackson.databind.exc.InvalidNullException) {
            message = messages.get("shared.input.notNull");
        } else if (json instanceof MismatchedInputException mismatch) {
            Class<?> type = mismatch.getTargetType();
            message = wrongType(type);
        } else if (json instanceof StreamReadException) {
            message = messages.get("shared.input.badJson");
        } else {
            message = messages.get("shared.input.unreadable");
        }
        if (field.isEmpty()) field = "body";
        return ResponseEntity.badRequest().headers(headers).body(invalid(field + ": " + message, List.of(new FieldError(field, message))));
    }

    /** A parameter or path segment of the wrong type, or a date out of range. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
                                                        WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        if (field == null) field = "";
        IllegalArgumentException ours = find(e, IllegalArgumentException.class);
        String message;
        if (ours != null && InputLimits.outOfRange().equals(ours.getMessage())) message = ours.getMessage();
        else if (e.getRequiredType() != null && e.getRequiredType().isEnum()) {
            message = messages.get("shared.input.oneOf",
                    String.join(", ", Arrays.stream(e.getRequiredType().getEnumConstants()).map(String::valueOf).toList()));
        } else message = wrongType(e.getRequiredType());
        return ResponseEntity.badRequest().headers(headers).body(invalid(field + ": " + message, List.of(new FieldError(field, message))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        String message = messages.get("shared.input.required");
        return ResponseEntity.badRequest().headers(headers)
                .body(invalid(e.getParameterName() + ": " + message, List.of(new FieldError(e.getParameterName(), message))));
    }

    private String wrongType(Class<?> type) {
        return type == null ? messages.get("shared.input.wrongType") : messages.get("shared.input.wrongTypeNeeds", describe(type));
    }

    private String describe(Class<?> type) {
        if (type == String.class) return messages.get("shared.type.string");
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class || type == Short.class
                || type == short.class) return messages.get("shared.type.integer");
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) return messages.get("shared.type.number");
        if (type == Boolean.class || type == boolean.class) return messages.get("shared.type.boolean");
        if (type == java.time.LocalDate.class) return messages.get("shared.type.date");
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) return messages.get("shared.type.dateTime");
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return messages.get("shared.type.list");
        if (type.isEnum()) {
            return messages.get("shared.type.oneOf", String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList()));
        }
        return messages.get("shared.type.object");
    }

    private static String path(JacksonException e) {
        StringBuilder s = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!s.isEmpty()) s.append('.');
                s.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
            if (t.getCause() == t) break;
        }
        return null;
    }
}
