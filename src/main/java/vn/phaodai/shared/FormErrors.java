package vn.phaodai.shared;

import org.springframework.ui.Model;
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

    /** The form shown again as it was typed, with its errors: for a page that renders the form itself. */
    public static void show(Model model, Object typed, RuntimeException refusal) {
        model.addAttribute("errors", of(refusal));
        if (typed != null) model.addAttribute("form", typed);
    }

    /** The same after a redirect back to the page the form lives on: the errors and what was typed (as "form": the page shows it when present) ride along once. */
    public static void flash(RedirectAttributes redirect, Object typed, RuntimeException refusal) {
        redirect.addFlashAttribute("errors", of(refusal));
        if (typed != null) redirect.addFlashAttribute("form", typed);
    }
}
