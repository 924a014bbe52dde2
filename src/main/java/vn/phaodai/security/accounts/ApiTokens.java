package vn.phaodai.security.accounts;

import vn.phaodai.security.PhaodaiUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Personal API tokens: random, shown once, kept as a SHA-256 hash, revocable by their owner. */
@Service
public class ApiTokens {

    static final String PREFIX = "pd_";

    public record Token(long id, String name, OffsetDateTime createdAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
    }

    public record Created(long id, String token) {
    }

    private final JdbcClient jdbc;
    private final Messages messages;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    public Created create(long userId, String name) {
        String n = name == null || name.isBlank() ? "token" : name.strip();
        if (n.length() > 100) throw new InvalidInputException("name", messages.get("security.token.nameTooLong"));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("insert into api_token (user_id, name, token_hash) values (?, ?, ?) returning id")
                .params(userId, n, hash(token)).query(Long.class).single();
        return new Created(id, token);
    }

    public List<Token> list(long userId) {
        return jdbc.sql("select * from api_token where user_id = ? order by id").param(userId)
                .query((rs, i) -> new Token(rs.getLong("id"), rs.getString("name"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("last_used_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class)))
                .list();
    }

    public void revoke(long userId, long tokenId) {
        if (jdbc.sql("update api_token set revoked_at = now() where id = ? and user_id = ? and revoked_at is null")
                .params(tokenId, userId).update() == 0) {
            throw new NotFoundException(messages.get("security.token.notFound", String.valueOf(tokenId)));
        }
    }

    /**
     * The owner of a live token whose account is enabled, in one read. The time of last use is written at
     * most once a minute: a write on every request would cost a commit to disk each time.
     */
    public Optional<PhaodaiUser> owner(String token, Users users) {
        if (token == null || !token.startsWith(PREFIX)) return Optional.empty();
        String hash = hash(token);
        var owner = users.findByToken(hash);
        if (owner.isPresent() && owner.get().getValue()) {
            jdbc.sql("update api_token set last_used_at = now() where token_hash = ?").param(hash).update();
        }
        return owner.map(Map.Entry::getKey);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
