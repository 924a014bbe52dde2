package vn.phaodai.shared;

import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a refused form carried, field by field, exactly as typed (a word in a number field included), so that the
 * page shown again keeps it: model attribute "posted" ({@link FormErrorsAdvice}); fragments/fields.html prefers it
 * to the stored value while the form has errors. Passwords and the CSRF token are never echoed.
 */
public final class PostedValues implements Serializable {

    private static final PostedValues NONE = new PostedValues(Map.of());

    private final Map<String, List<String>> values;

    private PostedValues(Map<String, List<String>> values) {
        this.values = values;
    }

    public static PostedValues none() {
        return NONE;
    }

    public static PostedValues of(HttpServletRequest request) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, typed) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (!lower.contains("password") && !lower.equals("_csrf")) values.put(name, List.copyOf(Arrays.asList(typed)));
        });
        return new PostedValues(values);
    }

    /** Whether the form carried this field. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Whether this value was chosen (a checkbox, an option of a multiple choice). */
    public boolean has(String name, Object value) {
        return value != null && values.getOrDefault(name, List.of()).contains(String.valueOf(value));
    }

    /** The value typed in the field, or null. */
    public String get(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The value typed if the form carried the field, else the given one (the stored value, a default). */
    public Object or(String name, Object otherwise) {
        return has(name) ? get(name) : otherwise;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
