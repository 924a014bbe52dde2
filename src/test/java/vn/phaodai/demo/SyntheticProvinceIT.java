package vn.phaodai.demo;

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
}
