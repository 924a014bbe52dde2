package vn.phaodai.security;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** After {@value #LIMIT} wrong passwords in a row an account is locked for {@value #LOCK_MINUTES} minutes. */
@Component
class LoginAttempts {

    static final int LIMIT = 5;
    static final int LOCK_MINUTES = 15;

    private final JdbcClient jdbc;

    LoginAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        jdbc.sql("""
                update app_user set failed_logins = failed_logins + 1,
                    locked_until = case when failed_logins + 1 >= ? then now() + make_interval(mins => ?) else locked_until end
                where username = ?""").params(LIMIT, LOCK_MINUTES, event.getAuthentication().getName()).update();
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PhaodaiUser user) {
            jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = ? and failed_logins > 0")
                    .param(user.id()).update();
        }
    }
}
