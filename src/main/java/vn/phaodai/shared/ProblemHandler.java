package vn.phaodai.shared;

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
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return invalid(e.getMessage(), e.errors());
    }

    private static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setTitle("Dữ liệu không hợp lệ");
        p.setProperty("errors", errors);
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Không tìm thấy");
        return p;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Xung đột dữ liệu");
        if (e.field() != null) p.setProperty("errors", List.of(new FieldError(e.field(), e.getMessage())));
        e.details().forEach(p::setProperty);
        return p;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Yêu cầu không hợp lệ");
        return p;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                e.getMessage() == null || e.getMessage().equals("Access Denied") ? "Bạn không có quyền thực hiện việc này" : e.getMessage());
        p.setTitle("Không có quyền");
        return p;
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail unauthenticated(AuthenticationException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Cần đăng nhập");
        p.setTitle("Chưa đăng nhập");
        return p;
    }

    /** A file endpoint called without a file (a JSON body, an empty request). */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail notMultipart(org.springframework.web.multipart.MultipartException e) {
        return invalid("file: Cần tải lên một tệp (multipart/form-data)", List.of(new FieldError("file", "Cần tải lên một tệp (multipart/form-data)")));
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
                detail = "Một giá trị quá dài";
            }
            case "22007", "22008" -> {
                status = HttpStatus.BAD_REQUEST;
                detail = "Một ngày hoặc giờ nằm ngoài khoảng cho phép";
            }
            case "22003" -> {
                status = HttpStatus.BAD_REQUEST;
                detail = "Một số nằm ngoài khoảng cho phép";
            }
            case "22021", "22P05", "22P02", "22023", "22004", "22000", "22012", "2201B", "23502", "23514" -> {
                status = HttpStatus.BAD_REQUEST;
                detail = "Một giá trị không hợp lệ";
            }
            case "23505", "23P01" -> {
                status = HttpStatus.CONFLICT;
                detail = "Bản ghi đã tồn tại";
            }
            case "23503" -> {
                status = HttpStatus.CONFLICT;
                detail = "Bản ghi tham chiếu không tồn tại hoặc đang được dùng";
            }
            case "40P01", "40001", "55P03" -> { // two requests crossed: nothing was written, the same request may be sent again
                status = HttpStatus.SERVICE_UNAVAILABLE;
                detail = "Hệ thống đang bận với một yêu cầu khác trên cùng dữ liệu; không có gì được ghi, hãy gửi lại";
            }
            default -> {
                return unexpected(e);
            }
        }
        log.info("Refused by the database ({}): {}", state, e.getMostSpecificCause().getMessage());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(status == HttpStatus.CONFLICT ? "Xung đột dữ liệu" : "Dữ liệu không hợp lệ");
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
                "Lỗi không mong đợi ở máy chủ; đã được ghi lại. Vui lòng thử lại sau.");
        p.setTitle("Lỗi máy chủ");
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
            message = "Giá trị không hợp lệ; phải là một trong: "
                    + String.join(", ", Arrays.stream(format.getTargetType().getEnumConstants()).map(String::valueOf).toList());
        } else if (json instanceof tools.jackson.databind.exc.InvalidNullException) {
            message = "Không được để trống (null)";
        } else if (json instanceof MismatchedInputException mismatch) {
            Class<?> type = mismatch.getTargetType();
            message = "Sai kiểu dữ liệu" + (type == null ? "" : ": cần " + describe(type));
        } else if (json instanceof StreamReadException) {
            message = "JSON không đúng cú pháp";
        } else {
            message = "Nội dung yêu cầu không đọc được (cần JSON)";
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
        if (ours != null && ours.getMessage() != null && ours.getMessage().startsWith("Ngày nằm ngoài")) message = ours.getMessage();
        else if (e.getRequiredType() != null && e.getRequiredType().isEnum()) {
            message = "Giá trị không hợp lệ; phải là một trong: "
                    + String.join(", ", Arrays.stream(e.getRequiredType().getEnumConstants()).map(String::valueOf).toList());
        } else message = "Sai kiểu dữ liệu" + (e.getRequiredType() == null ? "" : ": cần " + describe(e.getRequiredType()));
        return ResponseEntity.badRequest().headers(headers).body(invalid(field + ": " + message, List.of(new FieldError(field, message))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        String message = "Bắt buộc";
        return ResponseEntity.badRequest().headers(headers)
                .body(invalid(e.getParameterName() + ": " + message, List.of(new FieldError(e.getParameterName(), message))));
    }

    private static String describe(Class<?> type) {
        if (type == String.class) return "chuỗi";
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class || type == Short.class
                || type == short.class) return "số nguyên";
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) return "số";
        if (type == Boolean.class || type == boolean.class) return "true hoặc false";
        if (type == java.time.LocalDate.class) return "ngày (yyyy-MM-dd)";
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) return "ngày giờ ISO 8601";
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "danh sách";
        if (type.isEnum()) return "một trong: " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        return "đối tượng";
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
