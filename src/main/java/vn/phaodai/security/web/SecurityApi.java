package vn.phaodai.security.web;

import vn.phaodai.security.accounts.ApiTokens;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.accounts.UserAdministration;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.phaodai.shared.PageResult;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Security", description = "Users, roles, personal API tokens and the audit trail")
class SecurityApi {

    private final UserAdministration administration;
    private final ApiTokens tokens;
    private final AuditLog audit;

    SecurityApi(UserAdministration administration, ApiTokens tokens, AuditLog audit) {
        this.administration = administration;
        this.tokens = tokens;
        this.audit = audit;
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserAdministration.UserView createUser(@RequestBody UserAdministration.NewUser user) {
        return administration.create(user);
    }

    @GetMapping("/users")
    List<UserAdministration.UserView> users() {
        return administration.list();
    }

    @PostMapping("/users/{id}/disable")
    Map<String, Object> disable(@PathVariable long id) {
        administration.disable(id);
        return Map.of("id", id, "enabled", false);
    }

    @GetMapping("/roles")
    List<UserAdministration.RoleView> roles() {
        return administration.roles();
    }

    record Rights(List<String> rights) {
    }

    @PutMapping("/roles/{code}")
    UserAdministration.RoleView setRights(@PathVariable String code, @RequestBody Rights body) {
        return administration.setRights(code, body.rights() == null ? List.of() : body.rights());
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @PostMapping("/me/password")
    Map<String, Object> changePassword(@RequestBody PasswordChange body) {
        administration.changeOwnPassword(body.currentPassword(), body.newPassword());
        return Map.of("changed", true);
    }

    record NewToken(String name) {
    }

    @PostMapping("/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.Created createToken(@RequestBody(required = false) NewToken body) {
        return tokens.create(CurrentUser.get().id(), body == null ? null : body.name());
    }

    @GetMapping("/me/tokens")
    List<ApiTokens.Token> myTokens() {
        return tokens.list(CurrentUser.get().id());
    }

    @DeleteMapping("/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        tokens.revoke(CurrentUser.get().id(), id);
    }

    @GetMapping("/audit")
    PageResult<AuditLog.Entry> audit(@RequestParam(required = false) Long personId, @RequestParam(required = false) String username,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return audit.search(personId, username, from, to, PageResult.page(page), PageResult.size(size));
    }

    @GetMapping("/audit/verify")
    AuditLog.Verification verify() {
        CurrentUser.require(Right.AUDIT_READ);
        return audit.verify();
    }

    @GetMapping("/audit/digest")
    @io.swagger.v3.oas.annotations.Operation(summary = "Each lane's last entry (id, keyed hash) and count, with the digest's own keyed hash: "
            + "print or publish it; a later verification that does not reach these heads shows entries removed")
    Object digest() {
        return audit.digest();
    }
}
