package vn.phaodai.householdsupport;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.PageResult;

import java.util.List;
import java.util.function.Supplier;

/**
 * Phone-first pages of support to F0 households: the list the mass organisations work from (take, done, cancel),
 * and the health worker's form to ask for a household's needs.
 */
@Controller
class SupportPages {

    static final List<String> STATUS_TABS = List.of("ACTIVE", "OPEN", "TAKEN", "DONE", "CANCELLED", "ALL");
    /**
     * The commune's mass organisations, offered as suggestions: any other name may be typed. Their official names,
     * stored as typed, in any UI language: data, not texts of the bundle.
     */
    static final List<String> ORGANISATIONS = List.of("Ủy ban MTTQ xã", "Hội Phụ nữ xã", "Đoàn Thanh niên xã", "Hội Cựu chiến binh xã",
            "Hội Nông dân xã", "Tổ Covid cộng đồng");

    private final SupportRequests requests;

    SupportPages(SupportRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/support-requests")
    String list(@RequestParam(required = false) String commune, @RequestParam(defaultValue = "ACTIVE") String status,
                @RequestParam(required = false) String kind, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("result", requests.list(new SupportRequests.Filter(commune, status, kind, null), PageResult.page(page), 50));
        model.addAttribute("commune", commune);
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("statuses", STATUS_TABS);
        model.addAttribute("kinds", SupportRequests.KINDS);
        model.addAttribute("organisations", ORGANISATIONS);
        return "householdsupport/support";
    }

    @PostMapping("/support-requests/{id}/take")
    String take(@PathVariable long id, @RequestParam(required = false) String handledBy, @RequestParam(required = false) String status,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String commune, RedirectAttributes redirect) {
        return act(id, () -> requests.take(id, handledBy), redirect, status, kind, commune);
    }

    @PostMapping("/support-requests/{id}/done")
    String done(@PathVariable long id, @RequestParam(required = false) String note, @RequestParam(required = false) String status,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String commune, RedirectAttributes redirect) {
        return act(id, () -> requests.done(id, note), redirect, status, kind, commune);
    }

    @PostMapping("/support-requests/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) String note, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String commune, RedirectAttributes redirect) {
        return act(id, () -> requests.cancel(id, note), redirect, status, kind, commune);
    }

    /** Does the step; a refusal comes back to the list, shown on the request it concerns. */
    private static String act(long id, Supplier<?> step, RedirectAttributes redirect, String status, String kind, String commune) {
        try {
            step.get();
            redirect.addFlashAttribute("changedId", id);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("failedId", id);
            FormErrors.flash(redirect, null, e);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failedId", id);
            FormErrors.flash(redirect, null, e);
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/support-requests").queryParamIfPresent("status", present(status))
                .queryParamIfPresent("kind", present(kind)).queryParamIfPresent("commune", present(commune)).encode().toUriString();
    }

    @GetMapping("/home-care/cases/{id}/support")
    String form(@PathVariable long id, Model model) {
        model.addAttribute("household", requests.household(id));
        model.addAttribute("kinds", SupportRequests.KINDS);
        if (CurrentUser.get().can(Right.SUPPORT_READ)) {
            model.addAttribute("requests", requests.list(new SupportRequests.Filter(null, "ALL", null, id), 0, 20).items());
        }
        return "householdsupport/support-form";
    }

    @PostMapping("/home-care/cases/{id}/support")
    String raise(@PathVariable long id, @RequestParam(required = false) String kind, @RequestParam(required = false) String detail,
                 RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("raised", requests.raise(id, kind, detail));
        } catch (InvalidInputException e) {
            FormErrors.flash(redirect, null, e);
            redirect.addFlashAttribute("kind", kind);
            redirect.addFlashAttribute("detail", detail);
        } catch (ConflictException e) {
            FormErrors.flash(redirect, null, e);
        }
        return "redirect:/home-care/cases/" + id + "/support";
    }

    private static java.util.Optional<String> present(String value) {
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value);
    }
}
