package vn.phaodai.homecare;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.Registry;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Teams, their workers and villages; a new F0 gets the worker of its village at once; re-assignment; workload. */
@PhaodaiIT
class CareTeamsIT {

    static final String COMMUNE = "18073";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;

    @BeforeEach
    void emptyRegistry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        jdbc.sql("truncate care_team restart identity cascade").update();
    }

    private long village(String name) {
        return api.post("/api/v1/geography/communes/" + COMMUNE + "/villages", Map.of("name", name)).body().get("id").asLong();
    }

    private Map<Long, Long> workload() {
        Map<Long, Long> load = new HashMap<>();
        api.get("/api/v1/care-teams?commune=" + COMMUNE).body().forEach(t -> t.get("workers")
                .forEach(w -> load.put(w.get("id").asLong(), w.get("cases").asLong())));
        return load;
    }

    @Test
    void aNewCaseGetsTheWorkerOfItsVillageAndCanBeReassigned() throws Exception {
        long north = village("Thôn Bắc"), south = village("Thôn Nam");
        var team = api.post("/api/v1/care-teams", Map.of("communeCode", COMMUNE, "kind", "MOBILE_STATION", "name", "Trạm lưu động số 1"));
        assertThat(team.status()).as(team.text()).isEqualTo(201);
        long teamId = team.body().get("id").asLong();
        long a = api.post("/api/v1/care-teams/" + teamId + "/workers", Map.of("fullName", "Y sĩ Hoa", "villageIds", List.of(north)))
                .body().get("id").asLong();
        long b = api.post("/api/v1/care-teams/" + teamId + "/workers", Map.of("fullName", "Điều dưỡng Lan", "villageIds", List.of(south)))
                .body().get("id").asLong();
        assertThat(api.post("/api/v1/care-teams", Map.of("communeCode", COMMUNE, "kind", "MOBILE_STATION", "name", "Trạm lưu động số 1"))
                .status()).isEqualTo(409);

        Registry registry = new Registry(api);
        CaseFixture cases = new CaseFixture(api, jdbc);
        LocalDate yesterday = LocalDate.now().minusDays(1);
        long c1 = cases.confirmed(registry.person(COMMUNE, south), COMMUNE, south, yesterday);
        long c2 = cases.confirmed(registry.person(COMMUNE, north), COMMUNE, north, yesterday);
        long c3 = cases.confirmed(registry.person(COMMUNE, south), COMMUNE, south, yesterday);
        assertThat(jdbc.sql("select worker_id from care_assignment where case_id = ?").param(c1).query(Long.class).single()).isEqualTo(b);
        assertThat(jdbc.sql("select worker_id from care_assignment where case_id = ?").param(c2).query(Long.class).single()).isEqualTo(a);
        assertThat(workload()).containsEntry(a, 1L).containsEntry(b, 2L);
        // No village: the least loaded worker of the commune.
        long c4 = cases.confirmed(registry.person(COMMUNE, null), COMMUNE, null, yesterday);
        assertThat(jdbc.sql("select worker_id from care_assignment where case_id = ?").param(c4).query(Long.class).single()).isEqualTo(a);

        JsonNode moved = api.put("/api/v1/cases/" + c3 + "/care-worker", Map.of("workerId", a)).body();
        assertThat(moved.get("id").asLong()).isEqualTo(a);
        assertThat(workload()).containsEntry(a, 3L).containsEntry(b, 1L);
        // The case page and the case export show the assignment (the case has no worker of its own any more).
        WebSession web = WebSession.admin(port);
        assertThat(web.get("/cases/" + c3).body()).contains("id=\"care-worker\">Y sĩ Hoa</dd>");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                web.bytes("/cases/export.xlsx?commune=" + COMMUNE).body()))) {
            Map<Long, String> shown = new HashMap<>();
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(19).getStringCellValue()).isEqualTo("Cán bộ phụ trách");
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                shown.put((long) sheet.getRow(i).getCell(0).getNumericCellValue(), sheet.getRow(i).getCell(19).getStringCellValue());
            }
            assertThat(shown).containsEntry(c1, "Điều dưỡng Lan").containsEntry(c3, "Y sĩ Hoa").containsEntry(c4, "Y sĩ Hoa");
        }
        long elsewhere = api.post("/api/v1/care-teams", Map.of("communeCode", "18070", "kind", "HOME_CARE_TEAM", "name", "Tổ F0"))
                .body().get("id").asLong();
        long stranger = api.post("/api/v1/care-teams/" + elsewhere + "/workers", Map.of("fullName", "Người xã khác")).body().get("id").asLong();
        assertThat(api.put("/api/v1/cases/" + c3 + "/care-worker", Map.of("workerId", stranger)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/care-teams/" + teamId + "/workers", Map.of("fullName", "X", "villageIds", List.of(999999))).status())
                .isEqualTo(400);
    }

    @Test
    void aDayOfPositivesInOneVillageIsSharedAmongItsWorkers() {
        long north = village("Thôn Bắc");
        long teamId = api.post("/api/v1/care-teams", Map.of("communeCode", COMMUNE, "kind", "HOME_CARE_TEAM", "name", "Tổ chăm sóc F0"))
                .body().get("id").asLong();
        long a = api.post("/api/v1/care-teams/" + teamId + "/workers", Map.of("fullName", "Y sĩ Hoa", "villageIds", List.of(north)))
                .body().get("id").asLong();
        long b = api.post("/api/v1/care-teams/" + teamId + "/workers", Map.of("fullName", "Điều dưỡng Lan", "villageIds", List.of(north)))
                .body().get("id").asLong();
        long other = api.post("/api/v1/care-teams/" + teamId + "/workers", Map.of("fullName", "Y sĩ thôn khác")).body().get("id").asLong();
        CaseFixture cases = new CaseFixture(api, jdbc);
        // One worker already follows a case: the batch starts with the other.
        cases.confirmed(cases.person(COMMUNE, north), COMMUNE, north, LocalDate.now().minusDays(2));
        assertThat(workload()).containsEntry(a, 1L).containsEntry(b, 0L);

        List<Map<String, Object>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            results.add(Map.of("sampleCode", "DAY-" + i, "personId", cases.person(COMMUNE, north), "testType", "PCR",
                    "sampledAt", LocalDate.now().minusDays(1) + "T09:00:00+07:00", "result", "POSITIVE"));
        }
        var r = api.post("/api/v1/lab-results", results);
        assertThat(r.body().get("summary").get("casesCreated").asInt()).as(r.text()).isEqualTo(7);
        // 1 + 7 cases between the village's two workers: four each; the worker of no village gets none.
        assertThat(workload()).containsEntry(a, 4L).containsEntry(b, 4L).containsEntry(other, 0L);
    }

    private Long workerOf(long caseId) {
        return jdbc.sql("select worker_id from care_assignment where case_id = ?").param(caseId).query(Long.class).optional().orElse(null);
    }

    @Test
    void theFirstWorkerOfAVillageTakesItsUnfollowedF0AndThoseWithAWorkerKeepTheirs() {
        long north = village("Thôn Bắc"), south = village("Thôn Nam");
        long teamId = api.post("/api/v1/care-teams", Map.of("communeCode", COMMUNE, "kind", "HOME_CARE_TEAM", "name", "Tổ F0"))
                .body().get("id").asLong();
        CaseFixture cases = new CaseFixture(api, jdbc);
        LocalDate yesterday = LocalDate.now().minusDays(1);
        // Opened while the commune had nobody: nobody follows them.
        long c1 = cases.confirmed(cases.person(COMMUNE, north), COMMUNE, north, yesterday);
        long c2 = cases.confirmed(cases.person(COMMUNE, north), COMMUNE, north, yesterday);
        long c3 = cases.confirmed(cases.person(COMMUNE, south), COMMUNE, south, yesterday);
        jdbc.sql("update covid_case set care_setting = 'HOSPITAL' where id = ?").param(c3).update();
        assertThat(workerOf(c1)).isNull();
        assertThat(workerOf(c2)).isNull();

        long a = api.post("/api/v1/care-teams/" + teamId + "/workers", Map.of("fullName", "Y sĩ Hoa", "villageIds", List.of(north)))
                .body().get("id").asLong();
        assertThat(workerOf(c1)).isEqualTo(a);
        assertThat(workerOf(c2)).isEqualTo(a);
        assertThat(workerOf(c3)).as("in hospital, not at home").isNull();
        // A new case of the south village gets the commune's worker; a second worker for that village leaves it with her.
        long c4 = cases.confirmed(cases.person(COMMUNE, south), COMMUNE, south, yesterday);
        assertThat(workerOf(c4)).isEqualTo(a);
        long b = api.post("/api/v1/care-teams/" + teamId + "/workers", Map.of("fullName", "Điều dưỡng Lan")).body().get("id").asLong();
        assertThat(workerOf(c4)).isEqualTo(a);

        // Back home, the hospital case waits for a worker; giving the south village to Lan gives it to her.
        jdbc.sql("update covid_case set care_setting = 'HOME' where id = ?").param(c3).update();
        var given = api.post("/api/v1/care-teams/" + teamId + "/workers/" + b + "/villages", Map.of("villageIds", List.of(south)));
        assertThat(given.status()).as(given.text()).isEqualTo(200);
        assertThat(given.body().get("villageIds").get(0).asLong()).isEqualTo(south);
        assertThat(workerOf(c3)).isEqualTo(b);
        assertThat(workerOf(c4)).isEqualTo(a);
        assertThat(workerOf(c1)).isEqualTo(a);
        assertThat(workload()).containsEntry(a, 3L).containsEntry(b, 1L);
        // A village of another commune, or a worker of another team: refused at the field, or not found.
        long elsewhere = api.post("/api/v1/geography/communes/18070/villages", Map.of("name", "Thôn Xa")).body().get("id").asLong();
        assertThat(api.post("/api/v1/care-teams/" + teamId + "/workers/" + b + "/villages", Map.of("villageIds", List.of(elsewhere)))
                .status()).isEqualTo(400);
        assertThat(api.post("/api/v1/care-teams/" + teamId + "/workers/999999/villages", Map.of("villageIds", List.of(south)))
                .status()).isEqualTo(404);
    }
}
