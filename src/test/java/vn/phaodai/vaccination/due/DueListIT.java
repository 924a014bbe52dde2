package vn.phaodai.vaccination.due;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The due list on a small known commune: a window's first and last day and the day after it (overdue), a dose
 * recorded taking the person off, a booster three months after the primary course, the open-ended window's grace,
 * priority groups first, draw() skipping, first doses only when asked, the area's edge.
 */
@PhaodaiIT
class DueListIT {

    static final String COMMUNE = "18073";  // Phường Nam Hà
    static final String OTHER = "18070";    // Phường Trần Phú, the same district

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DueList due;
    TestApi admin;
    long v1;
    long v2;
    final Map<String, Long> ids = new LinkedHashMap<>();
    int serial;

    @BeforeEach
    void commune() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        v1 = village(COMMUNE, "Tổ dân phố Đến Hạn 1");
        v2 = village(COMMUNE, "Tổ dân phố Đến Hạn 2");
        // AstraZeneca: the second dose 8 to 12 weeks after the first: from 27/09/2021 until 25/10/2021.
        person("az", "Nguyễn Văn Anh", "01/01/1970", COMMUNE, v1);
        dose("az", "2021-08-02", "ASTRAZENECA", "PRIMARY_1");
        // Primary course complete on 10/01/2022: booster 1 from 10/04/2022 (10722/BYT-DP), open-ended.
        person("boost", "Trần Thị Bích", "01/01/1960", COMMUNE, v2);
        dose("boost", "2021-12-20", "COMIRNATY_30", "PRIMARY_1");
        dose("boost", "2022-01-10", "COMIRNATY_30", "PRIMARY_2");
        person("never", "Lê Văn Chưa", "01/01/1990", COMMUNE, v1);
        person("away", "Phạm Văn Xa", "01/01/1970", OTHER, null);
        dose("away", "2021-08-02", "ASTRAZENECA", "PRIMARY_1");
    }

    private long village(String commune, String name) {
        var r = admin.post("/api/v1/geography/communes/" + commune + "/villages", Map.of("name", name));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private void person(String key, String name, String born, String commune, Long village) {
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", name);
        p.put("sex", name.contains("Thị") ? "FEMALE" : "MALE");
        if (born.length() == 4) p.put("birthYear", Integer.parseInt(born));
        else p.put("dateOfBirth", born);
        ++serial;
        p.put("communeCode", commune);
        p.put("villageId", village);
        p.put("address", "Số " + serial + " đường Trần Hưng Đạo");
        p.put("phone", "09130000" + String.format("%02d", serial));
        var r = admin.post("/api/v1/persons", p);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        ids.put(key, r.body().get("person").get("id").asLong());
    }

    /** Written with SQL for the setting; the dose that takes a person off the list goes through the API. */
    private void dose(String key, String day, String product, String kind) {
        jdbc.sql("""
                insert into vaccine_dose (person_id, given_on, product_code, dose_kind, source, recorded_by)
                values (?, cast(? as date), ?, ?, 'MANUAL', 'test')""").params(ids.get(key), day, product, kind).update();
    }

    private JsonNode list(TestApi api, String query) {
        var r = api.get("/api/v1/vaccination/due?commune=" + COMMUNE + "&" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    /** The keys of the persons listed, in order. */
    private List<String> keys(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(key(i.get("id").asLong())));
        return out;
    }

    private String key(long id) {
        return ids.entrySet().stream().filter(e -> e.getValue() == id).map(Map.Entry::getKey).findFirst().orElse("?" + id);
    }

    private JsonNode item(JsonNode page, String key) {
        for (JsonNode i : page.get("items")) if (i.get("id").asLong() == ids.get(key)) return i;
        throw new AssertionError(key + " not listed");
    }

    @Test
    void theSecondDoseWindowOpensAndCloses() {
        assertThat(keys(list(admin, "on=2021-09-26"))).doesNotContain("az");
        JsonNode opens = list(admin, "on=2021-09-27");
        assertThat(keys(opens)).contains("az");
        JsonNode az = item(opens, "az");
        assertThat(az.get("nextKind").asString()).isEqualTo("PRIMARY_2");
        assertThat(az.get("dueFrom").asString()).isEqualTo("2021-09-27");
        assertThat(az.get("dueUntil").asString()).isEqualTo("2021-10-25");
        assertThat(az.get("overdue").asBoolean()).isFalse();
        assertThat(az.get("villageName").asString()).isEqualTo("Tổ dân phố Đến Hạn 1");
        assertThat(item(list(admin, "on=2021-10-25"), "az").get("overdue").asBoolean()).isFalse();
        assertThat(item(list(admin, "on=2021-10-26"), "az").get("overdue").asBoolean()).isTrue();
        assertThat(keys(list(admin, "on=2021-10-26&state=OVERDUE"))).containsExactly("az");
        assertThat(keys(list(admin, "on=2021-10-26&state=DUE"))).doesNotContain("az");

        // Recorded late (with its reason): off the list on the day.
        var r = admin.post("/api/v1/doses", Map.of("personId", ids.get("az"), "doseKind", "PRIMARY_2", "product", "ASTRAZENECA",
                "givenOn", "2021-10-26", "lot", "AZ-1", "overrideReason", "Ốm, đến muộn"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(keys(list(admin, "on=2021-10-26"))).doesNotContain("az");
        // The day before it was given, it still counts as missing then.
        assertThat(keys(list(admin, "on=2021-10-25"))).contains("az");
    }

    @Test
    void theBoosterThreeMonthsAfterThePrimaryCourseWithAGrace() {
        assertThat(keys(list(admin, "on=2022-04-09"))).doesNotContain("boost");
        JsonNode b = item(list(admin, "on=2022-04-10"), "boost");
        assertThat(b.get("nextKind").asString()).isEqualTo("BOOSTER_1");
        assertThat(b.get("dueFrom").asString()).isEqualTo("2022-04-10");
        assertThat(b.get("dueUntil").isNull()).isTrue();
        // Open-ended: overdue once the 30 days of vaccine_due_grace have passed.
        assertThat(item(list(admin, "on=2022-05-10"), "boost").get("overdue").asBoolean()).isFalse();
        assertThat(item(list(admin, "on=2022-05-11"), "boost").get("overdue").asBoolean()).isTrue();
    }

    @Test
    void firstDosesOnlyWhenAsked() {
        // az overdue since 26/10/2021 comes before boost, due since that day.
        assertThat(keys(list(admin, "on=2022-04-10"))).containsExactly("az", "boost");
        JsonNode all = list(admin, "on=2022-04-10&first=true");
        // An adult never vaccinated: eligible since 08/03/2021, overdue after the grace.
        assertThat(keys(all)).containsExactly("az", "never", "boost");
        assertThat(item(all, "never").get("nextKind").asString()).isEqualTo("PRIMARY_1");
        assertThat(item(all, "never").get("overdue").asBoolean()).isTrue();
        assertThat(all.get("total").asLong()).isEqualTo(3);
    }

    @Test
    void priorityGroupsFirstThenOverdueThenOldest() {
        // Everyone due for a second Comirnaty dose (21 days, open-ended) on 01/06/2022.
        person("young", "Đỗ Văn Trẻ", "01/01/2000", COMMUNE, v1);
        dose("young", "2022-05-01", "COMIRNATY_30", "PRIMARY_1");          // due since 22/05: not overdue
        person("old", "Đỗ Văn Già", "01/01/1940", COMMUNE, v1);
        dose("old", "2022-05-01", "COMIRNATY_30", "PRIMARY_1");
        person("late", "Đỗ Văn Muộn", "01/01/1995", COMMUNE, v2);
        dose("late", "2022-03-01", "COMIRNATY_30", "PRIMARY_1");           // due since 22/03: overdue
        person("medic", "Đỗ Thị Y", "01/01/2001", COMMUNE, v2);
        dose("medic", "2022-05-01", "COMIRNATY_30", "PRIMARY_1");
        person("police", "Đỗ Văn An Ninh", "01/01/1999", COMMUNE, v2);
        dose("police", "2022-05-01", "COMIRNATY_30", "PRIMARY_1");
        group("medic", 1);
        group("police", 4);
        group("police", 9);

        JsonNode page = list(admin, "on=2022-06-01");
        // "boost" (booster since 10/04, overdue since 11/05) and "az" (AstraZeneca overdue since 26/10/2021) too.
        assertThat(keys(page)).containsExactly("medic", "police", "boost", "az", "late", "old", "young");
        assertThat(item(page, "police").get("priorityGroup").asInt()).isEqualTo(4);
        assertThat(item(page, "old").get("priorityGroup").isNull()).isTrue();
        assertThat(keys(list(admin, "on=2022-06-01&group=9"))).containsExactly("police");
        assertThat(keys(list(admin, "on=2022-06-01&village=" + v2))).containsExactly("medic", "police", "boost", "late");
        assertThat(keys(list(admin, "on=2022-06-01&q=do van"))).containsExactly("police", "late", "old", "young");

        JsonNode second = list(admin, "on=2022-06-01&size=3&page=1");
        assertThat(second.get("total").asLong()).isEqualTo(7);
        assertThat(keys(second)).containsExactly("az", "late", "old");

        assertThat(due.draw(COMMUNE, java.time.LocalDate.parse("2022-06-01"), false, 3, List.of(ids.get("police"), ids.get("az"))))
                .containsExactly(ids.get("medic"), ids.get("boost"), ids.get("late"));
        assertThat(due.draw(COMMUNE, java.time.LocalDate.parse("2022-06-01"), true, 100, List.of())).contains(ids.get("never"));
        assertThat(due.draw(COMMUNE, java.time.LocalDate.parse("2022-06-01"), false, 100, null)).doesNotContain(ids.get("never"));
    }

    private void group(String key, int rank) {
        jdbc.sql("insert into person_priority_group (person_id, group_rank, recorded_by) values (?, ?, 'test')")
                .params(ids.get(key), rank).update();
    }

    @Test
    void outsideTheAreaIsNotFound() {
        TestApi elsewhere = admin.newUser(port, "COMMUNE_OFFICER", "COMMUNE", OTHER);
        var r = elsewhere.get("/api/v1/vaccination/due?commune=" + COMMUNE + "&on=2021-10-26");
        assertThat(r.status()).as(r.text()).isEqualTo(404);
        TestApi here = admin.newUser(port, "COMMUNE_OFFICER", "COMMUNE", COMMUNE);
        assertThat(keys(list(here, "on=2021-10-26"))).containsExactly("az");
        assertThat(admin.get("/api/v1/vaccination/due?commune=99999&on=2021-10-26").status()).isEqualTo(404);
        var bad = admin.get("/api/v1/vaccination/due?commune=" + COMMUNE + "&on=2021-10-26&state=LATE");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("state");
        assertThat(admin.get("/api/v1/vaccination/due?on=2021-10-26").status()).isEqualTo(400);
        // Shown persons are audited.
        long audited = jdbc.sql("select count(*) from audit_log where entity = 'vaccine_dose' and action = 'LIST' and person_id = ?")
                .param(ids.get("az")).query(Long.class).single();
        assertThat(audited).isPositive();
    }
}
