package vn.phaodai.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.sql.Array;
import java.util.Arrays;

/** Users and their roles, from the database. */
@Service
class Users implements UserDetailsService {

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, roles, enabled from app_user where username = ?")
                .param(username)
                .query((rs, i) -> {
                    Array roles = rs.getArray("roles");
                    return User.withUsername(rs.getString("username"))
                            .password(rs.getString("password_hash"))
                            .disabled(!rs.getBoolean("enabled"))
                            .authorities(Arrays.stream((String[]) roles.getArray())
                                    .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList())
                            .build();
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class).single() > 0;
    }

    void create(String username, String passwordHash, String fullName, String... roles) {
        jdbc.sql("insert into app_user (username, password_hash, full_name, roles) values (?, ?, ?, ?)")
                .params(username, passwordHash, fullName, roles).update();
    }
}
