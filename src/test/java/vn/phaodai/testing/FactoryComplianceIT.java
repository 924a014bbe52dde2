package vn.phaodai.testing;

import vn.phaodai.testing.screening.FactoryTesting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Weekly 20 % (8228/BYT-MT, in force today), an enterprise's own share, and runs of missed weeks. */
@PhaodaiIT
class FactoryComplianceIT {

    static final String COMMUNE = "18073";
    static final String OTHER_COMMUNE = "00001";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi admin;
    TestingFixture fx;
    final LocalDate today = LocalDate.now(FactoryTesting.ZONE);

    long weekly;     // 20 workers, 20 % a week: 4 required, 3 tested this week, 4 last week
    long ownShare;   // 10 workers, its own 30 %: 3 required, 1 tested, never before
    long compliant;  // 5 workers: 1 required, 1 tested
    long elsewhere;  // in Hà Nội

    @BeforeEach
    void enterprises() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        fx = new TestingFixture(admin, jdbc, port);
        weekly = fx.enterprise("Công ty May Hồng Lĩnh", COMMUNE);
        ownShare = fx.enterprise("Công ty Thép Vũng Áng", COMMUNE);
        compliant = fx.enterprise("Công ty Gạch Thạch Hà", COMMUNE);
        elsewhere = fx.enterprise("Công ty Phúc Xá", OTHER_COMMUNE);
        // The district's own share for one enterprise: no API sets it yet.
        jdbc.sql("update enterprise set testing_share_percent = 30 where id = ?").param(ownShare).update();

        List<Long> w = workers(weekly, 20);
        // This week (today back to today-6): three workers, one of them twice.
        fx.sample(w.get(0), today, null);
        fx.sample(w.get(0), today.minusDays(1), null);
        fx.sample(w.get(1), today.minusDays(3), null);
        fx.sample(w.get(2), today.minusDays(6), null);
        // Last week (today-7 back to today-13): four, enough; the week before: nobody.
        fx.sample(w.get(3), today.minusDays(7), null);
        fx.sample(w.get(4), today.minusDays(7), null);
        fx.sample(w.get(5), today.minusDays(13), null);
        fx.sample(w.get(6), today.minusDays(13), null);

        List<Long> o = workers(ownShare, 10);
        fx.sample(o.get(0), today, null);

        List<Long> c = workers(compliant, 5);
        fx.sample(c.get(0), today.minusDays(2), null);
        fx.sample(c.get(1), today.plusDays(1), null);   // tomorrow's: not in any period yet

        workers(elsewhere, 2);
    }

    private List<Long> workers(long enterprise, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(fx.person(TestingFixture.name("Công Nhân", (int) enterprise * 100 + i), COMMUNE, null, null, enterprise));
        }
        return ids;
    }

    @Test
    void eachEnterpriseAgainstItsShareMostBehindFirst() {
        JsonNode page = admin.get("/api/v1/enterprises/testing-compliance?commune=" + COMMUNE).body();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        JsonNode items = page.get("items");
        assertThat(items.get(0).get("enterpriseId").asLong()).isEqualTo(ownShare);
        assertThat(items.get(1).get("enterpriseId").asLong()).isEqualTo(weekly);
        assertThat(items.get(2).get("enterpriseId").asLong()).isEqualTo(compliant);

        JsonNode w = items.get(1);
        assertThat(w.get("workers").asLong()).isEqualTo(20);
        assertThat(w.get("sharePercent").asDouble()).isEqualTo(20.0);
        assertThat(w.get("periodDays").asInt()).isEqualTo(7);
        assertThat(w.get("required").asLong()).isEqualTo(4);
        assertThat(w.get("tested").asLong()).isEqualTo(3);
        assertThat(w.get("behind").asLong()).isEqualTo(1);
        // Enough last week: behind only since this period began.
        assertThat(w.get("behindSince").asString()).isEqualTo(today.minusDays(6).toString());
        assertThat(w.get("ownRule").asBoolean()).isFalse();
        assertThat(w.get("ruleDocument").asString()).contains("8228/BYT-MT");

        JsonNode own = items.get(0);
        assertThat(own.get("sharePercent").asDouble()).isEqualTo(30.0);
        assertThat(own.get("required").asLong()).isEqualTo(3);
        assertThat(own.get("tested").asLong()).isEqualTo(1);
        assertThat(own.get("behind").asLong()).isEqualTo(2);
        assertThat(own.get("ownRule").asBoolean()).isTrue();
        // Never enough in the twelve weeks looked at.
        assertThat(own.get("behindSince").asString()).isEqualTo(today.minusDays(12 * 7 - 1).toString());

        JsonNode ok = items.get(2);
        assertThat(ok.get("required").asLong()).isEqualTo(1);
        assertThat(ok.get("tested").asLong()).isEqualTo(1);
        assertThat(ok.get("behind").asLong()).isZero();
        assertThat(ok.get("behindSince").isNull()).isTrue();
    }

    @Test
    void behindOnlyAndTheJurisdiction() {
        JsonNode behind = admin.get("/api/v1/enterprises/testing-compliance?behindOnly=true").body();
        List<Long> ids = new ArrayList<>();
        behind.get("items").forEach(e -> ids.add(e.get("enterpriseId").asLong()));
        // The Hà Nội enterprise has 2 workers and nobody tested: behind too.
        assertThat(ids).containsExactly(ownShare, weekly, elsewhere);

        TestApi officer = fx.user("COMMUNE_OFFICER", "COMMUNE", List.of(COMMUNE));
        JsonNode seen = officer.get("/api/v1/enterprises/testing-compliance").body();
        List<Long> theirs = new ArrayList<>();
        seen.get("items").forEach(e -> theirs.add(e.get("enterpriseId").asLong()));
        assertThat(theirs).containsExactly(ownShare, weekly, compliant);
        assertThat(fx.user("ANALYST", "PROVINCE", List.of("42")).get("/api/v1/enterprises/testing-compliance").status()).isEqualTo(403);
    }

    @Test
    void anEnterpriseBehindForTwoWeeksIsBehindSinceLastWeek() {
        // The compliant one now misses this week and last week, after a week with enough.
        jdbc.sql("delete from sample where person_id in (select id from person_card where workplace_id = ?)").param(compliant).update();
        long worker = jdbc.sql("select min(id) from person_card where workplace_id = ?").param(compliant).query(Long.class).single();
        fx.sample(worker, today.minusDays(15), null);   // the week before last: enough
        JsonNode page = admin.get("/api/v1/enterprises/testing-compliance?commune=" + COMMUNE + "&size=500").body();
        JsonNode e = null;
        for (JsonNode item : page.get("items")) if (item.get("enterpriseId").asLong() == compliant) e = item;
        assertThat(e).isNotNull();
        assertThat(e.get("behind").asLong()).isEqualTo(1);
        assertThat(e.get("behindSince").asString()).isEqualTo(today.minusDays(13).toString());
    }

    /** A worker's doses, given that many days ago (two Comirnaty doses complete the course). */
    private void doses(long worker, int... daysAgo) {
        String[] kinds = {"PRIMARY_1", "PRIMARY_2", "BOOSTER_1"};
        for (int i = 0; i < daysAgo.length; i++) {
            jdbc.sql("insert into vaccine_dose (person_id, given_on, product_code, dose_kind, source, recorded_by) values (?, ?, 'COMIRNATY_30', ?, 'MANUAL', 'test')")
                    .params(worker, today.minusDays(daysAgo[i]), kinds[i]).update();
        }
    }

    private JsonNode the(long enterprise, String commune) {
        for (JsonNode item : admin.get("/api/v1/enterprises/testing-compliance?commune=" + commune).body().get("items")) {
            if (item.get("enterpriseId").asLong() == enterprise) return item;
        }
        throw new AssertionError("enterprise " + enterprise + " not listed");
    }

    @Test
    void workersFullyVaccinatedOrRecentlyRecoveredAreExemptAndTheShareIsOfTheOthers() {
        String commune = "18070";
        long firm = fx.enterprise("Công ty Dệt Kỳ Anh", commune);
        List<Long> w = workers(firm, 10);
        doses(w.get(0), 60, 30);        // complete, the last dose 30 days ago: exempt
        doses(w.get(1), 200, 150, 20);  // boosted: exempt
        doses(w.get(2), 40, 10);        // the second dose 10 days ago, under the 14 days: not yet
        doses(w.get(3), 30);            // one dose of two: not exempt
        var cases = new vn.phaodai.support.CaseFixture(admin, jdbc);
        cases.recovered(cases.confirmed(w.get(4), COMMUNE, null, today.minusDays(110)), today.minusDays(100)); // within 6 months
        cases.recovered(cases.confirmed(w.get(5), COMMUNE, null, today.minusDays(210)), today.minusDays(200)); // too long ago
        fx.sample(w.get(0), today, null); // an exempt worker tested anyway: not one of the share

        JsonNode e = the(firm, commune);
        assertThat(e.get("workers").asLong()).isEqualTo(10);
        assertThat(e.get("exempt").asLong()).isEqualTo(3);
        assertThat(e.get("required").asLong()).as("20 %% of the 7 not exempt").isEqualTo(2);
        assertThat(e.get("tested").asLong()).isZero();

        // Change a dose, see the answer change: the second dose re-dated to 20 days ago, the boosted worker's doses gone.
        jdbc.sql("update vaccine_dose set given_on = ? where person_id = ? and dose_kind = 'PRIMARY_2'").params(today.minusDays(20), w.get(2)).update();
        jdbc.sql("delete from vaccine_dose where person_id = ?").param(w.get(1)).update();
        e = the(firm, commune);
        assertThat(e.get("exempt").asLong()).isEqualTo(3);
        jdbc.sql("delete from vaccine_dose where person_id = ?").param(w.get(0)).update();
        e = the(firm, commune);
        assertThat(e.get("exempt").asLong()).isEqualTo(2);
        assertThat(e.get("required").asLong()).as("20 %% of the 8 not exempt").isEqualTo(2);
        assertThat(e.get("tested").asLong()).as("the worker tested today is one of the share now").isEqualTo(1);
        assertThat(e.get("behind").asLong()).isEqualTo(1);
    }
}
