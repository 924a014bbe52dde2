package vn.phaodai.security.accounts;

import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Users, their roles and jurisdictions, managed by administrators within their own jurisdiction: a
 * district administrator creates users of its district and sees only them.
 */
@Service
public class UserAdministration {

    public record Jurisdiction(String level, List<String> codes) {
    }

    public record NewUser(String username, String password, String fullName, List<String> roles, Jurisdiction jurisdiction) {
    }

    public record UserView(long id, String username, List<String> roles, Jurisdiction jurisdiction, boolean enabled, boolean locked) {
    }

    public record RoleView(String code, String nameVi, String nameEn, List<String> rights) {
    }

    private final Users users;
    private final Jurisdictions jurisdictions;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Messages messages;

    UserAdministration(Users users, Jurisdictions jurisdictions, PasswordEncoder encoder, JdbcClient jdbc, AuditLog audit,
                       Messages messages) {
        this.messages = messages;
        this.users = users;
        this.jurisdictions = jurisdictions;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public UserView create(NewUser u) {
        PhaodaiUser admin = CurrentUser.require(Right.USER_ADMIN);
        List<FieldError> errors = new ArrayList<>();
        String username = u.username() == null ? "" : u.username().strip().toLowerCase(java.util.Locale.ROOT);
        if (!username.matches("[a-z0-9._-]{3,40}")) errors.add(new FieldError("username", messages.get("security.user.usernameInvalid")));
        List<String> roles = u.roles() == null ? List.of() : u.roles();
        if (roles.isEmpty()) errors.add(new FieldError("roles", messages.get("security.user.rolesRequired")));
        if (!users.roleCodes().containsAll(roles)) errors.add(new FieldError("roles", messages.get("security.user.roleUnknown")));
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        PasswordPolicy.check(username, u.password(), messages);
        Jurisdiction j = u.jurisdiction() == null ? new Jurisdiction(null, List.of()) : u.jurisdiction();
        List<String> codes = j.codes() == null ? List.of() : j.codes();
        jurisdictions.validate(j.level(), codes);
        Scope scope = jurisdictions.scope(j.level(), codes);
        if (!admin.scope().everything() && (roles.contains("ADMIN") || !admin.scope().includes(scope))) {
            throw new AccessDeniedException(messages.get("security.user.outsideJurisdiction"));
        }
        // Nobody hands out a right they do not hold themselves.
        for (RoleView role : roles()) {
            if (roles.contains(role.code()) && !role.rights().stream().allMatch(r -> admin.rights().stream().anyMatch(h -> h.name().equals(r)))) {
                throw new AccessDeniedException(messages.get("security.user.roleRightsNotHeld", role.code()));
            }
        }
        if (users.exists(username)) {
            throw new ConflictException(messages.get("security.user.exists", username), "username", Map.of());
        }
        long id = users.create(username, encoder.encode(u.password()), u.fullName(), roles, j.level(), codes, admin.username());
        audit.record("CREATE", "user", id, null, Map.of("username", username, "roles", roles, "level", j.level(), "codes", codes));
        return view(users.find(id).orElseThrow());
    }

    /** The users whose jurisdiction lies inside the administrator's. */
    public List<UserView> list() {
        PhaodaiUser admin = CurrentUser.require(Right.USER_ADMIN);
        return users.all().stream().filter(u -> admin.scope().includes(u.scope())).map(UserAdministration::view).toList();
    }

    @Transactional
    public void disable(long id) {
        PhaodaiUser admin = CurrentUser.require(Right.USER_ADMIN);
        PhaodaiUser target = users.find(id).filter(u -> admin.scope().includes(u.scope()))
                .orElseThrow(() -> new NotFoundException(messages.get("security.user.notFound", String.valueOf(id))));
        if (target.id() == admin.id()) throw new InvalidInputException("id", messages.get("security.user.disableSelf"));
        users.disable(id);
        audit.record("DISABLE", "user", id, null, Map.of("username", target.username()));
    }

    @Transactional
    public void changeOwnPassword(String current, String replacement) {
        PhaodaiUser me = CurrentUser.get();
        PhaodaiUser stored = users.find(me.id()).orElseThrow();
        if (current == null || !encoder.matches(current, stored.passwordHash())) {
            throw new InvalidInputException("currentPassword", messages.get("security.password.currentWrong"));
        }
        PasswordPolicy.check(me.username(), replacement, messages);
        users.changePassword(me.id(), encoder.encode(replacement));
        audit.record("CHANGE_PASSWORD", "user", me.id(), null, null);
    }

    public List<RoleView> roles() {
        return jdbc.sql("select * from role order by code").query((rs, i) -> new RoleView(rs.getString("code"),
                rs.getString("name_vi"), rs.getString("name_en"), List.of((String[]) rs.getArray("rights").getArray()))).list();
    }

    /** Rights of a role are data; changing them ends the sessions of everyone who holds it. */
    @Transactional
    public RoleView setRights(String code, List<String> rights) {
        PhaodaiUser admin = CurrentUser.require(Right.USER_ADMIN);
        if (!admin.scope().everything()) throw new AccessDeniedException(messages.get("security.role.provinceOnly"));
        for (String r : rights) {
            try {
                Right.valueOf(r);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("rights", messages.get("security.role.rightUnknown", r));
            }
        }
        List<String> before = roles().stream().filter(r -> r.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException(messages.get("security.role.notFound", code))).rights();
        jdbc.sql("update role set rights = ? where code = ?").params(rights.toArray(String[]::new), code).update();
        jdbc.sql("update app_user set stamp = stamp + 1 where ? = any(roles)").param(code).update();
        audit.record("UPDATE", "role", code, null, Map.of("before", before, "after", rights));
        return roles().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    public static UserView view(PhaodaiUser u) {
        return new UserView(u.id(), u.username(), List.copyOf(u.roles()), new Jurisdiction(u.jurisdictionLevel(), u.jurisdictionCodes()),
                u.isEnabled(), u.locked());
    }
}
