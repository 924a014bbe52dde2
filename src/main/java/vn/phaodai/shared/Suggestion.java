package vn.phaodai.shared;

/** One answer of a picker as the user types a name: what the form keeps (id or code) and what the user reads. */
public record Suggestion(String id, String label) {
}
