package vn.phaodai.vaccination.certificates;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's vaccination certificate (issue 15 §9): a PDF of the doses with a QR code that anyone can check without
 * logging in at {@code /verify/<token>}. The token is signed with the installation's key ({@link CertificateKey}) and
 * carries a digest of what the certificate says, so a forged or altered code is refused, and a certificate whose
 * doses changed afterwards is told apart from a valid one.
 */
@Service
public class Certificates {

    /** How the dose kinds follow each other on a certificate given on the same day (a data fix can do that). */
    private static final String KIND_ORDER = "array['PRIMARY_1','PRIMARY_2','PRIMARY_3','ADDITIONAL','BOOSTER_1','BOOSTER_2']";

    /** The public page's verdicts; each has its words (vaccination.certificate.verify.*). */
    public enum Outcome { VALID, CHANGED, REFUSED }

    /** The holder as the registry has them now. */
    record Holder(long personId, String fullName, LocalDate dateOfBirth, Integer birthYear, String nationalId) {
        Integer yearOfBirth() {
            return dateOfBirth != null ? Integer.valueOf(dateOfBirth.getYear()) : birthYear;
        }
    }

    /** A dose as printed: day, product (code and printed name), kind, lot and where. */
    public record Dose(LocalDate givenOn, String productCode, String product, String doseKind, String lot, String point) {
    }

    /** A certificate printed: its file and its number. */
    public record Printed(long certificateId, String fileName, byte[] content) {
    }

    /**
     * What the public page may show: the verdict and, unless refused, only the name, the birth year and the doses (day,
     * product, kind). Never an ID number, a phone or an address.
     */
    public record Verdict(Outcome outcome, String fullName, Integer birthYear, List<PublicDose> doses, OffsetDateTime issuedAt) {
        static Verdict refused() {
            return new Verdict(Outcome.REFUSED, null, null, List.of(), null);
        }
    }

    public record PublicDose(LocalDate givenOn, String product, String doseKind) {
    }

    private final JdbcClient jdbc;
    private final CertificateKey key;
    private final CertificatePdf pdf;
    private final AuditLog audit;
    private final Messages messages;
    private final String baseUrl;

    Certificates(JdbcClient jdbc, CertificateKey key, CertificatePdf pdf, AuditLog audit, Messages messages,
                 @Value("${phaodai.base-url:}") String baseUrl) {
        this.jdbc = jdbc;
        this.key = key;
        this.pdf = pdf;
        this.audit = audit;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * The person's certificate as PDF, for a reader of vaccination inside their area (404 outside, as missing); 409
     * while no dose is recorded. The same doses printed again are the same certificate with the same code. The ID number
     * and the full birth date are printed only for a user who may read them (otherwise the birth year).
     */
    @Transactional
    public Printed print(long personId) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_READ);
        Holder holder = holder(personId, user.scope()).orElseThrow(() ->
                new NotFoundException(messages.get("vaccination.person.notFound", String.valueOf(personId))));
        List<Dose> doses = doses(personId);
        if (doses.isEmpty()) {
            throw new ConflictException(messages.get("vaccination.certificate.noDose"), "personId", Map.of());
        }
        byte[] digest = digest(holder, doses);
        long id = jdbc.sql("""
                insert into vaccination_certificate (person_id, digest, issued_by) values (:person, :digest, :user)
                on conflict (person_id, digest) do update set person_id = excluded.person_id
                returning id""").param("person", personId).param("digest", digest).param("user", user.username())
                .query(Long.class).single();
        OffsetDateTime issuedAt = jdbc.sql("select issued_at from vaccination_certificate where id = ?").param(id)
                .query(OffsetDateTime.class).single();
        String url = verificationUrl(new CertificateToken(id, personId, digest).encode(key::sign));
        audit.record("ISSUE_CERTIFICATE", "vaccination_certificate", id, personId, null);

        boolean full = user.can(Right.PERSON_READ);
        Map<String, Object> model = new HashMap<>();
        model.put("number", id);
        model.put("fullName", holder.fullName());
        model.put("dateOfBirth", full ? holder.dateOfBirth() : null);
        model.put("birthYear", holder.yearOfBirth());
        model.put("nationalId", full ? holder.nationalId() : null);
        model.put("doses", doses);
        model.put("issuedOn", issuedAt.atZoneSameInstant(vn.phaodai.shared.ApplicationClock.ZONE).toLocalDate());
        model.put("url", url);
        model.put("qr", QrImage.dataUri(url));
        return new Printed(id, "chung-nhan-tiem-chung-" + personId + ".pdf", pdf.render(model));
    }

    /** What the person's certificate page shows: the holder and the doses the certificate would print. */
    public record Overview(long personId, String fullName, List<Dose> doses) {
    }

    /** The person's name and doses, for a reader of vaccination inside their area (404 outside); the view is audited. */
    public Overview overview(long personId) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_READ);
        Holder holder = holder(personId, user.scope()).orElseThrow(() ->
                new NotFoundException(messages.get("vaccination.person.notFound", String.valueOf(personId))));
        audit.record("VIEW", "vaccination_certificate", null, personId, null);
        return new Overview(personId, holder.fullName(), doses(personId));
    }

    /**
     * The person whose certificate was scanned (its verification address or only the token), when the signature holds:
     * a vaccinator checks a person in by the card they carry. Nothing is shown here, so nothing is audited.
     */
    public Optional<Long> personOfCard(String scanned) {
        if (scanned == null) return Optional.empty();
        String t = scanned.strip();
        int slash = t.lastIndexOf("/verify/");
        if (slash >= 0) t = t.substring(slash + "/verify/".length());
        return CertificateToken.verified(t, key).map(CertificateToken::personId);
    }

    /** The verdict on a code read off a certificate, for anyone (no login); what was shown is audited. */
    public Verdict verify(String token) {
        Optional<CertificateToken> signed = CertificateToken.verified(token, key);
        if (signed.isEmpty()) return Verdict.refused();
        CertificateToken t = signed.get();
        record Issued(long personId, byte[] digest, OffsetDateTime issuedAt) {
        }
        Optional<Issued> issued = jdbc.sql("select person_id, digest, issued_at from vaccination_certificate where id = ?")
                .param(t.certificateId())
                .query((rs, i) -> new Issued(rs.getLong(1), rs.getBytes(2), rs.getObject(3, OffsetDateTime.class))).optional();
        // Signed by this installation yet not as issued (another person's certificate, other content): not ours to vouch for.
        if (issued.isEmpty() || issued.get().personId() != t.personId() || !Arrays.equals(issued.get().digest(), t.digest())) {
            return Verdict.refused();
        }
        Optional<Holder> holder = holder(t.personId(), Scope.EVERYTHING);
        if (holder.isEmpty()) { // merged into another record: the certificate no longer names a person of the registry
            audit.record("VERIFY_CERTIFICATE", "vaccination_certificate", t.certificateId(), t.personId(), Map.of("outcome", Outcome.CHANGED));
            return new Verdict(Outcome.CHANGED, null, null, List.of(), issued.get().issuedAt());
        }
        List<Dose> doses = doses(t.personId());
        Outcome outcome = Arrays.equals(digest(holder.get(), doses), t.digest()) ? Outcome.VALID : Outcome.CHANGED;
        audit.record("VERIFY_CERTIFICATE", "vaccination_certificate", t.certificateId(), t.personId(), Map.of("outcome", outcome));
        return new Verdict(outcome, holder.get().fullName(), holder.get().yearOfBirth(),
                doses.stream().map(d -> new PublicDose(d.givenOn(), d.product(), d.doseKind())).toList(), issued.get().issuedAt());
    }

    String verificationUrl(String token) {
        String base = baseUrl.isEmpty()
                ? org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : baseUrl;
        return base + "/verify/" + token;
    }

    private Optional<Holder> holder(long personId, Scope scope) {
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("id", personId);
        return jdbc.sql("select id, full_name, date_of_birth, birth_year, national_id from person_card where id = :id and "
                        + scope.condition("commune_code", "village_id")).params(params)
                .query((rs, i) -> new Holder(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, Integer.class), rs.getString(5))).optional();
    }

    private List<Dose> doses(long personId) {
        return jdbc.sql("""
                select d.given_on, d.product_code, p.name, d.dose_kind, d.lot_number, coalesce(v.name, d.given_at)
                from vaccine_dose d
                join vaccine_product p on p.code = d.product_code
                left join vaccination_point v on v.id = d.point_id
                where d.person_id = ?
                order by d.given_on, array_position(""" + KIND_ORDER + ", d.dose_kind)").param(personId)
                .query((rs, i) -> new Dose(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).list();
    }

    /** SHA-256 (first 16 bytes) of what a certificate says: the holder and each dose, in order. */
    static byte[] digest(Holder h, List<Dose> doses) {
        StringBuilder s = new StringBuilder("v1\n").append(h.personId()).append('\n').append(h.fullName()).append('\n')
                .append(h.dateOfBirth() != null ? h.dateOfBirth().toString() : String.valueOf(h.birthYear())).append('\n');
        for (Dose d : doses) {
            s.append(d.givenOn()).append('\t').append(d.productCode()).append('\t').append(d.doseKind()).append('\t')
                    .append(d.lot()).append('\t').append(d.point()).append('\n');
        }
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8)),
                    CertificateToken.DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
