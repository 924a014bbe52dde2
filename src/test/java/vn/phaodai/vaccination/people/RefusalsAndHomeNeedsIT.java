package vn.phaodai.vaccination.people;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.phaodai.support.WebSession.encode;

/**
 * Refusals and home vaccination on the real database, in two fresh villages of a ward: each list's content by
 * village, a refusal ended by a dose, a home need given to a team and gone once vaccinated, the fields refused by
 * name, and a commune officer of another ward answered 404.
 */
@PhaodaiIT
class RefusalsAndHomeNeedsIT {

    static final String COMMUNE = "18073";  // Phường Nam Hà
    static final String OTHER = "18070";    // Phường Trần Phú, the same district
    static final java.time.LocalDate TODAY = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi admin;
    long v1;
    long v2;
    final Map<String, Long> ids = new HashMap<>();
    int serial;

    @BeforeEach
    void villages() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        long n = System.nanoTime() % 1_000_000;
        v1 = village("Tổ dân phố Vận Động " + n);
        v2 = village("Tổ dân phố Tại Nhà " + n);
        person("a", "Lê Thị An", v1);
        person("b", "Trần Văn Bình", v1);
        person("c", "Phạm Thị Cúc", v2);
        person("d", "Hoàng Văn Đức", v2);
    }

    private long village(String name) {
        var r = admin.post("/api/v1/geography/communes/" + COMMUNE + "/villages", Map.of("name", name));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private void person(String key, String name, long village) {
        var r = admin.post("/api/v1/persons", Map.of("fullName", name, "sex", name.contains("Thị") ? "FEMALE" : "MALE",
                "birthYear", 1940 + ++serial, "communeCode", COMMUNE, "villageId", village, "address", "Số " + serial + " Nguyễn Du"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        ids.put(key, r.body().get("person").get("id").asLong());
    }

    private void dose(String key, String day) {
        var r = admin.post("/api/v1/doses", Map.of("personId", ids.get(key), "givenOn", day, "product", "COMIRNATY_30",
                "lot", "FK1234", "doseKind", "PRIMARY_1"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(i -> names.add(i.get("fullName").asString()));
        return names;
    }

    @Test
    void refusedListByVillageEndsWithADose() {
        var r = admin.post("/api/v1/persons/" + ids.get("a") + "/vaccination/refusals",
                Map.of("refusedOn", "2021-10-01", "reason", "SIDE_EFFECTS", "reasonText", "Sợ sốt cao", "note", "Hẹn gặp lại con trai"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.body().get("talkedBy").asString()).isNotBlank();
        // the same day again changes nothing new; another person of the other village
        assertThat(admin.post("/api/v1/persons/" + ids.get("a") + "/vaccination/refusals",
                Map.of("refusedOn", "2021-10-01", "reason", "SIDE_EFFECTS", "reasonText", "Sợ sốt cao")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/persons/" + ids.get("c") + "/vaccination/refusals",
                Map.of("refusedOn", "01/11/2021", "reason", "DISTRUST")).status()).isEqualTo(201);

        JsonNode village1 = admin.get("/api/v1/vaccination/refused?commune=" + COMMUNE + "&village=" + v1).body();
        assertThat(names(village1)).containsExactly("Lê Thị An");
        assertThat(village1.get("total").asLong()).isEqualTo(1);
        assertThat(village1.get("items").get(0).get("reason").asString()).isEqualTo("SIDE_EFFECTS");
        assertThat(village1.get("items").get(0).get("refusedOn").asString()).isEqualTo("2021-10-01");
        assertThat(names(admin.get("/api/v1/vaccination/refused?village=" + v2).body())).containsExactly("Phạm Thị Cúc");
        assertThat(names(admin.get("/api/v1/vaccination/refused?commune=" + COMMUNE + "&q=cuc").body())).contains("Phạm Thị Cúc")
                .doesNotContain("Lê Thị An");

        dose("a", "2021-10-20"); // she accepted
        assertThat(admin.get("/api/v1/vaccination/refused?village=" + v1).body().get("total").asLong()).isZero();
        assertThat(names(admin.get("/api/v1/vaccination/refused?village=" + v2).body())).containsExactly("Phạm Thị Cúc");
    }

    @Test
    void homeNeedGivenToATeamIsGoneOnceVaccinated() {
        assertThat(admin.post("/api/v1/persons/" + ids.get("b") + "/vaccination/home-need", Map.of("reason", "BEDRIDDEN")).status())
                .isEqualTo(201);
        assertThat(admin.post("/api/v1/persons/" + ids.get("d") + "/vaccination/home-need",
                Map.of("reason", "OTHER", "note", "Vừa mổ, chưa đi lại được")).status()).isEqualTo(201);
        assertThat(names(admin.get("/api/v1/vaccination/home-needs?village=" + v1).body())).containsExactly("Trần Văn Bình");
        assertThat(names(admin.get("/api/v1/vaccination/home-needs?village=" + v2).body())).containsExactly("Hoàng Văn Đức");

        long team = jdbc.sql("insert into vaccination_point (commune_code, name, kind) values (?, ?, 'HOME') returning id")
                .params(COMMUNE, "Đội tiêm tại nhà " + System.nanoTime()).query(Long.class).single();
        long station = jdbc.sql("insert into vaccination_point (commune_code, name, kind) values (?, ?, 'HEALTH_STATION') returning id")
                .params(COMMUNE, "Trạm Y tế " + System.nanoTime()).query(Long.class).single();
        var notATeam = admin.post("/api/v1/vaccination/home-needs/assign", Map.of("pointId", station, "personIds", List.of(ids.get("b"))));
        assertThat(notATeam.status()).isEqualTo(400);
        assertThat(notATeam.text()).contains("pointId");
        var noNeed = admin.post("/api/v1/vaccination/home-needs/assign", Map.of("pointId", team, "personIds", List.of(ids.get("a"))));
        assertThat(noNeed.status()).isEqualTo(400);
        assertThat(noNeed.text()).contains("personIds");

        var given = admin.post("/api/v1/vaccination/home-needs/assign", Map.of("pointId", team, "personIds", List.of(ids.get("b"), ids.get("d"))));
        assertThat(given.status()).as(given.text()).isEqualTo(200);
        assertThat(given.body().get("assigned").asInt()).isEqualTo(2);
        JsonNode ofTeam = admin.get("/api/v1/vaccination/home-needs?commune=" + COMMUNE + "&point=" + team).body();
        assertThat(names(ofTeam)).containsExactlyInAnyOrder("Trần Văn Bình", "Hoàng Văn Đức");
        assertThat(ofTeam.get("items").get(0).get("pointId").asLong()).isEqualTo(team);

        dose("b", TODAY.toString()); // the need was noted today: a dose today ends it
        assertThat(names(admin.get("/api/v1/vaccination/home-needs?point=" + team).body())).containsExactly("Hoàng Văn Đức");
    }

    @Test
    void fieldsAreRefusedByName() {
        var none = admin.post("/api/v1/persons/" + ids.get("a") + "/vaccination/refusals", Map.of("refusedOn", "31/02/2021"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.text()).contains("refusedOn", "reason");
        var other = admin.post("/api/v1/persons/" + ids.get("a") + "/vaccination/refusals", Map.of("reason", "OTHER"));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.text()).contains("reasonText");
        var unknown = admin.post("/api/v1/persons/" + ids.get("a") + "/vaccination/home-need", Map.of("reason", "LAZY"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).contains("reason");
        var future = admin.post("/api/v1/persons/" + ids.get("a") + "/vaccination/home-need", Map.of("reason", "ELDERLY", "notedOn", "2099-01-01"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text()).contains("notedOn");
    }

    @Test
    void pagesShowTheListsAndKeepWhatWasTyped() throws Exception {
        assertThat(admin.post("/api/v1/persons/" + ids.get("c") + "/vaccination/refusals", Map.of("reason", "BELIEF")).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/persons/" + ids.get("d") + "/vaccination/home-need", Map.of("reason", "ELDERLY")).status()).isEqualTo(201);
        WebSession web = WebSession.admin(port);
        var refused = web.get("/vaccination/refused?commune=" + COMMUNE + "&village=" + v2);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Phạm Thị Cúc", "Lý do tôn giáo, niềm tin").doesNotContain("Lê Thị An", "BELIEF");
        var home = web.get("/vaccination/home-needs?commune=" + COMMUNE + "&village=" + v2);
        assertThat(home.body()).contains("Hoàng Văn Đức", "Người già yếu", "Chưa giao đội");
        var sheet = web.get("/vaccination/home-needs/print?commune=" + COMMUNE + "&village=" + v2);
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.body()).contains("Hoàng Văn Đức", "Kết quả vận động");
        assertThat(web.get("/vaccination/refused/print?village=" + v2).body()).contains("Phạm Thị Cúc");

        String form = "/vaccination/persons/" + ids.get("a") + "/refusal";
        var kept = web.postFrom(form, form, "_csrf=" + web.csrf(form) + "&refusedOn=" + encode("32/13/2021") + "&reason=OTHER&reasonText="
                + "&note=" + encode("Hẹn tuần sau"));
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.body()).contains("value=\"32/13/2021\"", "Hẹn tuần sau", "is-invalid", "Ghi rõ lý do khác");
        var saved = web.postFrom(form, form, "_csrf=" + web.csrf(form) + "&reason=WAITING&reasonText=" + encode("Chờ Pfizer"));
        assertThat(saved.statusCode()).isIn(302, 303);
        assertThat(web.get("/vaccination/refused?village=" + v1).body()).contains("Lê Thị An", "Chờ Pfizer");
    }

    @Test
    void outsideTheAreaIsNotFound() {
        TestApi officer = admin.newUser(port, "COMMUNE_OFFICER", "COMMUNE", OTHER);
        assertThat(officer.post("/api/v1/persons/" + ids.get("a") + "/vaccination/refusals", Map.of("reason", "DISTRUST")).status())
                .isEqualTo(404);
        assertThat(officer.get("/api/v1/vaccination/refused?commune=" + COMMUNE).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/vaccination/home-needs?village=" + v1).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/vaccination/refused?commune=" + OTHER).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/persons/999999999/vaccination/refusals", Map.of("reason", "DISTRUST")).status()).isEqualTo(404);
    }
}
