package vn.phaodai.population;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PhaodaiIT
class PersonApiIT {

    /** Phường Nam Hà, thành phố Hà Tĩnh; and Phường Phúc Xá, Hà Nội. */
    static final String COMMUNE = "18073";
    static final String OTHER_COMMUNE = "00001";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationClock clock;
    TestApi api;

    @BeforeEach
    void emptyRegistry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
    }

    static Map<String, Object> person(String name, String sex, String dob, String nationalId) {
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", name);
        p.put("sex", sex);
        p.put("dateOfBirth", dob);
        p.put("nationalId", nationalId);
        p.put("communeCode", COMMUNE);
        return p;
    }

    JsonNode create(Map<String, Object> p) {
        TestApi.Response r = api.post("/api/v1/persons", p);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body();
    }

    @Test
    void createsAndReadsAPersonNormalisingPhoneAndId() {
        Map<String, Object> p = person("Nguyễn Văn An", "MALE", "25/03/1985", "042 085 000 123");
        p.put("phone", "0912.345.678");
        p.put("comorbidities", List.of("diabetes"));
        long id = create(p).get("person").get("id").asLong();
        JsonNode read = api.get("/api/v1/persons/" + id).body();
        assertThat(read.get("fullName").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(read.get("dateOfBirth").asString()).isEqualTo("1985-03-25");
        assertThat(read.get("nationalId").asString()).isEqualTo("042085000123");
        assertThat(read.get("phone").asString()).isEqualTo("+84912345678");
        assertThat(read.get("comorbidities").get(0).asString()).isEqualTo("DIABETES");
        assertThat(read.get("version").asInt()).isZero();
    }

    @Test
    void aChildNeedsOnlyABirthYear() {
        Map<String, Object> p = person("Lê Thị Bống", "FEMALE", null, null);
        p.put("birthYear", java.time.Year.now().getValue() - 3);
        JsonNode created = create(p).get("person");
        assertThat(created.get("dateOfBirth").isNull()).isTrue();
        assertThat(created.get("birthYear").asInt()).isEqualTo(java.time.Year.now().getValue() - 3);
    }

    @Test
    void badInputIs400NamingEachField() {
        Map<String, Object> p = person("Trần Văn Bình", "MALE", "01/01/1990", "042190000001");
        p.put("phone", "12345");
        p.put("communeCode", "99999");
        TestApi.Response r = api.post("/api/v1/persons", p);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("\"title\"");
        List<String> fields = new ArrayList<>();
        r.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        // 042 1 90…: the fourth digit 1 says "female born in the 1900s", and the person is male.
        assertThat(fields).containsExactlyInAnyOrder("nationalId", "phone", "communeCode");
        assertThat(count()).isZero();
    }

    @Test
    void idNumbersAreCheckedForLengthProvinceAndBirthYear() {
        assertThat(fieldsOf(person("Trần Văn Bình", "MALE", "01/01/1990", "04209000001"))).containsExactly("nationalId");
        assertThat(fieldsOf(person("Trần Văn Bình", "MALE", "01/01/1990", "003090000001"))).containsExactly("nationalId");
        assertThat(fieldsOf(person("Trần Văn Bình", "MALE", "01/01/1990", "042091000001"))).containsExactly("nationalId");
        assertThat(api.post("/api/v1/persons", person("Trần Văn Bình", "MALE", "01/01/1990", "042090000001")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/persons", person("Phạm Thị Cúc", "FEMALE", "01/01/1960", "123456789")).status()).isEqualTo(201);
    }

    private List<String> fieldsOf(Map<String, Object> p) {
        TestApi.Response r = api.post("/api/v1/persons", p);
        assertThat(r.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    @Test
    void searchIgnoresAccentsAndToleratesATypo() {
        create(person("Nguyễn Văn An", "MALE", "25/03/1985", "042085000123"));
        create(person("Trần Thị Đào", "FEMALE", "02/02/1992", "042192000777"));
        create(person("Nguyễn Thị Lan", "FEMALE", "03/03/1993", "042193000888"));
        for (String q : List.of("Nguyen Van An", "nguyễn văn ân", "nguyen van an", "Nguyen Vna An", "NGUYEN VAN AN")) {
            JsonNode page = api.get("/api/v1/persons?q=" + q).body();
            assertThat(page.get("total").asInt()).as(q).isGreaterThanOrEqualTo(1);
            assertThat(page.get("items").get(0).get("fullName").asString()).as(q).isEqualTo("Nguyễn Văn An");
        }
        assertThat(names("tran thi dao")).containsExactly("Trần Thị Đào");
        assertThat(names("042192000777")).containsExactly("Trần Thị Đào");
        assertThat(names("Hoàng Văn Xuyến")).isEmpty();
    }

    @Test
    void searchFiltersByCommuneAndDistrictAndPages() {
        for (int i = 0; i < 25; i++) {
            Map<String, Object> p = person("Võ Văn " + "ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(i), "MALE", null, null);
            p.put("birthYear", 2015);
            create(p);
        }
        Map<String, Object> elsewhere = person("Võ Văn Hà Nội", "MALE", null, null);
        elsewhere.put("birthYear", 2015);
        elsewhere.put("communeCode", OTHER_COMMUNE);
        create(elsewhere);
        JsonNode page = api.get("/api/v1/persons?commune=" + COMMUNE + "&size=10&page=2").body();
        assertThat(page.get("total").asInt()).isEqualTo(25);
        assertThat(page.get("items").size()).isEqualTo(5);
        assertThat(api.get("/api/v1/persons?district=001").body().get("total").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/persons?q=vo van").body().get("total").asInt()).isEqualTo(26);
    }

    @Test
    void theSamePersonTwiceIsRefusedAndASimilarOneFlagged() {
        long first = create(person("Nguyễn Văn An", "MALE", "25/03/1985", "042085000123")).get("person").get("id").asLong();

        TestApi.Response sameId = api.post("/api/v1/persons", person("Nguyễn Văn Anh", "MALE", "25/03/1985", "042085000123"));
        assertThat(sameId.status()).isEqualTo(409);
        assertThat(sameId.body().get("existingPersonId").asLong()).isEqualTo(first);

        // A form sent twice (a retry after a timeout) creates nothing.
        Map<String, Object> child = person("Phan Văn Tí", "MALE", "01/06/2020", null);
        create(child);
        TestApi.Response resent = api.post("/api/v1/persons", child);
        assertThat(resent.status()).isEqualTo(409);
        child.put("fullName", "Phan Van Ti");
        assertThat(api.post("/api/v1/persons", child).status()).as("same name without accents").isEqualTo(409);

        JsonNode similar = create(person("Nguyễn Văn Ann", "MALE", "25/03/1985", "042085000124"));
        assertThat(similar.get("duplicateCandidates").get(0).get("id").asLong()).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from person_duplicate where status = 'OPEN'").query(Long.class).single()).isEqualTo(1);
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void mergeMovesEverythingToTheWinnerAndIsRecorded() {
        JsonNode household = api.post("/api/v1/households", Map.of("communeCode", COMMUNE, "code", "HK-1")).body();
        Map<String, Object> w = person("Nguyễn Văn An", "MALE", "25/03/1985", "042085000123");
        long winner = create(w).get("person").get("id").asLong();
        Map<String, Object> l = person("Nguyễn Văn Ann", "MALE", "25/03/1985", "042085000999");
        l.put("phone", "0987654321");
        l.put("householdId", household.get("id").asLong());
        l.put("relationToHead", "Chủ hộ");
        l.put("comorbidities", List.of("HYPERTENSION"));
        long loser = create(l).get("person").get("id").asLong();
        jdbc.sql("update household set head_person_id = ? where id = ?").params(loser, household.get("id").asLong()).update();

        TestApi.Response merged = api.post("/api/v1/persons/" + winner + "/merge", Map.of("duplicateId", loser));
        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        assertThat(merged.body().get("phone").asString()).isEqualTo("+84987654321");
        assertThat(merged.body().get("householdId").asLong()).isEqualTo(household.get("id").asLong());
        assertThat(merged.body().get("comorbidities").get(0).asString()).isEqualTo("HYPERTENSION");
        assertThat(api.get("/api/v1/persons/" + loser).body().get("mergedInto").asLong()).isEqualTo(winner);
        assertThat(jdbc.sql("select head_person_id from household where id = ?").param(household.get("id").asLong())
                .query(Long.class).single()).isEqualTo(winner);
        assertThat(jdbc.sql("select count(*) from person_merge where winner_id = ? and loser_id = ?").params(winner, loser)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from person_duplicate where status = 'OPEN'").query(Long.class).single()).isZero();
        assertThat(api.get("/api/v1/persons?q=nguyen van an").body().get("total").asInt()).isEqualTo(1);
        assertThat(api.post("/api/v1/persons/" + winner + "/merge", Map.of("duplicateId", loser)).status()).isEqualTo(404);
    }

    @Test
    void aStaleVersionIs409NeverASilentOverwrite() {
        JsonNode created = create(person("Đỗ Văn Cường", "MALE", "10/10/1970", "042070000555")).get("person");
        long id = created.get("id").asLong();
        Map<String, Object> first = person("Đỗ Văn Cường", "MALE", "10/10/1970", "042070000555");
        first.put("version", 0);
        first.put("occupation", "Nông dân");
        Map<String, Object> second = new HashMap<>(first);
        second.put("occupation", "Ngư dân");

        assertThat(api.put("/api/v1/persons/" + id, first).status()).isEqualTo(200);
        TestApi.Response stale = api.put("/api/v1/persons/" + id, second);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("currentVersion").asInt()).isEqualTo(1);
        JsonNode now = api.get("/api/v1/persons/" + id).body();
        assertThat(now.get("occupation").asString()).isEqualTo("Nông dân");
        assertThat(now.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownPersonIs404() {
        assertThat(api.get("/api/v1/persons/987654").status()).isEqualTo(404);
    }

    private List<String> names(String q) {
        List<String> names = new ArrayList<>();
        api.get("/api/v1/persons?q=" + q).body().get("items").forEach(i -> names.add(i.get("fullName").asString()));
        return names;
    }

    private long count() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }

    private static String message(TestApi.Response r, String field) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        for (JsonNode e : r.body().get("errors")) if (e.get("field").asString().equals(field)) return e.get("message").asString();
        throw new AssertionError("no error on " + field + ": " + r.text());
    }

    @Test
    void namesAWrongFieldInTheLanguageOfTheRequest() {
        Map<String, Object> p = person("Nguyễn Văn An", "X", "31/02/1985", null);
        TestApi.Response vi = api.post("/api/v1/persons", p);
        assertThat(message(vi, "sex")).isEqualTo("Giới tính phải là MALE (Nam) hoặc FEMALE (Nữ)");
        assertThat(message(vi, "dateOfBirth")).isEqualTo("Ngày sinh không hợp lệ, cần dạng dd/MM/yyyy: '31/02/1985'");
        TestApi.Response en = api.post("/api/v1/persons?lang=en", p);
        assertThat(message(en, "sex")).isEqualTo("Sex must be MALE (Nam) or FEMALE (Nữ)");
        assertThat(message(en, "dateOfBirth")).isEqualTo("Invalid date of birth, expected dd/MM/yyyy: '31/02/1985'");

        // A year is written as a year in both languages, never 2.026 or 2,026.
        p.put("sex", "MALE");
        p.put("dateOfBirth", null);
        p.put("birthYear", 1800);
        int year = clock.today().getYear();
        assertThat(message(api.post("/api/v1/persons", p), "birthYear")).isEqualTo("Năm sinh phải từ 1900 đến " + year);
        assertThat(message(api.post("/api/v1/persons?lang=en", p), "birthYear"))
                .isEqualTo("The year of birth must be from 1900 to " + year);
    }

    @Test
    void showsTheRelationToTheHeadInTheLanguageOfThePage() throws Exception {
        Map<String, Object> p = person("Trần Thị Bình", "FEMALE", "02/09/1960", null);
        p.put("relationToHead", "chủ hộ");
        long id = create(p).get("person").get("id").asLong();
        var web = vn.phaodai.support.WebSession.admin(port);
        assertThat(web.get("/persons/" + id).body()).contains(">Chủ hộ</dd>");
        assertThat(web.get("/persons/" + id + "?lang=en").body()).contains(">Head</dd>").doesNotContain(">Chủ hộ</dd>");
    }
}
