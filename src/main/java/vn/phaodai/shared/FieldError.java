package vn.phaodai.shared;

/** A rejected field: its name as the client sent it, and a message in the user's language. */
public record FieldError(String field, String message) {
}
