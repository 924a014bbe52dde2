package vn.phaodai.shared;

/**
 * What a picker's field came to on the server: the chosen id or code (null when nothing was chosen), or the
 * message to show at the field when the typed name named nothing, or several things, in the user's area.
 */
public record Choice(String id, String error) {

    public static final Choice NONE = new Choice(null, null);

    public boolean failed() {
        return error != null;
    }
}
