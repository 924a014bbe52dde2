package vn.phaodai.homecare.patientlink;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;
import vn.phaodai.homecare.readings.ReadingForm;
import vn.phaodai.homecare.readings.Readings;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.Messages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * A personal link for the patient or the carer to send readings without an account: a secret per case,
 * kept only as its hash, one at a time (a new link revokes the old), revocable, valid while the case is
 * open and until it expires. It opens the reading form of its own case and nothing else.
 */
@Service
public class PatientLinks {

    /** A link just made: the only time its secret is shown. */
    public record Issued(String token, String path, OffsetDateTime expiresAt) {
    }

    /** The link is unknown, revoked, expired, or its case has ended. */
    @ResponseStatus(org.springframework.http.HttpStatus.GONE)
    public static class LinkGone extends RuntimeException {
        LinkGone(String message) {
            super(message);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Readings readings;
    private final AuditLog audit;
    private final int validDays;
    private final Messages messages;

    PatientLinks(JdbcClient jdbc, Readings readings, AuditLog audit, @Value("${phaodai.home-care.patient-link-days:21}") int validDays,
                 Messages messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.readings = readings;
        this.audit = audit;
        this.validDays = validDays;
    }

    @Transactional
    public Issued issue(long caseId) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_WRITE);
        Readings.CaseAtHome c = readings.caseAtHome(caseId, user.scope());
        if (!"ACTIVE".equals(c.status())) throw new vn.phaodai.shared.ConflictException(messages.get("homecare.caseEnded"), "caseId", Map.of());
        jdbc.sql("update patient_link set revoked_at = now() where case_id = ? and revoked_at is null").param(caseId).update();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime expires = OffsetDateTime.now(Readings.VIETNAM).plusDays(validDays);
        jdbc.sql("insert into patient_link (case_id, token_hash, created_by, expires_at) values (?, ?, ?, ?)")
                .params(caseId, hash(token), user.username(), expires).update();
        audit.record("ISSUE_LINK", "case", caseId, c.personId(), null);
        return new Issued(token, "/p/" + token, expires);
    }

    @Transactional
    public void revoke(long caseId) {
        PhaodaiUser user = CurrentUser.require(Right.HOME_CARE_WRITE);
        Readings.CaseAtHome c = readings.caseAtHome(caseId, user.scope());
        jdbc.sql("update patient_link set revoked_at = now() where case_id = ? and revoked_at is null").param(caseId).update();
        audit.record("REVOKE_LINK", "case", caseId, c.personId(), null);
    }

    /** The reading sent through a link, recorded on the link's own case. */
    @Transactional
    public Readings.Recorded record(String token, ReadingForm form) {
        return readings.record(caseOf(token), form, "patient-link");
    }

    /** The case a link opens, or LinkGone (410). */
    Readings.CaseAtHome caseOf(String token) {
        Long caseId = jdbc.sql("""
                select l.case_id from patient_link l join case_card c on c.id = l.case_id
                where l.token_hash = ? and l.revoked_at is null and l.expires_at > now() and c.status = 'ACTIVE'""")
                .param(hash(token)).query(Long.class).optional().orElseThrow(() -> new LinkGone(messages.get("homecare.link.gone")));
        return readings.caseAtHome(caseId, vn.phaodai.security.Scope.EVERYTHING);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
