package vn.phaodai.security.signin;

import vn.phaodai.security.PhaodaiUser;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * After {@value #LIMIT} wrong passwords in a row an account is locked for {@value #LOCK_MINUTES} minutes.
 * When the lock has run out the count starts again from zero: one wrong password after it does not lock
 * the account again (it takes another {@value #LIMIT}). Tries from one address are also held back by
 * {@link LoginThrottle}, so nobody can keep many accounts locked.
 */
@Component
public class LoginAttempts {

    public static final int LIMIT = 5;
    static final int LOCK_MINUTES = 15;

    private final JdbcClient jdbc;

    LoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        jdbc.sql("""
                update app_user set failed_logins = case when locked_until <= now() then 1 else failed_logins + 1 end,
                    locked_until = case when (case when locked_until <= now() then 1 else failed_logins + 1 end) >= :limit
                                        then now() + make_interval(mins => :minutes) end
                where username = :username and (locked_until is null or locked_until <= now())""")
                .param("limit", LIMIT).param("minutes", LOCK_MINUTES).param("username", event.getAuthentication().getName()).update();
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PhaodaiUser user) {
            jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = ? and failed_logins > 0")
                    .param(user.id()).update();
        }
    }
}
