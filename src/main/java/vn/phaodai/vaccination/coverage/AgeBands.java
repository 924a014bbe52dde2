package vn.phaodai.vaccination.coverage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.phaodai.shared.Messages;

import java.time.LocalDate;
import java.util.List;

/** The age bands counted on a day (coverage_age_band: effective-dated rows, each citing why it is counted). */
@Component
public class AgeBands {

    public record Band(String code, String name, int minAge, Integer maxAge) {
    }

    private final JdbcClient jdbc;

    AgeBands(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The bands in force on the day, in the order the page shows them, named in the request's language. */
    public List<Band> on(LocalDate day) {
        boolean english = "en".equals(Messages.locale().getLanguage());
        return jdbc.sql("""
                select code, name, name_en, min_age, max_age from coverage_age_band
                where valid_from <= :day and (valid_to is null or valid_to > :day) order by rank, code""")
                .param("day", day)
                .query((rs, i) -> new Band(rs.getString("code"), rs.getString(english ? "name_en" : "name"), rs.getInt("min_age"),
                        (Integer) rs.getObject("max_age"))).list();
    }

}
