package vn.phaodai.population;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.geography.Geography;
import vn.phaodai.jobs.Job;
import vn.phaodai.jobs.Jobs;
import vn.phaodai.security.AuditLog;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.ImportLimits;
import vn.phaodai.shared.Messages;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person registered without a CCCD/CMND: accepted at entry, on the commune's worklist from the ID age on until
 * the number is entered, told apart from namesakes by phone, and refused by the registry import only where the
 * province asks for it.
 */
@PhaodaiIT
class PersonsWithoutNationalIdIT {

    static final String COMMUNE = "18073";        // Phường Nam Hà, Hà Tĩnh
    static final String NEIGHBOUR = "18076";      // another commune of the same city
    static final String OTHER_PROVINCE = "00001"; // Phường Phúc Xá, Hà Nội
    static final int THIS_YEAR = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
    static final String HEADER = PersonImportIT.HEADER;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Jobs jobs;
    @Autowired
    Geography geography;
    @Autowired
    JsonMapper json;
    @Autowired
    AuditLog audit;
    @Autowired
    ImportLimits limits;
    @Autowired
    ApplicationClock clock;
    @Autowired
    Messages messages;
    TestApi api;

    @BeforeEach
    void emptyRegistry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
    }

    static Map<String, Object> person(String name, int age, String phone, String commune) {
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", name);
        p.put("sex", name.contains(" Thị ") ? "FEMALE" : "MALE");
        p.put("birthYear", THIS_YEAR - age);
        p.put("phone", phone);
        p.put("communeCode", commune);
        return p;
    }

    TestApi.Response post(Map<String, Object> p) {
        return api.post("/api/v1/persons", p);
    }

    long create(Map<String, Object> p) {
        TestApi.Response r = post(p);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("person").get("id").asLong();
    }

    List<Long> worklist(TestApi as, String query) {
        TestApi.Response r = as.get("/api/v1/persons/missing-national-id" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.body().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        assertThat(r.body().get("total").asLong()).as("total of " + query).isGreaterThanOrEqualTo(ids.size());
        return ids;
    }

    @Test
    void aPersonOfThirtyWithoutAnIdNumberIsRegisteredByTheApi() {
        long id = create(person("Hoàng Văn Thịnh", 30, "0912 345 678", COMMUNE));
        JsonNode read = api.get("/api/v1/persons/" + id).body();
        assertThat(read.get("nationalId").isNull()).isTrue();
        assertThat(read.get("birthYear").asInt()).isEqualTo(THIS_YEAR - 30);
        assertThat(read.get("phone").asString()).isEqualTo("+84912345678");
    }

    @Test
    void theWorklistHoldsPersonsOfTheIdAgeWithoutANumberInTheJurisdictionUntilItIsEntered() throws Exception {
        long adult = create(person("Hoàng Văn Thịnh", 30, "0912345678", COMMUNE));
        Map<String, Object> withId = person("Lê Văn Có", 40, null, COMMUNE);
        withId.put("birthYear", null);
        withId.put("dateOfBirth", "01/02/" + (THIS_YEAR - 40));
        withId.put("nationalId", "042" + (THIS_YEAR - 40 >= 2000 ? "2" : "0") + String.format("%02d", (THIS_YEAR - 40) % 100) + "000123");
        long hasId = create(withId);
        long child = create(person("Hoàng Thị Bé", 10, null, COMMUNE));
        long thirteen = create(person("Hoàng Văn Mười Ba", 13, null, COMMUNE));
        long elsewhere = create(person("Trần Văn Xa", 50, null, OTHER_PROVINCE));

        List<Long> all = worklist(api, "");
        assertThat(all).contains(adult, elsewhere).doesNotContain(hasId, child, thirteen);
        assertThat(api.get("/api/v1/persons/missing-national-id").body().get("total").asInt()).isEqualTo(2);

        // A commune officer sees the commune's list only, found by a name typed without accents; the view is audited.
        TestApi officer = api.newUser(port, "COMMUNE_OFFICER", "COMMUNE", COMMUNE);
        long audited = jdbc.sql("select count(*) from audit_log where action = 'LIST'").query(Long.class).single();
        assertThat(worklist(officer, "")).containsExactly(adult);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'LIST'").query(Long.class).single()).isEqualTo(audited + 1);
        assertThat(worklist(officer, "?q=hoang van thinh")).containsExactly(adult);
        assertThat(worklist(officer, "?q=nguyen")).isEmpty();
        assertThat(worklist(officer, "?commune=" + OTHER_PROVINCE)).isEmpty();

        WebSession web = WebSession.admin(port);
        var page = web.get("/persons/missing-national-id?commune=" + COMMUNE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Thiếu CCCD/CMND", "Hoàng Văn Thịnh", "/persons/" + adult + "/edit", "Tổng số: 1")
                .doesNotContain("Hoàng Thị Bé", "Trần Văn Xa");

        // Completing the ID number from the person's form takes the person off the list.
        JsonNode current = api.get("/api/v1/persons/" + adult).body();
        Map<String, Object> completed = person("Hoàng Văn Thịnh", 30, "0912345678", COMMUNE);
        completed.put("nationalId", "042" + (THIS_YEAR - 30 >= 2000 ? "2" : "0") + String.format("%02d", (THIS_YEAR - 30) % 100) + "000456");
        completed.put("version", current.get("version").asInt());
        TestApi.Response updated = api.put("/api/v1/persons/" + adult, completed);
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(worklist(officer, "")).isEmpty();
        assertThat(worklist(api, "")).containsExactly(elsewhere);
    }

    @Test
    void withoutAnIdNumberNameBirthYearPhoneAndCommuneTellTheSamePersonAPossibleDuplicateAndAnother() {
        long first = create(person("Nguyễn Văn An", 30, "0912345678", COMMUNE));

        // The same name without accents, year, phone and commune: the person already registered (a form sent twice).
        TestApi.Response same = post(person("Nguyen Van An", 30, "0912.345.678", COMMUNE));
        assertThat(same.status()).as(same.text()).isEqualTo(409);
        assertThat(same.body().get("existingPersonId").asLong()).isEqualTo(first);

        // A phone on one record only: registered, and flagged for an officer to merge or dismiss.
        TestApi.Response noPhone = post(person("Nguyen Van An", 30, null, COMMUNE));
        assertThat(noPhone.status()).as(noPhone.text()).isEqualTo(201);
        assertThat(noPhone.body().get("duplicateCandidates").get(0).get("id").asLong()).isEqualTo(first);
        long flagged = noPhone.body().get("person").get("id").asLong();
        assertThat(jdbc.sql("select count(*) from person_duplicate where status = 'OPEN' and person_id = ? and candidate_id = ?")
                .params(flagged, first).query(Long.class).single()).isEqualTo(1);

        // Another phone, or another commune: another person, not flagged against the first.
        TestApi.Response otherPhone = post(person("Nguyễn Văn An", 30, "0987654321", COMMUNE));
        assertThat(otherPhone.status()).as(otherPhone.text()).isEqualTo(201);
        assertThat(candidates(otherPhone)).doesNotContain(first);
        TestApi.Response otherCommune = post(person("Nguyễn Văn An", 30, "0912345678", NEIGHBOUR));
        assertThat(otherCommune.status()).as(otherCommune.text()).isEqualTo(201);
        assertThat(candidates(otherCommune)).isEmpty();
        assertThat(jdbc.sql("select count(*) from person_duplicate where candidate_id = ? or person_id = ?").params(first, first)
                .query(Long.class).single()).isEqualTo(1);

        // A full birth date on both still decides alone, as before.
        Map<String, Object> born = person("Phan Văn Tí", 5, null, COMMUNE);
        born.put("birthYear", null);
        born.put("dateOfBirth", "01/06/" + (THIS_YEAR - 5));
        create(born);
        born.put("phone", "0911111111");
        assertThat(post(born).status()).isEqualTo(409);
    }

    private static List<Long> candidates(TestApi.Response created) {
        List<Long> ids = new ArrayList<>();
        created.body().get("duplicateCandidates").forEach(c -> ids.add(c.get("id").asLong()));
        return ids;
    }

    @Test
    void theImportFallsBackToNameBirthYearPhoneAndCommune(@TempDir Path dir) throws IOException {
        long first = create(person("Nguyễn Văn An", 30, "0912345678", COMMUNE));
        int year = THIS_YEAR - 30;
        Path file = dir.resolve("khong-cccd.csv");
        Files.writeString(file, String.join("\n", HEADER,
                "Nguyen Van An,Nam,," + year + ",,0912345678," + COMMUNE + ",,,,,,,,",
                "Nguyen Van An,Nam,," + year + ",,," + COMMUNE + ",,,,,,,,",
                "Nguyễn Văn An,Nam,," + year + ",,0987654321," + COMMUNE + ",,,,,,,,",
                "Nguyễn Văn An,Nam,," + year + ",,0912345678," + NEIGHBOUR + ",,,,,,,,") + "\n");
        JsonNode result = api.importAndWait("/api/v1/persons/import", file).get("result");
        assertThat(result.get("rowsRead").asInt()).isEqualTo(4);
        assertThat(result.get("alreadyRegistered").asInt()).as("same phone").isEqualTo(1);
        assertThat(result.get("created").asInt()).isEqualTo(3);
        assertThat(result.get("rejected").asInt()).isZero();
        // The line without a phone is a possible duplicate of the first, and of the line with another phone (which it
        // cannot tell apart); the other phone is never flagged against the first, nor the other commune against anyone.
        long noPhone = jdbc.sql("select id from person where phone is null").query(Long.class).single();
        long otherPhone = jdbc.sql("select id from person where phone = '+84987654321'").query(Long.class).single();
        long otherCommune = jdbc.sql("select id from person where commune_code = ?").param(NEIGHBOUR).query(Long.class).single();
        assertThat(result.get("possibleDuplicates").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select person_id || '>' || candidate_id from person_duplicate order by 1").query(String.class).list())
                .containsExactlyInAnyOrder(noPhone + ">" + first, otherPhone + ">" + noPhone);
        assertThat(jdbc.sql("select count(*) from person_duplicate where ? in (person_id, candidate_id)").param(otherCommune)
                .query(Long.class).single()).isZero();

        JsonNode again = api.importAndWait("/api/v1/persons/import", file).get("result");
        assertThat(again.get("created").asInt()).as("a second import creates nothing").isZero();
        assertThat(again.get("alreadyRegistered").asInt()).isEqualTo(4);
    }

    @Test
    void theImportRefusesALineOfTheIdAgeWithoutANumberOnlyWhenTheProvinceAsksForIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("so-dang-ky.csv");
        Files.writeString(file, String.join("\n", HEADER,
                "Hoàng Văn Thịnh,Nam,," + (THIS_YEAR - 30) + ",,0912345678," + COMMUNE + ",,,,,,,,",
                "Hoàng Thị Bé,Nữ,," + (THIS_YEAR - 10) + ",,," + COMMUNE + ",,,,,,,,") + "\n");

        PersonImport requiring = new PersonImport(dataSource, jdbc, jobs, geography, json, audit, 14, true, limits, clock, messages);
        Job refused = requiring.runNow(file, "so-dang-ky.csv", "admin", false);
        assertThat(refused.status()).isEqualTo("DONE");
        assertThat(json.readTree(refused.result()).get("created").asInt()).as("the child is kept").isEqualTo(1);
        List<String> rejections = jdbc.sql("select line || ': ' || reason from job_rejection where job_id = ? order by line")
                .param(refused.id()).query(String.class).list();
        assertThat(rejections).hasSize(1);
        assertThat(rejections.get(0)).startsWith("2: ").contains("Số CCCD/CMND").contains("14 tuổi");

        // The application's own import (the setting off, its default) accepts the same line.
        JsonNode accepted = api.importAndWait("/api/v1/persons/import", file).get("result");
        assertThat(accepted.get("created").asInt()).isEqualTo(1);
        assertThat(accepted.get("alreadyRegistered").asInt()).isEqualTo(1);
        assertThat(accepted.get("rejected").asInt()).isZero();
        assertThat(jdbc.sql("select count(*) from person where national_id is null").query(Long.class).single()).isEqualTo(2);
    }
}
