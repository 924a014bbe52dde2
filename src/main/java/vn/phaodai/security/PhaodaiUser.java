package vn.phaodai.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** A logged-in user: roles, the rights they give, the jurisdiction as a scope, and the account's stamp. */
@org.springframework.modulith.NamedInterface("api")
public record PhaodaiUser(long id, String username, String passwordHash, boolean enabled, boolean locked, int stamp,
                          Set<String> roles, Set<Right> rights, String jurisdictionLevel, List<String> jurisdictionCodes,
                          Scope scope) implements UserDetails, Serializable {

    public boolean can(Right right) {
        return rights.contains(right);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        rights.forEach(r -> authorities.add(new SimpleGrantedAuthority(r.name())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
