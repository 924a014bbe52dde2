package vn.phaodai.tracing.contacts;

import vn.phaodai.tracing.Tiers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.phaodai.shared.Messages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a contact of a case made of its person, said to the officer who entered it. The tier itself is the one
 * {@link Tiers} derived (never re-decided here); when the person is not an F1 of the case, the reasons are read
 * from the same criteria as {@link Tiers#QUALIFIES} and the infectious period, on the f1_definition row in force on
 * the exposure day, each naming that definition's document.
 */
@Component
class F1Verdicts {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** {@code became}: F1, F2, F0 or NONE; {@code why}: null for an F1 of the case. */
    record Verdict(String became, String why, String document) {
    }

    private record Definition(String document, BigDecimal distance, boolean closedSpace, Integer maskedMinMinutes, int infectiousDaysBefore) {
    }

    private record Exposure(LocalDate first, LocalDate last, String proximity, boolean masked, Integer minutes) {
    }

    private record CaseDates(String status, LocalDate start, LocalDate outcomeOn) {
    }

    private final JdbcClient jdbc;
    private final Messages messages;

    F1Verdicts(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    Verdict of(long caseId, long personId, long contactId) {
        Exposure k = jdbc.sql("select exposure_date, last_exposure_date, proximity, masked, duration_minutes from contact where id = ?")
                .param(contactId).query((rs, i) -> new Exposure(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getBoolean(4), (Integer) rs.getObject(5))).single();
        Optional<Definition> d = definitionOn(k.first());
        String document = d.map(Definition::document).orElse(null);
        Integer ofCase = jdbc.sql("select tier from person_tier where person_id = ? and root_case_id = ?").params(personId, caseId)
                .query(Integer.class).optional().orElse(null);
        if (ofCase != null && ofCase == 1) return new Verdict("F1", null, document);
        Integer lowest = jdbc.sql("select min(tier) from person_tier where person_id = ?").param(personId).query(Integer.class).optional().orElse(null);
        if (lowest != null && lowest == 0) return new Verdict("F0", messages.get("tracing.verdict.hasCase"), document);
        String why = reasons(caseId, k, d);
        String became = lowest == null ? "NONE" : "F" + lowest;
        if (ofCase != null && ofCase == 2) why = why + "; " + messages.get("tracing.verdict.f2OfCase");
        return new Verdict(became, why, document);
    }

    private Optional<Definition> definitionOn(LocalDate day) {
        return jdbc.sql("""
                        select document, distance_m, closed_space, masked_min_minutes, infectious_days_before from f1_definition
                        where ? >= valid_from and (valid_to is null or ? <= valid_to) order by valid_from desc limit 1""")
                .params(day, day).query((rs, i) -> new Definition(rs.getString(1), rs.getBigDecimal(2), rs.getBoolean(3),
                        (Integer) rs.getObject(4), rs.getInt(5))).optional();
    }

    /** Every criterion not met, in the order an officer checks them: how close, how protected, when. */
    private String reasons(long caseId, Exposure k, Optional<Definition> definition) {
        if (definition.isEmpty()) return messages.get("tracing.verdict.noDefinition", k.first().format(DAY));
        Definition d = definition.get();
        List<String> why = new ArrayList<>();
        CaseDates c = jdbc.sql("""
                        select status, coalesce(onset_date, confirmed_on) - cast(? as int), outcome_on from case_card where id = ?""")
                .params(d.infectiousDaysBefore(), caseId).query((rs, i) -> new CaseDates(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class))).single();
        if ("DISCARDED".equals(c.status())) why.add(messages.get("tracing.verdict.caseDiscarded"));
        boolean close = switch (k.proximity()) {
            case "WITHIN_2M" -> d.distance().compareTo(BigDecimal.valueOf(2)) >= 0;
            case "SAME_CLOSED_SPACE" -> d.closedSpace();
            default -> true;
        };
        if (!close && "WITHIN_2M".equals(k.proximity())) {
            why.add(messages.get("tracing.verdict.distance", d.document(), metres(d.distance())));
        } else if (!close) {
            why.add(messages.get("tracing.verdict.closedSpace", d.document()));
        }
        boolean always = List.of("PHYSICAL", "CARE_WITHOUT_PROTECTION").contains(k.proximity());
        if (!always && k.masked() && d.maskedMinMinutes() != null && (k.minutes() == null || k.minutes() < d.maskedMinMinutes())) {
            why.add(k.minutes() == null
                    ? messages.get("tracing.verdict.maskedNoMinutes", d.document(), String.valueOf(d.maskedMinMinutes()))
                    : messages.get("tracing.verdict.maskedMinutes", String.valueOf(k.minutes()), d.document(), String.valueOf(d.maskedMinMinutes())));
        }
        LocalDate last = k.last() == null ? k.first() : k.last();
        if (c.start() != null && last.isBefore(c.start())) {
            why.add(messages.get("tracing.verdict.beforeInfectious", last.format(DAY), c.start().format(DAY),
                    String.valueOf(d.infectiousDaysBefore()), d.document()));
        }
        if (c.outcomeOn() != null && k.first().isAfter(c.outcomeOn())) {
            why.add(messages.get("tracing.verdict.afterOutcome", c.outcomeOn().format(DAY)));
        }
        if (why.isEmpty()) why.add(messages.get("tracing.verdict.other", d.document()));
        return String.join("; ", why);
    }

    /** 1 m, 1,5 m: the Vietnamese decimal comma. */
    private String metres(BigDecimal m) {
        String s = m.stripTrailingZeros().toPlainString();
        return "en".equals(Messages.locale().getLanguage()) ? s : s.replace('.', ',');
    }
}
