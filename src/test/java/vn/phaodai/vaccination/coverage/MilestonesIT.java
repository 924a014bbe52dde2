package vn.phaodai.vaccination.coverage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The milestones coverage reads (vaccination_milestone, kept by the doses' triggers) say on every day what folding
 * the person's doses by then says: 300 persons with random courses of one-, two- and three-dose products, then doses
 * moved, deleted and re-dated in bulk, checked against the fold on 40 days.
 */
@PhaodaiIT
class MilestonesIT {

    static final List<String> KINDS = List.of("PRIMARY_1", "PRIMARY_2", "PRIMARY_3", "ADDITIONAL", "BOOSTER_1", "BOOSTER_2");
    static final List<String> PRODUCTS = List.of("ASTRAZENECA", "COMIRNATY_30", "ABDALA", "VERO_CELL", "SPUTNIK_V");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** The persons whose fold of doses by the day disagrees with their milestones. */
    private List<Long> disagreeing(LocalDate on) {
        return jdbc.sql("""
                with fold as (
                    select p.id, count(d.dose_kind) > 0 as one,
                           coalesce(bool_or(d.dose_kind in ('ADDITIONAL', 'BOOSTER_1', 'BOOSTER_2'))
                             or (bool_or(d.dose_kind = 'PRIMARY_1')
                                 and (max(pr.primary_doses) filter (where d.dose_kind = 'PRIMARY_1') < 2 or bool_or(d.dose_kind = 'PRIMARY_2'))
                                 and (max(pr.primary_doses) filter (where d.dose_kind = 'PRIMARY_1') < 3 or bool_or(d.dose_kind = 'PRIMARY_3'))),
                             false) as complete,
                           coalesce(bool_or(d.dose_kind in ('BOOSTER_1', 'BOOSTER_2')), false) as boosted
                    from person p left join vaccine_dose d on d.person_id = p.id and d.given_on <= :on
                    left join vaccine_product pr on pr.code = d.product_code group by p.id)
                select f.id from fold f left join vaccination_milestone m on m.person_id = f.id
                where f.one is distinct from coalesce(m.first_on <= :on, false)
                   or f.complete is distinct from coalesce(m.complete_on <= :on, false)
                   or f.boosted is distinct from coalesce(m.boosted_on <= :on, false)""").param("on", on).query(Long.class).list();
    }

    private void agreeOnEveryDay(String when) {
        for (int i = 0; i < 40; i++) {
            LocalDate on = LocalDate.of(2021, 6, 1).plusDays(i * 15L);
            assertThat(disagreeing(on)).as(when + ", on " + on).isEmpty();
        }
    }

    @Test
    void theMilestonesAgreeWithTheDosesWhateverIsWrittenToThem() {
        TestData.registryOnNationalList(jdbc, new TestApi(port));
        Random random = new Random(15);
        for (int n = 0; n < 300; n++) {
            long person = jdbc.sql("insert into person (full_name, sex, birth_year, commune_code) values (?, 'MALE', 1970, '18073') returning id")
                    .param("Người Mốc " + (char) ('A' + n % 26)).query(Long.class).single();
            String product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            LocalDate day = LocalDate.of(2021, 7, 1).plusDays(random.nextInt(120));
            int doses = random.nextInt(KINDS.size() + 1);
            StringBuilder values = new StringBuilder();
            for (int k = 0; k < doses; k++) {
                if (random.nextInt(5) == 0) continue; // a gap: a kind missing, as the imports leave them
                if (!values.isEmpty()) values.append(",");
                values.append("(%d, '%s', '%s', '%s', 'MANUAL', 'test')".formatted(person, day.plusDays(30L * k + random.nextInt(20)),
                        product, KINDS.get(k)));
            }
            // Several rows in one statement and single rows: both go through the statement triggers.
            if (!values.isEmpty()) {
                jdbc.sql("insert into vaccine_dose (person_id, given_on, product_code, dose_kind, source, recorded_by) values " + values).update();
            }
        }
        agreeOnEveryDay("after the inserts");

        jdbc.sql("update vaccine_dose set given_on = given_on + 45 where id % 3 = 0").update();
        agreeOnEveryDay("after doses were re-dated");
        jdbc.sql("delete from vaccine_dose where id % 7 = 0").update();
        agreeOnEveryDay("after doses were deleted");
        // Doses moved from one person to another (a merge moves them so).
        jdbc.sql("""
                update vaccine_dose d set person_id = (select min(id) from person)
                where d.person_id = (select max(person_id) from vaccine_dose)
                  and not exists (select 1 from vaccine_dose x where x.person_id = (select min(id) from person) and x.dose_kind = d.dose_kind)""").update();
        agreeOnEveryDay("after doses moved to another person");
        jdbc.sql("truncate vaccine_dose cascade").update();
        assertThat(jdbc.sql("select count(*) from vaccination_milestone").query(Long.class).single()).as("no dose, no milestone").isZero();
    }
}
