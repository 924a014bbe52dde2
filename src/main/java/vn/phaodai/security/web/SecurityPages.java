package vn.phaodai.security.web;

import vn.phaodai.security.accounts.ApiTokens;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.accounts.UserAdministration;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FormErrors;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.PostedValues;
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Users (for their administrators), the audit trail (for auditors), and one's own password and tokens. */
@Controller
class SecurityPages {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final UserAdministration administration;
    private final ApiTokens tokens;
    private final AuditLog audit;

    SecurityPages(UserAdministration administration, ApiTokens tokens, AuditLog audit) {
        this.administration = administration;
        this.tokens = tokens;
        this.audit = audit;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", administration.list());
        model.addAttribute("roles", administration.roles());
        return "security/users";
    }

    /** A refused user comes back to the form as typed (never the password), each message at its field. */
    @PostMapping("/admin/users")
    String createUser(@RequestParam(required = false) String username, @RequestParam(required = false) String fullName,
                      @RequestParam(required = false) String password, @RequestParam(required = false) List<String> roles,
                      @RequestParam(required = false) String level, @RequestParam(required = false) String codes,
                      HttpServletRequest request, RedirectAttributes redirect) {
        List<String> codeList = codes == null || codes.isBlank() ? List.of()
                : Arrays.stream(codes.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        try {
            administration.create(new UserAdministration.NewUser(username, password, fullName, roles == null ? List.of() : roles,
                    new UserAdministration.Jurisdiction(level, codeList)));
            redirect.addFlashAttribute("message", username);
        } catch (InvalidInputException | ConflictException | AccessDeniedException e) {
            refused(redirect, request, e);
        }
        return "redirect:/admin/users";
    }

    /** The messages at the page's fields: the API's "jurisdiction.level" and "jurisdiction.codes" are the boxes level and codes. */
    private static void refused(RedirectAttributes redirect, HttpServletRequest request, RuntimeException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e instanceof AccessDeniedException) errors.put(FormErrors.FORM, e.getMessage());
        else FormErrors.of(e).forEach((field, message) -> errors.merge(field.replaceFirst("^jurisdiction\\.", ""), message, (x, y) -> x + "; " + y));
        redirect.addFlashAttribute("errors", errors);
        redirect.addFlashAttribute("posted", PostedValues.of(request));
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable long id) {
        administration.disable(id);
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String username, @RequestParam(required = false) Long personId,
                 @RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate to,
                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Boolean verify, Model model) {
        model.addAttribute("result", audit.search(personId, username,
                from == null ? null : from.atStartOfDay(ZONE).toOffsetDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime(), PageResult.page(page), 50));
        model.addAttribute("username", username);
        model.addAttribute("personId", personId);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        if (Boolean.TRUE.equals(verify)) model.addAttribute("verification", audit.verify());
        return "security/audit";
    }

    @GetMapping("/admin/audit/digest")
    String digest(Model model) {
        model.addAttribute("digest", audit.digest());
        return "security/audit-digest";
    }

    @GetMapping("/me")
    String me(Model model) {
        PhaodaiUser me = CurrentUser.get();
        model.addAttribute("me", UserAdministration.view(me));
        model.addAttribute("tokens", tokens.list(me.id()));
        return "security/me";
    }

    /** A refused password at its field: the policy's "password" is the box of the new one. Passwords are never typed back. */
    @PostMapping("/me/password")
    String changePassword(@RequestParam(required = false) String currentPassword, @RequestParam(required = false) String newPassword,
                          RedirectAttributes redirect) {
        try {
            administration.changeOwnPassword(currentPassword, newPassword);
            return "redirect:/login?changed";
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            FormErrors.of(e).forEach((field, message) -> errors.put("password".equals(field) ? "newPassword" : field, message));
            redirect.addFlashAttribute("errors", errors);
            return "redirect:/me";
        }
    }

    @PostMapping("/me/tokens")
    String createToken(@RequestParam(required = false) String name, RedirectAttributes redirect) {
        redirect.addFlashAttribute("newToken", tokens.create(CurrentUser.get().id(), name).token());
        return "redirect:/me";
    }

    @PostMapping("/me/tokens/{id}/revoke")
    String revoke(@PathVariable long id) {
        tokens.revoke(CurrentUser.get().id(), id);
        return "redirect:/me";
    }
}
