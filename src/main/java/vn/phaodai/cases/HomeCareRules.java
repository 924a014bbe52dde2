package vn.phaodai.cases;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The home-care guidance by date (effective-dated data, never constants): the document a decision cites, the
 * minimum isolation it states and, where it says so, the longer isolation without a negative test. Cases own
 * the table (docs/decisions/0011); home care reads it here.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class HomeCareRules {

    public record Rule(String document, int isolationDays, Integer extendedDaysVaccinated, Integer extendedDaysUnvaccinated) {
    }

    private final JdbcClient jdbc;

    HomeCareRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rule in force on a day (a case's confirmation), if any. */
    public Optional<Rule> inForceOn(LocalDate day) {
        return jdbc.sql("""
                select document, isolation_days, extended_days_vaccinated, extended_days_unvaccinated from home_care_rule
                where valid_from <= :day and (valid_to is null or valid_to >= :day) order by valid_from desc limit 1""")
                .param("day", day)
                .query((rs, i) -> new Rule(rs.getString(1), rs.getInt(2), (Integer) rs.getObject(3), (Integer) rs.getObject(4)))
                .optional();
    }
}
