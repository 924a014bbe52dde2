package vn.phaodai.shared;

/** The record does not exist (or, later, lies outside the user's jurisdiction): 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what);
    }
}
