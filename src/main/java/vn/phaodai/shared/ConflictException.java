package vn.phaodai.shared;

import java.util.Map;

/** The request collides with the current state (stale version, an ID number already held): 409. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

    private final String field;
    private final Map<String, Object> details;

    public ConflictException(String message, String field, Map<String, Object> details) {
        super(message);
        this.field = field;
        this.details = details;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> details() {
        return details;
    }
}
