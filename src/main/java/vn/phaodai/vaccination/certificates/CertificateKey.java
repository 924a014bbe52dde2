package vn.phaodai.vaccination.certificates;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The installation's own Ed25519 key pair that signs the certificates' QR codes: made at the first start and kept in
 * the data directory (like the audit trail's key), readable only by the application's user, never in the database.
 * Whoever can write the database cannot make a code that verifies; a code made by another installation fails here.
 */
@Component
class CertificateKey {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CertificateKey.class);
    static final String ALGORITHM = "Ed25519";

    private final KeyPair pair;

    CertificateKey(@Value("${phaodai.vaccination.certificate-key-file:${phaodai.data-dir:./data}/certificate-signing.key}") Path file) {
        this.pair = fromFile(file);
    }

    byte[] sign(byte[] message) {
        return sign(message, pair.getPrivate());
    }

    boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(pair.getPublic());
            s.update(message);
            return s.verify(signature);
        } catch (java.security.SignatureException e) {
            return false; // not a signature at all
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK from 15 on", e);
        }
    }

    /** The public key (X.509, Base64), to publish for whoever wants to check codes offline. */
    String publicKey() {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    static byte[] sign(byte[] message, PrivateKey key) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK from 15 on", e);
        }
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK from 15 on", e);
        }
    }

    /** The file holds two lines: the private key (PKCS#8) and the public key (X.509), each in Base64. */
    private static KeyPair fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
                if (lines.size() != 2) throw new IllegalStateException("The certificates' key in " + file.toAbsolutePath()
                        + " must hold two lines (private and public key)");
                KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
                PrivateKey privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0))));
                PublicKey publicKey = keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1))));
                return new KeyPair(publicKey, privateKey);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            KeyPair made = generate();
            Base64.Encoder b64 = Base64.getEncoder();
            Files.writeString(file, b64.encodeToString(made.getPrivate().getEncoded()) + "\n"
                    + b64.encodeToString(made.getPublic().getEncoded()) + "\n", StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("Created the key that signs vaccination certificates in {}: keep a copy apart from the database's backups; "
                    + "without it the certificates issued so far no longer verify", file.toAbsolutePath());
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("The certificates' key cannot be read or created in " + file.toAbsolutePath(), e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The certificates' key in " + file.toAbsolutePath() + " is not an Ed25519 key pair", e);
        }
    }
}
