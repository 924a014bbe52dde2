package vn.phaodai.vaccination.due;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The days after which an open-ended window counts as overdue (vaccine_due_grace), per dose kind, on a day. */
@Component
class DueGrace {

    /** The grace in force on one day, per dose kind. */
    record Days(Map<String, Integer> byKind) {
        Optional<Integer> of(String kind) {
            return Optional.ofNullable(byKind.get(kind));
        }
    }

    private final JdbcClient jdbc;

    DueGrace(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Days on(LocalDate day) {
        return new Days(jdbc.sql("""
                        select dose_kind, days from vaccine_due_grace
                        where valid_from <= :day and (valid_to is null or valid_to >= :day) order by valid_from, id""")
                .param("day", day).query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b)));
    }
}
