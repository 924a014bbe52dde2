package vn.phaodai.homecare.readings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.phaodai.shared.Messages;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The warning signs of a reading, by the patient's age band and the rule in force on the reading's day
 * (table warning_sign_rule: 4038/QĐ-BYT for adults, 528/QĐ-BYT for children). A value at or beyond its
 * threshold is a sign; a limit the rule leaves empty is not checked in that band.
 */
@Component
public class WarningSigns {

    /** The thresholds of one age band. */
    public record Rule(String band, Integer breathingRateMin, Integer spo2Max, Integer pulseAbove, Integer pulseBelow, Integer systolicBelow,
                Integer diastolicBelow, BigDecimal temperatureAbove, Set<String> symptoms, String document) {
    }

    /** What a reading raised: its signs, how severe (0 none, 1 symptoms, 2 vital signs, 3 critical) and by which rule. */
    record Assessment(List<String> signs, int severity, String band, String document) {
    }

    /** A rule with the dates and ages it covers. */
    private record Dated(LocalDate validFrom, LocalDate validTo, int ageFrom, Integer ageTo, Rule rule) {
        boolean covers(LocalDate day, int age) {
            return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day)) && ageFrom <= age && (ageTo == null || ageTo > age);
        }
    }

    private record Loaded(List<Dated> rules, long at) {
    }

    /** The rules are read again after this long: an edit to the table takes effect within a minute. */
    private static final long RELOAD_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

    private final JdbcClient jdbc;
    private final Messages messages;
    private volatile Loaded loaded;

    WarningSigns(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** The rule for the day and age (held in memory: every reading needs one, and the table has a handful of rows). */
    public Rule rule(LocalDate day, int ageMonths) {
        Loaded l = loaded;
        if (l == null || System.nanoTime() - l.at() > RELOAD_NANOS) loaded = l = new Loaded(load(), System.nanoTime());
        return l.rules().stream().filter(d -> d.covers(day, ageMonths)).max(java.util.Comparator.comparing(Dated::validFrom))
                .map(Dated::rule)
                .orElseThrow(() -> new IllegalStateException(messages.get("homecare.warningSigns.noRule", day.toString())));
    }

    private List<Dated> load() {
        return jdbc.sql("select * from warning_sign_rule")
                .query((rs, i) -> new Dated(rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                        rs.getInt("age_from_months"), (Integer) rs.getObject("age_to_months"),
                        new Rule(rs.getString("band"), (Integer) rs.getObject("breathing_rate_min"),
                        (Integer) rs.getObject("spo2_max"), (Integer) rs.getObject("pulse_above"), (Integer) rs.getObject("pulse_below"),
                        (Integer) rs.getObject("systolic_below"), (Integer) rs.getObject("diastolic_below"),
                        rs.getBigDecimal("temperature_above"), Set.of(strings(rs.getArray("symptoms"))), rs.getString("document"))))
                .list();
    }

    Assessment assess(LocalDate day, int ageMonths, ReadingForm r) {
        Rule rule = rule(day, ageMonths);
        List<String> signs = new ArrayList<>();
        if (at(r.breathingRate(), rule.breathingRateMin(), true)) signs.add("BREATHING_RATE");
        if (at(r.spo2(), rule.spo2Max(), false)) signs.add("SPO2");
        if (r.pulse() != null && rule.pulseAbove() != null && r.pulse() > rule.pulseAbove()) signs.add("PULSE_HIGH");
        if (r.pulse() != null && rule.pulseBelow() != null && r.pulse() < rule.pulseBelow()) signs.add("PULSE_LOW");
        if ((r.systolic() != null && rule.systolicBelow() != null && r.systolic() < rule.systolicBelow())
                || (r.diastolic() != null && rule.diastolicBelow() != null && r.diastolic() < rule.diastolicBelow())) {
            signs.add("BLOOD_PRESSURE");
        }
        if (r.temperature() != null && rule.temperatureAbove() != null && r.temperature().compareTo(rule.temperatureAbove()) > 0) {
            signs.add("FEVER");
        }
        if (r.symptoms() != null) for (String s : r.symptoms()) if (rule.symptoms().contains(s)) signs.add(s);
        return new Assessment(signs, severity(signs, r), rule.band(), rule.document());
    }

    /** Critical: oxygen at 93 % or below, cyanosis or confusion; then any vital sign; then symptoms alone. */
    private static int severity(List<String> signs, ReadingForm r) {
        if (signs.isEmpty()) return 0;
        if ((r.spo2() != null && r.spo2() <= 93) || signs.contains("CYANOSIS") || signs.contains("CONFUSION")) return 3;
        boolean vital = signs.stream().anyMatch(s -> Set.of("BREATHING_RATE", "SPO2", "PULSE_HIGH", "PULSE_LOW", "BLOOD_PRESSURE", "FEVER").contains(s));
        return vital ? 2 : 1;
    }

    private static boolean at(Integer value, Integer limit, boolean orAbove) {
        if (value == null || limit == null) return false;
        return orAbove ? value >= limit : value <= limit;
    }

    private static String[] strings(Array a) throws SQLException {
        return a == null ? new String[0] : (String[]) a.getArray();
    }
}
