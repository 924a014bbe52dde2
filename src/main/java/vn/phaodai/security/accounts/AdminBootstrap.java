package vn.phaodai.security.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;

/**
 * On first start, creates the user {@code admin} with the password from PHAODAI_ADMIN_PASSWORD,
 * or a random one that is printed once in the log.
 */
@Component
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Users users;
    private final PasswordEncoder encoder;
    private final String configuredPassword;

    AdminBootstrap(Users users, PasswordEncoder encoder, @Value("${phaodai.admin-password:}") String configuredPassword) {
        this.users = users;
        this.encoder = encoder;
        this.configuredPassword = configuredPassword;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createAdmin() {
        if (users.exists("admin")) return;
        boolean generated = configuredPassword.isBlank();
        String password = generated ? randomPassword() : configuredPassword;
        users.create("admin", encoder.encode(password), "Quản trị hệ thống", java.util.List.of("ADMIN"), "PROVINCE",
                java.util.List.of(), "system");
        if (generated) {
            log.warn("""

                    ================================================================
                     Created the user 'admin' with the password: {}
                     It is shown only this once. Change it after logging in.
                    ================================================================""", password);
        } else {
            log.info("Created the user 'admin' with the password from PHAODAI_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return sb.toString();
    }
}
