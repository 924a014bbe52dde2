package vn.phaodai.vaccination.coverage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coverage API (the tally for communes and districts, the residents' facts for villages) says on every day what
 * counting residents_on(day) with their ages and milestones says: 600 random persons in three communes, born on any
 * day (on 29/02, or only in a year), arrived, left, died, merged, with random courses of doses; then persons moved,
 * re-dated, merged and doses deleted, a band added and the tally's horizon carried on, and the same days checked again.
 */
@PhaodaiIT
class CoverageTallyIT {

    static final List<String> COMMUNES = List.of("18070", "18073", "18076"); // district 436
    static final String DISTRICT = "436";
    static final List<String> KINDS = List.of("PRIMARY_1", "PRIMARY_2", "PRIMARY_3", "BOOSTER_1", "BOOSTER_2");
    static final List<String> PRODUCTS = List.of("ASTRAZENECA", "COMIRNATY_30", "ABDALA", "VERO_CELL");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    TestApi admin;
    final Random random = new Random(47);
    final List<Long> villages = new ArrayList<>();

    /** The days checked: spread over the campaign, and the birthdays of those born on 29/02/2004 and in a year alone. */
    static List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>(List.of(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 2, 28),
                LocalDate.of(2022, 3, 1), LocalDate.of(2021, 12, 31), LocalDate.of(2022, 1, 1),
                LocalDate.of(2030, 6, 1))); // beyond the tally's horizon: counted from the facts
        for (int i = 0; i < 8; i++) days.add(LocalDate.of(2021, 3, 8).plusDays(i * 94L));
        return days;
    }

    /** The reference: residents_on(day) with their age and milestones, per commune (or village) and band. */
    private Map<String, List<Long>> reference(LocalDate on, String key) {
        Map<String, List<Long>> out = new TreeMap<>();
        jdbc.sql("""
                with per_age as (
                    select %s as unit_key, %s as age, count(*) as residents,
                           count(*) filter (where m.first_on <= cast(:on as date)) as one,
                           count(*) filter (where m.complete_on <= cast(:on as date)) as complete,
                           count(*) filter (where m.boosted_on <= cast(:on as date)) as boosted
                    from residents_on(cast(:on as date)) r join person_card p on p.id = r.person_id
                    left join vaccination_milestone m on m.person_id = r.person_id
                    where r.commune_code = any(cast(:communes as text[]))
                    group by 1, 2)
                select b.code, a.unit_key, sum(residents), sum(one), sum(complete), sum(boosted)
                from per_age a join coverage_age_band b on a.age >= b.min_age and (b.max_age is null or a.age <= b.max_age)
                where b.valid_from <= cast(:on as date) and (b.valid_to is null or b.valid_to > cast(:on as date))
                group by 1, 2""".formatted(key, VaccinationCoverage.AGE))
                .param("on", on).param("communes", COMMUNES.toArray(String[]::new))
                .query(rs -> {
                    out.put(rs.getString(2) + " " + rs.getString(1), List.of(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                });
        return out;
    }

    /** What the API answers, per child unit and band (units without residents left out, as the reference has none). */
    private Map<String, List<Long>> answered(String unit, LocalDate on, String by) {
        var r = admin.get("/api/v1/vaccination/coverage?unit=" + unit + "&on=" + on + "&by=" + by);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Map<String, List<Long>> out = new TreeMap<>();
        for (JsonNode child : r.body().get("children")) {
            String code = child.get("code").isNull() ? "null" : child.get("code").asText().replaceFirst("^v", "");
            for (JsonNode b : child.get("bands")) {
                if (b.get("residents").asLong() == 0) continue;
                out.put(code + " " + b.get("band").asText(), List.of(b.get("residents").asLong(), b.get("atLeastOneDose").asLong(),
                        b.get("primaryComplete").asLong(), b.get("boosted").asLong()));
            }
        }
        return out;
    }

    private static Map<String, List<Long>> withoutEmpty(Map<String, List<Long>> counts) {
        Map<String, List<Long>> out = new TreeMap<>(counts);
        out.values().removeIf(n -> n.get(0) == 0);
        return out;
    }

    private void agreeOnEveryDay(String when) {
        for (LocalDate on : days()) {
            assertThat(answered(DISTRICT, on, "commune")).as(when + ": communes on " + on)
                    .isEqualTo(withoutEmpty(reference(on, "r.commune_code")));
            assertThat(answered(COMMUNES.get(1), on, "village")).as(when + ": villages on " + on)
                    .isEqualTo(withoutEmpty(reference(on, "r.commune_code || ':' || coalesce(cast(r.village_id as text), 'null')"))
                            .entrySet().stream().filter(e -> e.getKey().startsWith(COMMUNES.get(1) + ":"))
                            .collect(TreeMap::new, (m, e) -> m.put(e.getKey().substring(6), e.getValue()), Map::putAll));
        }
    }

    private long person(String commune) {
        LocalDate born = LocalDate.of(1935, 1, 1).plusDays(random.nextInt(31_000));
        if (random.nextInt(20) == 0) born = LocalDate.of(2004, 2, 29);
        boolean yearOnly = random.nextInt(10) == 0;
        Long village = commune.equals(COMMUNES.get(1)) && random.nextInt(8) != 0 ? villages.get(random.nextInt(villages.size())) : null;
        return jdbc.sql("""
                insert into person (full_name, sex, birth_year, date_of_birth, commune_code, village_id, resident_since)
                values ('Người Đếm', 'FEMALE', ?, ?, ?, ?, ?) returning id""")
                .params(born.getYear(), yearOnly ? null : born, commune, village,
                        random.nextInt(6) == 0 ? LocalDate.of(2021, 1, 1).plusDays(random.nextInt(600)) : null)
                .query(Long.class).single();
    }

    /** A closed period somewhere else before the current place, or the last place of someone who left or died. */
    private void period(long person, String commune, LocalDate until) {
        long change = jdbc.sql("""
                insert into residence_change (person_id, kind, on_date, from_commune, to_commune, recorded_by)
                values (?, 'ARRIVE', ?, ?, null, 'test') returning id""").params(person, until, commune).query(Long.class).single();
        jdbc.sql("insert into residence_period (person_id, commune_code, kind, since, until, ended_by) values (?, ?, 'PERMANENT', ?, ?, ?)")
                .params(person, commune, random.nextBoolean() ? null : until.minusDays(200 + random.nextInt(300)), until, change).update();
    }

    private void doses(long person) {
        String product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
        LocalDate day = LocalDate.of(2021, 4, 1).plusDays(random.nextInt(400));
        int doses = random.nextInt(KINDS.size() + 1);
        for (int k = 0; k < doses; k++) {
            jdbc.sql("insert into vaccine_dose (person_id, given_on, product_code, dose_kind, source, recorded_by) values (?, ?, ?, ?, 'MANUAL', 'test')")
                    .params(person, day.plusDays(40L * k + random.nextInt(20)), product, KINDS.get(k)).update();
        }
    }

    @Test
    void theTallyAndTheFactsSayWhatTheResidentsAndTheirDosesSay() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        for (int v = 0; v < 3; v++) {
            var r = admin.post("/api/v1/geography/communes/" + COMMUNES.get(1) + "/villages", Map.of("name", "Tổ Đếm " + (v + 1)));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            villages.add(r.body().get("id").asLong());
        }
        List<Long> persons = new ArrayList<>();
        for (int n = 0; n < 600; n++) {
            String commune = COMMUNES.get(random.nextInt(COMMUNES.size()));
            long id = person(commune);
            persons.add(id);
            int fate = random.nextInt(12);
            LocalDate on = LocalDate.of(2021, 2, 1).plusDays(random.nextInt(600));
            if (fate == 0) { // arrived from another of the communes: a closed period there, living here since
                period(id, COMMUNES.get((COMMUNES.indexOf(commune) + 1) % 3), on);
                jdbc.sql("update person set resident_since = ? where id = ?").params(on, id).update();
            } else if (fate == 1) { // left the province, or died: only the closed period counts
                period(id, commune, on);
                jdbc.sql("update person set resident_since = null, resident_until = ?, died_on = ? where id = ?")
                        .params(on, random.nextBoolean() ? on : null, id).update();
            }
            doses(id);
        }
        agreeOnEveryDay("after the registry and its doses were written");

        // Persons moved within the district, born on another day, merged into another; doses re-dated and deleted.
        for (int i = 0; i < 40; i++) {
            long id = persons.get(random.nextInt(persons.size()));
            jdbc.sql("update person set commune_code = ?, village_id = null where id = ?")
                    .params(COMMUNES.get(random.nextInt(3)), id).update();
        }
        jdbc.sql("update person set date_of_birth = date_of_birth + 100, birth_year = extract(year from date_of_birth + 100) where id % 9 = 0 and date_of_birth is not null").update();
        jdbc.sql("update person set merged_into = ? where id in (?, ?)").params(persons.get(0), persons.get(1), persons.get(2)).update();
        jdbc.sql("update vaccine_dose set given_on = given_on - 60 where id % 4 = 0").update();
        jdbc.sql("delete from vaccine_dose where id % 5 = 0").update();
        agreeOnEveryDay("after persons moved, re-dated and merged, and doses re-dated and deleted");

        // A band added (as the Ministry might): the tally is rebuilt for its ages.
        jdbc.sql("""
                insert into coverage_age_band (code, name, name_en, min_age, max_age, rank, valid_from, document)
                values ('AGE_30_39', 'Từ 30 đến 39 tuổi', '30 to 39', 30, 39, 45, '2021-03-08', 'test')""").update();
        try {
            agreeOnEveryDay("after a band was added");
        } finally {
            jdbc.sql("delete from coverage_age_band where code = 'AGE_30_39'").update();
        }

        // As if the tally had been built a year earlier, holding changes up to 31/12/2021 only: the next read carries
        // it on to a year after today, and every day agrees again.
        jdbc.sql("select coverage_rebuild('2021-12-31')").query(Object.class).list();
        jdbc.sql("update coverage_mark set horizon = '2021-12-31', rebuild = false").update();
        agreeOnEveryDay("after the horizon was carried on");
        assertThat(jdbc.sql("select horizon from coverage_mark").query(LocalDate.class).single()).isAfter(LocalDate.now());
    }

    /**
     * While another refresh runs (here: its lock held by another transaction, as a rebuild after an import holds it
     * for a minute), a reader does not wait: it answers the tally as it was, says so, and counts a new dose once the
     * other refresh is done.
     */
    @Test
    void aReaderDoesNotWaitForALongRecount() throws SQLException {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        String url = "/api/v1/vaccination/coverage?unit=" + COMMUNES.get(2) + "&on=2022-06-01";
        long before = everyoneWithADose(admin.get(url).body());
        long person = jdbc.sql("""
                insert into person (full_name, sex, birth_year, date_of_birth, commune_code)
                values ('Người Chờ Đếm', 'FEMALE', 1990, '1990-05-05', ?) returning id""")
                .param(COMMUNES.get(2)).query(Long.class).single();
        try (Connection other = dataSource.getConnection(); Statement st = other.createStatement()) {
            other.setAutoCommit(false);
            st.execute("select pg_advisory_xact_lock(hashtext('coverage_refresh'))");
            jdbc.sql("""
                    insert into vaccine_dose (person_id, given_on, product_code, dose_kind, source, recorded_by)
                    values (?, '2022-01-10', 'ASTRAZENECA', 'PRIMARY_1', 'MANUAL', 'test')""").param(person).update();
            var r = admin.get(url);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.body().get("recounting").asBoolean()).isTrue();
            assertThat(everyoneWithADose(r.body())).isEqualTo(before);
            other.rollback();
        }
        var r = admin.get(url);
        assertThat(r.body().get("recounting").asBoolean()).isFalse();
        assertThat(everyoneWithADose(r.body())).isEqualTo(before + 1);
    }

    private static long everyoneWithADose(JsonNode report) {
        for (JsonNode b : report.get("unit").get("bands")) if (b.get("band").asText().equals("ALL")) return b.get("atLeastOneDose").asLong();
        throw new AssertionError("no band ALL in " + report);
    }
}
