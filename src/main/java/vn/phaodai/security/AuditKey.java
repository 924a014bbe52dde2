package vn.phaodai.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret the audit trail's hashes are keyed with. It lives outside the database (a setting, or a file
 * the application creates once, readable only by its own user), so that whoever can write the database
 * cannot compute a valid hash for an entry they changed, removed or added.
 */
@Component
class AuditKey {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditKey.class);

    private final byte[] secret;

    AuditKey(@Value("${phaodai.audit.key:}") String configured,
             @Value("${phaodai.audit.key-file:${phaodai.data-dir:./data}/audit.key}") Path file) {
        this.secret = configured.isBlank() ? fromFile(file) : configured.getBytes(StandardCharsets.UTF_8);
    }

    /** The keyed hash (HMAC-SHA256, hex) of a text. */
    String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) return HexFormat.of().parseHex(Files.readString(file).strip());
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Files.writeString(file, HexFormat.of().formatHex(bytes) + "\n", StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("Created the audit trail's key in {}: keep a copy apart from the database's backups; without it the trail "
                    + "cannot be verified", file.toAbsolutePath());
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("The audit trail's key cannot be read or created in " + file.toAbsolutePath(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The audit trail's key in " + file.toAbsolutePath() + " is not hexadecimal", e);
        }
    }
}
