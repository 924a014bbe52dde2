package vn.phaodai.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.phaodai.shared.Messages;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Who is acting now, for the checks every capability makes in its services and queries. */
@org.springframework.modulith.NamedInterface("api")
public final class CurrentUser {

    /** The command line and start-up work act as this user: every right, everywhere. */
    public static final PhaodaiUser SYSTEM = new PhaodaiUser(0, "system", "", true, false, 0, Set.of("ADMIN"),
            EnumSet.allOf(Right.class), "PROVINCE", List.of(), Scope.EVERYTHING);

    /** The texts of its refusals, in the request's language; handed over when the application starts. */
    private static volatile Messages messages;

    private CurrentUser() {
    }

    @Component
    static class Texts {
        Texts(Messages m) {
            messages = m;
        }
    }

    /** Outside a running application (no texts yet) the key itself. */
    private static String text(String key, Object... args) {
        Messages m = messages;
        return m == null ? key : m.get(key, args);
    }

    /** The acting user; fails (403) when nobody is logged in: there is no anonymous access to data. */
    public static PhaodaiUser get() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof PhaodaiUser user) return user;
        throw new AccessDeniedException(text("security.notLoggedIn"));
    }

    public static Scope scope() {
        return get().scope();
    }

    /** Refuses (403) a user whose roles do not give the right. */
    public static PhaodaiUser require(Right right) {
        PhaodaiUser user = get();
        if (!user.can(right)) throw new AccessDeniedException(text("security.noRight", right.name()));
        return user;
    }

    /** Runs work as the system user in this thread, then leaves the thread as it was (background jobs). */
    public static <T> T asSystem(java.util.function.Supplier<T> work) {
        var before = SecurityContextHolder.getContext();
        try {
            actAsSystem();
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** Runs work as the system user (command line, start-up). */
    public static void actAsSystem() {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null, SYSTEM.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
