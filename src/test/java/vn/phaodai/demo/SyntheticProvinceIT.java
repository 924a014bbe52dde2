package vn.phaodai.demo;

import vn.phaodai.vaccination.imports.SyntheticDoses;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator through the registry's own import: every record it writes passes the registry's validation. */
@PhaodaiIT
class SyntheticProvinceIT {

    @LocalServerPort
    int port;
    @Autowired
    SyntheticDoses syntheticDoses;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SyntheticProvince province;

    @BeforeEach
    void emptyRegistry() {
        TestData.registryOnNationalList(jdbc, new TestApi(port));
        jdbc.sql("delete from demo_load").update();
    }

    @Test
    void aRealProvinceIsPopulatedWithValidRecordsOnly() {
        var result = CurrentUser.asSystem(() -> province.build(new SyntheticProvince.Options(20_000, 2021, "42", 0)));
        var imported = JsonMapper.builder().build().readTree(result.importResult());
        assertThat(imported.get("rejected").asInt()).isZero();
        assertThat(imported.get("created").asInt()).isEqualTo(20_000);
        assertThat(result.communes()).isEqualTo(216);
        assertThat(jdbc.sql("select count(*) from person p join commune c on c.code = p.commune_code join district d on d.code = c.district_code "
                + "where d.province_code = '42'").query(Long.class).single()).isEqualTo(20_000);
        assertThat(jdbc.sql("select count(*) from household where head_person_id is null").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from person where workplace_id is not null").query(Long.class).single()).isGreaterThan(2_000);
        assertThat(province.loaded()).isTrue();
    }

    @Test
    void theDemoProvinceIsBuiltUnderAnUnusedCodeAndTwiceGivesTheSameNames() {
        CurrentUser.asSystem(() -> province.build(new SyntheticProvince.Options(5_000, 7, SyntheticProvince.DEMO_PROVINCE, 0)));
        assertThat(jdbc.sql("select name from province where code = '99'").query(String.class).single()).isEqualTo("Tỉnh Mẫu");
        String first = jdbc.sql("select string_agg(full_name, ',' order by id) from (select * from person order by id limit 50) p")
                .query(String.class).single();
        TestData.registryOnNationalList(jdbc, new TestApi(port));
        CurrentUser.asSystem(() -> province.build(new SyntheticProvince.Options(5_000, 7, SyntheticProvince.DEMO_PROVINCE, 0)));
        assertThat(jdbc.sql("select string_agg(full_name, ',' order by id) from (select * from person order by id limit 50) p")
                .query(String.class).single()).isEqualTo(first);
    }

    @Test
    void anOutbreakBringsLaboratoryResultsAndTheCasesTheyConfirm() {
        var result = CurrentUser.asSystem(() -> province.build(new SyntheticProvince.Options(5_000, 11, SyntheticProvince.DEMO_PROVINCE, 30)));
        assertThat(result.note()).contains("laboratory results");
        assertThat(jdbc.sql("select count(*) from sample").query(Long.class).single()).isEqualTo(5_000);
        long cases = jdbc.sql("select count(*) from covid_case").query(Long.class).single();
        assertThat(cases).isPositive();
        // Every case rests on a positive single test of its person, dated within the 30 days.
        assertThat(jdbc.sql("""
                select count(*) from covid_case c join sample s on s.id = c.confirming_sample_id
                where s.person_id = c.person_id and s.result = 'POSITIVE' and s.pool_id is null
                  and c.confirmed_on between date '2021-09-01' and date '2021-09-30'""").query(Long.class).single()).isEqualTo(cases);
    }

    @Test
    void theDemoProvinceIsVaccinatedAsVietnamWasAndItsStockCoversItsDoses() {
        var result = CurrentUser.asSystem(() -> province.build(new SyntheticProvince.Options(5_000, 7, SyntheticProvince.DEMO_PROVINCE, 0)));
        assertThat(result.note()).contains("Doses until 2022-12-31");
        record Band(long persons, long vaccinated, long boosted, long beforeAllowed) {
        }
        java.util.function.Function<String, Band> band = where -> jdbc.sql("""
                with a as (select p.id, extract(year from age(date '2022-01-01', p.date_of_birth)) as age from person_card p
                           join commune_card c on c.code = p.commune_code where c.province_code = '99')
                select count(*),
                       count(*) filter (where exists (select 1 from vaccine_dose d where d.person_id = a.id)),
                       count(*) filter (where exists (select 1 from vaccine_dose d where d.person_id = a.id and d.dose_kind = 'BOOSTER_1')),
                       count(*) filter (where exists (select 1 from vaccine_dose d where d.person_id = a.id and d.given_on < case
                           when a.age >= 18 then date '2021-07-01' when a.age >= 12 then date '2021-11-01' else date '2022-04-14' end))
                from a where\s""" + where).query((rs, i) -> new Band(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
        Band adults = band.apply("age >= 18"), teens = band.apply("age between 12 and 17"), children = band.apply("age between 5 and 11"),
                small = band.apply("age < 5");
        assertThat(adults.vaccinated()).isBetween(adults.persons() * 93 / 100, adults.persons() * 99 / 100);
        assertThat(adults.boosted()).isBetween(adults.persons() * 60 / 100, adults.persons() * 80 / 100);
        assertThat(teens.vaccinated()).isBetween(teens.persons() * 90 / 100, teens.persons() * 99 / 100);
        assertThat(children.vaccinated()).isBetween(children.persons() * 50 / 100, children.persons() * 75 / 100);
        assertThat(small.vaccinated()).isZero();
        assertThat(adults.beforeAllowed() + teens.beforeAllowed() + children.beforeAllowed()).isZero();
        // No booster before 17 Dec 2021, no dose after the day asked for, every second dose after its first.
        assertThat(jdbc.sql("""
                select count(*) from vaccine_dose where recorded_by = 'generator' and (given_on > date '2022-12-31'
                    or (dose_kind = 'BOOSTER_1' and given_on < date '2021-12-17'))""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from vaccine_dose a join vaccine_dose b on b.person_id = a.person_id and b.dose_kind = 'PRIMARY_2'
                where a.dose_kind = 'PRIMARY_1' and b.given_on <= a.given_on""").query(Long.class).single()).isZero();
        // Each point was issued, before its first dose of a lot, at least what it gave of it.
        assertThat(jdbc.sql("""
                select count(*) from (select d.point_id, l.id as lot, count(*) as used, min(d.given_on) as first from vaccine_dose d
                    join vaccine_lot l on l.product_code = d.product_code and l.lot_number = d.lot_number
                    where d.recorded_by = 'generator' group by d.point_id, l.id) u
                where coalesce((select sum(m.doses) from vaccine_stock_movement m where m.kind = 'ALLOCATE' and m.lot_id = u.lot
                                and m.to_level = 'POINT' and m.to_code = u.point_id::text and m.on_date <= u.first), 0) < u.used""")
                .query(Long.class).single()).isZero();
        // The same seed again adds nothing.
        long doses = jdbc.sql("select count(*) from vaccine_dose").query(Long.class).single();
        CurrentUser.asSystem(() -> syntheticDoses.write("99", 7, java.time.LocalDate.of(2022, 12, 31)));
        assertThat(jdbc.sql("select count(*) from vaccine_dose").query(Long.class).single()).isEqualTo(doses);
    }
}
