package vn.phaodai.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.TypeMismatchException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way a refused form is answered on a page: each message at its field (all of a field's messages, in
 * the order given), a refusal that names no field (a conflict) above the form under {@value #FORM}. Every page's
 * model holds "errors" (empty unless something was refused: {@link vn.phaodai.shared.web.FormErrorsAdvice}), so templates need no guard.
 */
public final class FormErrors {

    /** The key of a message about the whole form rather than one field. */
    public static final String FORM = "form";

    private FormErrors() {
    }

    public static Map<String, String> of(List<FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError e : errors) {
            byField.merge(e.field() == null ? FORM : e.field(), e.message(), (a, b) -> a + "; " + b);
        }
        return byField;
    }

    /**
     * Invalid input at its fields; any other refusal (a conflict, a state that forbids it) above the form, where
     * it is always seen: a conflict's field may be one the form does not show (eligibility, a case's status).
     */
    public static Map<String, String> of(RuntimeException refusal) {
        if (refusal instanceof InvalidInputException invalid) return of(invalid.errors());
        return Map.of(FORM, String.valueOf(refusal.getMessage()));
    }

    /**
     * A form's fields that could not be read (a word where a number is asked, a date that is no date): a message
     * in the user's language at each, naming what was expected; the typed value stays in "posted".
     */
    public static Map<String, String> of(BindingResult binding) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (org.springframework.validation.FieldError e : binding.getFieldErrors()) {
            Class<?> type = e.contains(TypeMismatchException.class) ? e.unwrap(TypeMismatchException.class).getRequiredType() : null;
            byField.putIfAbsent(e.getField(), wrongType(type));
        }
        for (org.springframework.validation.ObjectError e : binding.getGlobalErrors()) {
            byField.putIfAbsent(FORM, SharedTexts.get("shared.form.unreadable"));
        }
        return byField;
    }

    /** The message at a field whose text could not be read as the type it asks for. */
    public static String wrongType(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class || type == short.class) {
            return SharedTexts.get("shared.form.wholeNumber");
        }
        if (type != null && (Number.class.isAssignableFrom(type) || type == double.class || type == float.class)) {
            return SharedTexts.get("shared.form.number");
        }
        if (type != null && java.time.temporal.Temporal.class.isAssignableFrom(type)) return SharedTexts.get("shared.form.date");
        return SharedTexts.get("shared.form.unreadable");
    }

    /** The form shown again as it was typed, with its errors: for a page that renders the form itself. */
    public static void show(Model model, Object typed, RuntimeException refusal) {
        model.addAttribute("errors", of(refusal));
        if (typed != null) model.addAttribute("form", typed);
    }

    /** The same after a redirect back to the page the form lives on: the errors and what was typed (as "form": the page shows it when present) ride along once. */
    public static void flash(RedirectAttributes redirect, Object typed, RuntimeException refusal) {
        redirect.addFlashAttribute("errors", of(refusal));
        if (typed != null) redirect.addFlashAttribute("form", typed);
        HttpServletRequest request = currentRequest();
        if (request != null) redirect.addFlashAttribute("posted", PostedValues.of(request));
    }

    /** A form that could not be read ({@link #of(BindingResult)}), back to its page with what was typed. */
    public static void flash(RedirectAttributes redirect, BindingResult binding) {
        redirect.addFlashAttribute("errors", of(binding));
        HttpServletRequest request = currentRequest();
        if (request != null) redirect.addFlashAttribute("posted", PostedValues.of(request));
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }
}
