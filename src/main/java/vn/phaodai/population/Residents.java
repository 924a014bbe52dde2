package vn.phaodai.population;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Who counts as the residents of a place on a day: the one answer for every denominator (coverage, rates per
 * 100,000, lists), docs/decisions/0010. Modules that count in SQL join the published function
 * {@code residents_on(date)} (person_id, commune_code, village_id, residence_kind) instead; both say the same.
 * No personal data leaves here, only numbers: the caller checks that its user may see the places it names.
 */
@Service
public class Residents {

    private final JdbcClient jdbc;

    Residents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Persons residing on that day in one of the communes or one of the villages (either list may be empty). */
    public long count(Collection<String> communeCodes, Collection<Long> villageIds, LocalDate on) {
        List<String> places = new ArrayList<>();
        // One side only when the other is empty, so that PostgreSQL uses the commune index.
        if (!communeCodes.isEmpty()) places.add("r.commune_code = any(:communes)");
        if (!villageIds.isEmpty()) places.add("r.village_id = any(:villages)");
        if (places.isEmpty()) return 0;
        return jdbc.sql("select count(*) from residents_on(:on) r where " + String.join(" or ", places))
                .param("on", on).param("communes", communeCodes.toArray(String[]::new))
                .param("villages", villageIds.toArray(Long[]::new)).query(Long.class).single();
    }
}
