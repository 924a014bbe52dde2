package vn.phaodai.population.registry;

import vn.phaodai.population.Person;
import vn.phaodai.population.PersonCriteria;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.geography.Geography;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.PageResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The person directory's search. A name matches accent-insensitively and tolerates typos (trigram
 * similarity on the folded name, GIN-indexed); digits match an ID number or a phone exactly.
 */
@Component
public class PersonSearch {

    private final JdbcClient jdbc;
    private final Geography geography;

    PersonSearch(JdbcClient jdbc, Geography geography) {
        this.jdbc = jdbc;
        this.geography = geography;
    }

    /** Names at least this similar match; pg_trgm's default (0.3) lets "Hoàng Văn Xuyến" find "Nguyễn Văn An". */
    static final String NAME_SIMILARITY = "0.5";

    @Transactional(readOnly = true)
    public PageResult<Person> page(PersonCriteria c, Scope scope, int page, int size) {
        strictSimilarity();
        Query q = query(c, scope);
        Map<String, Object> p = new HashMap<>(q.params);
        p.put("limit", size);
        p.put("offset", (long) page * size);
        if (!q.bySimilarity) {
            // The page walks an index and stops after it; the total is counted apart (a window count would read every row).
            List<Person> items = jdbc.sql("select p.* from person p where " + q.where + " order by " + q.order
                    + " limit :limit offset :offset").params(p).query(PersonRepository.PERSON).list();
            long total = items.size() < size && (page == 0 || !items.isEmpty()) ? (long) page * size + items.size() : count(q);
            return new PageResult<>(items, total, page, size);
        }
        List<Long> total = new ArrayList<>();
        List<Person> items = jdbc.sql("select p.*, count(*) over () as total from person p where " + q.where
                        + " order by " + q.order + " limit :limit offset :offset")
                .params(p)
                .query((rs, i) -> {
                    if (total.isEmpty()) total.add(rs.getLong("total"));
                    return PersonRepository.person(rs, i);
                }).list();
        long count = total.isEmpty() ? (page == 0 ? 0 : count(q)) : total.get(0);
        return new PageResult<>(items, count, page, size);
    }

    /** Streams every match in order (for exports), up to a limit. */
    @Transactional(readOnly = true)
    public void each(PersonCriteria c, Scope scope, int limit, Consumer<Person> consumer) {
        strictSimilarity();
        Query q = query(c, scope);
        Map<String, Object> p = new HashMap<>(q.params);
        p.put("limit", limit);
        jdbc.sql("select p.* from person p where " + q.where + " order by " + q.order + " limit :limit").params(p)
                .query(rs -> {
                    consumer.accept(PersonRepository.person(rs, 0));
                });
    }

    /** For this transaction only: the % operator then uses the stricter threshold (and its index). */
    private void strictSimilarity() {
        jdbc.sql("select set_config('pg_trgm.similarity_threshold', ?, true)").param(NAME_SIMILARITY).query(String.class).single();
    }

    private long count(Query q) {
        return jdbc.sql("select count(*) from person p where " + q.where).params(q.params).query(Long.class).single();
    }

    private record Query(String where, String order, Map<String, Object> params, boolean bySimilarity) {
    }

    /** The search as SQL; it cannot be built without the user's scope. */
    private Query query(PersonCriteria c, Scope scope) {
        StringBuilder where = new StringBuilder("p.merged_into is null and " + scope.condition("p.commune_code", "p.village_id"));
        Map<String, Object> p = new HashMap<>(scope.params());
        String order = "p.id";
        boolean bySimilarity = false;
        if (c.communeCode() != null && !c.communeCode().isBlank()) {
            where.append(" and p.commune_code = :commune");
            p.put("commune", c.communeCode().strip());
        }
        if (c.districtCode() != null && !c.districtCode().isBlank()) {
            where.append(" and p.commune_code = any(:district)");
            p.put("district", geography.communeCodes(c.districtCode().strip()).toArray(String[]::new));
        }
        if (c.villageId() != null) {
            where.append(" and p.village_id = :village");
            p.put("village", c.villageId());
        }
        String q = c.q() == null ? "" : c.q().strip();
        // One letter (or only wildcards) would match everyone and cost a full read; it filters nothing.
        if (q.replaceAll("[%_\\\\\\s]", "").length() >= 2) {
            String digits = q.replaceAll("[\\s.\\-()+]", "");
            if (digits.chars().allMatch(Character::isDigit)) {
                String phone = PhoneNumbers.normalise(q);
                where.append(" and (p.national_id = :digits or p.phone = :phone)");
                p.put("digits", digits);
                p.put("phone", phone == null ? "-" : phone);
            } else {
                // LIKE wildcards typed by a user are just characters that no name contains.
                p.put("q", q.replaceAll("[%_\\\\]", " ").replaceAll("\\s+", " ").strip());
                // "Nguyen Van An" and "nguyễn văn ân" find "Nguyễn Văn An" as a substring; only when no name contains
                // what was typed is it taken for a typo ("Nguyen Vna An"), and similar names are looked for: the
                // similarity search is the slow one (thousands of "Nguyễn Văn …" are similar to each other).
                String contains = " and p.search_name like '%' || fold_text(:q) || '%'";
                boolean typo = !jdbc.sql("select exists (select 1 from person p where " + where + contains + ")").params(p)
                        .query(Boolean.class).single();
                where.append(typo ? " and p.search_name % fold_text(:q)" : contains);
                order = "(p.search_name = fold_text(:q)) desc, similarity(p.search_name, fold_text(:q)) desc, p.id";
                bySimilarity = true;
            }
        }
        return new Query(where.toString(), order, p, bySimilarity);
    }
}
