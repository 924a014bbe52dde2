package vn.phaodai.security.web;

import vn.phaodai.security.Right;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.phaodai.shared.NavigationEntry;

import static vn.phaodai.shared.NavigationArea.ADMINISTRATION;

/** Users and the audit log in the menu. */
@Configuration
class SecurityNavigation {

    @Bean
    NavigationEntry.Contribution securityMenu() {
        return new NavigationEntry.Contribution(
                NavigationEntry.of(ADMINISTRATION, 10, "nav.users", "/admin/users", Right.USER_ADMIN.name()),
                NavigationEntry.of(ADMINISTRATION, 20, "nav.audit", "/admin/audit", Right.AUDIT_READ.name()));
    }
}
