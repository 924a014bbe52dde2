package vn.phaodai.decisions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.geography.AdminUnit;
import vn.phaodai.geography.Geography;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commune's register of official documents and their printed form, for every capability that issues
 * decisions (a case's isolation, the end of a quarantine): one per-commune, per-year numbering without gaps
 * (one register: {@code decision_counter}), and one administrative form of Nghị định 30/2020/NĐ-CP
 * (templates/decisions/form.html: page, fonts, heading and signature).
 */
@Service
public class OfficialDocuments {

    /** The kinds of decision other capabilities issue in this form; the kind names the printed file. */
    public enum Kind { END_OF_QUARANTINE }

    /** One article ("Điều n.") of a decision: its lead sentence and its indented items ("- ..."). */
    public record Article(String lead, List<String> items) {
    }

    /**
     * What a capability says in its decision; the heading (issuing bodies, number, place and date, authority,
     * recipients, signature) comes from the commune. Bases are printed after "Căn cứ" in italics.
     */
    public record Decision(Kind kind, String communeCode, int number, LocalDate issuedOn, String subject,
                           List<String> bases, List<Article> articles) {
    }

    private final JdbcClient jdbc;
    private final DecisionPdf pdf;
    private final Geography geography;
    private final String signatory;

    OfficialDocuments(JdbcClient jdbc, DecisionPdf pdf, Geography geography,
                      @Value("${phaodai.decisions.signatory:}") String signatory) {
        this.jdbc = jdbc;
        this.pdf = pdf;
        this.geography = geography;
        this.signatory = signatory.isBlank() ? null : signatory.strip();
    }

    /**
     * Takes the commune's next decision number of the year, in the caller's transaction: the counter stays
     * locked until it commits (concurrent issues take their numbers in turn) and a rollback gives it back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int nextNumber(String communeCode, int year) {
        return jdbc.sql("""
                insert into decision_counter (commune_code, year, last_number) values (:commune, :year, 1)
                on conflict (commune_code, year) do update set last_number = decision_counter.last_number + 1
                returning last_number""").param("commune", communeCode).param("year", year)
                .query(Integer.class).single();
    }

    /** The commune's name inside a sentence of a decision ("phường Nam Hà"). */
    public String communeInText(String communeCode) {
        return DecisionWording.inText(geography.commune(communeCode));
    }

    /** The decisions as one PDF, each from a new page, in the official form. */
    public byte[] pdf(List<Decision> decisions) {
        List<Map<String, Object>> pages = decisions.stream().map(this::page).toList();
        return pdf.render("decisions/official-decision", Map.of("decisions", pages));
    }

    /**
     * Decisions in a capability's own wording, its template building on templates/decisions/form.html
     * (style, heading, signature): the same page, fonts and producer.
     */
    public byte[] pdf(String template, Map<String, Object> model) {
        return pdf.render(template, model);
    }

    private Map<String, Object> page(Decision d) {
        Locale vi = Locale.forLanguageTag("vi");
        AdminUnit commune = geography.commune(d.communeCode());
        AdminUnit district = geography.district(commune.parentCode());
        return Map.ofEntries(
                Map.entry("districtBody", district.name().toUpperCase(vi)),
                Map.entry("communeBody", commune.name().toUpperCase(vi)),
                Map.entry("authority", "CHỦ TỊCH ỦY BAN NHÂN DÂN " + commune.name().toUpperCase(vi)),
                Map.entry("number", d.number() + "/QĐ-UBND"),
                Map.entry("placeAndDate", DecisionWording.placeName(commune) + ", " + DecisionWording.longDate(d.issuedOn())),
                Map.entry("subject", d.subject()),
                Map.entry("bases", d.bases()),
                Map.entry("communeInText", DecisionWording.inText(commune)),
                Map.entry("districtInText", DecisionWording.inText(district)),
                Map.entry("articles", d.articles()),
                Map.entry("signatory", signatory == null ? "" : signatory));
    }
}
