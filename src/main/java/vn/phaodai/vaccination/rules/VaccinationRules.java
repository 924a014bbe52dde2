package vn.phaodai.vaccination.rules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The rule tables as they are now: small, read whole for each judgement, so a corrected row counts at once. */
@Service
public class VaccinationRules {

    public record Product(String code, String name, int primaryDoses) {
    }

    public record Interval(String product, int doseNumber, int minDays, Integer maxDays, LocalDate validFrom, LocalDate validTo,
                           String document) implements Dated {
    }

    public record Mix(String earlier, String later, LocalDate validFrom, LocalDate validTo, String document) implements Dated {
    }

    public record Age(String product, int minAge, Integer maxAge, boolean parentalConsent, LocalDate validFrom, LocalDate validTo,
                      String document, String note) implements Dated {
        boolean fits(int age) {
            return age >= minAge && (maxAge == null || age < maxAge);
        }
    }

    public record Timing(String doseKind, String after, int minDays, Integer maxDays, LocalDate validFrom, LocalDate validTo,
                         String document) implements Dated {
    }

    /** A row in force from validFrom to validTo (inclusive, open when null). */
    public interface Dated {
        LocalDate validFrom();

        LocalDate validTo();

        default boolean inForce(LocalDate day) {
            return !day.isBefore(validFrom()) && (validTo() == null || !day.isAfter(validTo()));
        }
    }

    /** Every rule at one moment. */
    public record Snapshot(Map<String, Product> products, List<Interval> intervals, List<Mix> mixes, List<Age> ages,
                           List<Timing> timings) {
    }

    private final JdbcClient jdbc;

    VaccinationRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Snapshot now() {
        Map<String, Product> products = jdbc.sql("select code, name, primary_doses from vaccine_product order by code")
                .query((rs, i) -> new Product(rs.getString(1), rs.getString(2), rs.getInt(3))).list().stream()
                .collect(Collectors.toMap(Product::code, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        List<Interval> intervals = jdbc.sql("select * from vaccine_interval_rule order by valid_from, id")
                .query((rs, i) -> new Interval(rs.getString("product_code"), rs.getInt("dose_number"), rs.getInt("min_days"),
                        (Integer) rs.getObject("max_days"), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class), rs.getString("document"))).list();
        List<Mix> mixes = jdbc.sql("select * from vaccine_mix_rule order by valid_from, id")
                .query((rs, i) -> new Mix(rs.getString("earlier_product"), rs.getString("later_product"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class), rs.getString("document"))).list();
        List<Age> ages = jdbc.sql("select * from vaccine_age_rule order by valid_from, min_age, id")
                .query((rs, i) -> new Age(rs.getString("product_code"), rs.getInt("min_age"), (Integer) rs.getObject("max_age"),
                        rs.getBoolean("parental_consent"), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class), rs.getString("document"), rs.getString("note"))).list();
        List<Timing> timings = jdbc.sql("select * from vaccine_timing_rule order by valid_from, id")
                .query((rs, i) -> new Timing(rs.getString("dose_kind"), rs.getString("after"), rs.getInt("min_days"),
                        (Integer) rs.getObject("max_days"), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class), rs.getString("document"))).list();
        return new Snapshot(products, intervals, mixes, ages, timings);
    }
}
