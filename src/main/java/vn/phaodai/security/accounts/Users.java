package vn.phaodai.security.accounts;

import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Users as Spring Security loads them: roles, the rights those roles give now, and the jurisdiction. */
@Service
public class Users implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;

    Users(JdbcClient jdbc, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
    }

    @Override
    public PhaodaiUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException(username));
    }

    private static final String SELECT = """
            select u.*, coalesce(locked_until > now(), false) as locked,
                   array(select distinct unnest(r.rights) from role r where r.code = any(u.roles)) as rights
            from app_user u""";

    /**
     * Users are read first and their jurisdictions resolved after the query has returned its connection:
     * resolving inside the row mapper would hold two connections per request, and a burst of requests could
     * then exhaust the pool with every request waiting for its second connection.
     */
    Optional<PhaodaiUser> find(String username) {
        return jdbc.sql(SELECT + " where username = ?").param(username).query(Users::row).optional()
                .map(r -> r.with(jurisdictions.scope(r.level(), r.codes())));
    }

    /** The enabled owner of a live API token (by the token's hash), with whether its last use is a minute old. */
    Optional<Map.Entry<PhaodaiUser, Boolean>> findByToken(String tokenHash) {
        return jdbc.sql(SELECT.replace("from app_user u", """
                        , t.last_used_at is null or t.last_used_at < now() - interval '1 minute' as token_stale
                        from api_token t join app_user u on u.id = t.user_id""")
                        + " where t.token_hash = ? and t.revoked_at is null and u.enabled").param(tokenHash)
                .query((rs, i) -> Map.entry(row(rs, i), rs.getBoolean("token_stale"))).optional()
                .map(e -> Map.entry(e.getKey().with(jurisdictions.scope(e.getKey().level(), e.getKey().codes())), e.getValue()));
    }

    /** Every user in one query; users sharing a jurisdiction share the work of resolving it. */
    List<PhaodaiUser> all() {
        java.util.Map<String, Scope> scopes = new java.util.HashMap<>();
        return jdbc.sql(SELECT + " order by username").query(Users::row).list().stream()
                .map(r -> r.with(scopes.computeIfAbsent(r.level() + r.codes(), k -> jurisdictions.scope(r.level(), r.codes()))))
                .toList();
    }

    Optional<PhaodaiUser> find(long id) {
        return jdbc.sql("select username from app_user where id = ?").param(id).query(String.class).optional()
                .flatMap(this::find);
    }

    /** A user as stored, before the jurisdiction is resolved into a scope. */
    private record Row(long id, String username, String passwordHash, boolean enabled, boolean locked, int stamp,
                       Set<String> roles, Set<Right> rights, String level, List<String> codes) {
        PhaodaiUser with(Scope scope) {
            return new PhaodaiUser(id, username, passwordHash, enabled, locked, stamp, roles, rights, level, codes, scope);
        }
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        Set<Right> rights = EnumSet.noneOf(Right.class);
        for (String r : strings(rs.getArray("rights"))) {
            try {
                rights.add(Right.valueOf(r));
            } catch (IllegalArgumentException unknown) {
                // a right the administrator typed that the code does not check: it gives nothing
            }
        }
        return new Row(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"), rs.getBoolean("enabled"),
                rs.getBoolean("locked"), rs.getInt("stamp"), new LinkedHashSet<>(Arrays.asList(strings(rs.getArray("roles")))),
                rights, rs.getString("jurisdiction_level"), Arrays.asList(strings(rs.getArray("jurisdiction_codes"))));
    }

    private static String[] strings(Array a) throws SQLException {
        return a == null ? new String[0] : (String[]) a.getArray();
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class).single() > 0;
    }

    long create(String username, String passwordHash, String fullName, List<String> roles, String level, List<String> codes,
                String createdBy) {
        return jdbc.sql("""
                insert into app_user (username, password_hash, full_name, roles, jurisdiction_level, jurisdiction_codes, created_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(username, passwordHash, fullName, roles.toArray(String[]::new), level, codes.toArray(String[]::new), createdBy)
                .query(Long.class).single();
    }

    /** Stamp changes end the user's open sessions at their next request. */
    boolean disable(long id) {
        return jdbc.sql("update app_user set enabled = false, stamp = stamp + 1 where id = ?").param(id).update() == 1;
    }

    void changePassword(long id, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ?, stamp = stamp + 1, failed_logins = 0, locked_until = null where id = ?")
                .params(passwordHash, id).update();
    }

    /** The current stamp and enabled flag, checked on each request of a session. */
    public Optional<Integer> liveStamp(String username) {
        return jdbc.sql("select stamp from app_user where username = ? and enabled").param(username).query(Integer.class).optional();
    }

    Set<String> roleCodes() {
        return Set.copyOf(jdbc.sql("select code from role").query(String.class).list());
    }
}
