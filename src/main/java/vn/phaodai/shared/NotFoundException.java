package vn.phaodai.shared;

/** The record does not exist (or, later, lies outside the user's jurisdiction): 404. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what);
    }
}
