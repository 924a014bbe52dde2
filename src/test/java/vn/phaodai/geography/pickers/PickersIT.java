package vn.phaodai.geography.pickers;

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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.phaodai.support.WebSession.encode;

/**
 * Pickers by name: the lookups answer by part of a name typed without accents, only inside the user's area (a
 * commune officer never sees another commune, its places or its people), persons' answers are audited; a page sent
 * with only the typed name (no script, no code) is resolved, or answered at the field with what was typed kept.
 */
@PhaodaiIT
class PickersIT {

    static final String PHUC_XA = "00001", TRUC_BACH = "00004", VINH_PHUC = "00006", BA_DINH = "001", NAM_HA = "18073";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;

    @BeforeEach
    void nationalList() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        jdbc.sql("delete from quarantine_facility").update();
    }

    static List<String> labels(TestApi.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> labels = new ArrayList<>();
        for (JsonNode s : r.body()) labels.add(s.get("label").asText());
        return labels;
    }

    static List<String> ids(TestApi.Response r) {
        List<String> ids = new ArrayList<>();
        for (JsonNode s : r.body()) ids.add(s.get("id").asText());
        return ids;
    }

    @Test
    void communesAndVillagesByPartOfTheirNameOnlyInsideTheArea() {
        // Typed without accents or capitals: "phuc" finds Phúc Xá and Vĩnh Phúc, the exact name first.
        var all = api.get("/api/v1/pick/communes?q=" + encode("phuc xa"));
        assertThat(labels(all).get(0)).isEqualTo("Phường Phúc Xá — Quận Ba Đình");
        assertThat(ids(all).get(0)).isEqualTo(PHUC_XA);

        TestApi district = api.newUser(port, "DISTRICT_OFFICER", "DISTRICT", BA_DINH);
        var inDistrict = district.get("/api/v1/pick/communes?q=phuc");
        assertThat(ids(inDistrict)).contains(PHUC_XA, VINH_PHUC).allMatch(code -> code.startsWith("000"));
        assertThat(api.get("/api/v1/pick/communes?q=phuc").body().size()).isGreaterThan(inDistrict.body().size());

        TestApi officer = api.newUser(port, "COMMUNE_OFFICER", "COMMUNE", PHUC_XA);
        assertThat(ids(officer.get("/api/v1/pick/communes?q=phuc"))).containsExactly(PHUC_XA);
        assertThat(labels(officer.get("/api/v1/pick/communes?q=" + encode("trúc bạch")))).isEmpty();

        // Villages: of the officer's commune only; numbers in names sort as numbers.
        for (String name : List.of("Tổ dân phố 10", "Tổ dân phố 2", "Tổ dân phố 1")) {
            assertThat(api.post("/api/v1/geography/communes/" + PHUC_XA + "/villages", Map.of("name", name, "kind", "TO_DAN_PHO")).status())
                    .isEqualTo(201);
        }
        api.post("/api/v1/geography/communes/" + TRUC_BACH + "/villages", Map.of("name", "Tổ dân phố 3", "kind", "TO_DAN_PHO"));
        assertThat(labels(officer.get("/api/v1/pick/villages?q=" + encode("to dan pho"))))
                .containsExactly("Tổ dân phố 1 — Phường Phúc Xá", "Tổ dân phố 2 — Phường Phúc Xá", "Tổ dân phố 10 — Phường Phúc Xá");
        assertThat(labels(officer.get("/api/v1/pick/villages?commune=" + TRUC_BACH + "&q=to"))).isEmpty();
        assertThat(labels(api.get("/api/v1/pick/villages?commune=" + TRUC_BACH + "&q=to"))).containsExactly("Tổ dân phố 3 — Phường Trúc Bạch");
    }

    @Test
    void personsByNameInsideTheAreaAndEveryAnswerAudited() {
        long here = person("Nguyễn Thị Hằng", PHUC_XA);
        long there = person("Nguyễn Thị Hằng Nga", TRUC_BACH);
        TestApi officer = api.newUser(port, "COMMUNE_OFFICER", "COMMUNE", PHUC_XA);

        long audited = listsOfPersons();
        var mine = officer.get("/api/v1/pick/persons?q=" + encode("nguyen thi hang"));
        assertThat(labels(mine)).containsExactly("Nguyễn Thị Hằng · 1990 · Phường Phúc Xá");
        assertThat(ids(mine)).containsExactly(String.valueOf(here));
        assertThat(listsOfPersons()).isEqualTo(audited + 1);
        String shown = jdbc.sql("select details->>'persons' from audit_log where action = 'LIST' and entity = 'person' order by id desc limit 1")
                .query(String.class).single();
        assertThat(shown).isEqualTo("[" + here + "]");

        assertThat(ids(api.get("/api/v1/pick/persons?q=" + encode("NGUYEN THI HANG")))).containsExactly(String.valueOf(here), String.valueOf(there));
        // One letter lists nobody (a picker does not page through the registry), and nothing shown is nothing audited.
        long before = listsOfPersons();
        assertThat(labels(officer.get("/api/v1/pick/persons?q=n"))).isEmpty();
        assertThat(listsOfPersons()).isEqualTo(before);
    }

    @Test
    void aFacilityFormSentWithOnlyTheTypedCommuneName() throws Exception {
        WebSession web = WebSession.admin(port);
        String page = "/quarantine/facilities";
        var created = web.post(page, "name=" + encode("Khu cách ly Ký túc xá") + "&kind=CONCENTRATED&communeCode=&communeCodeName="
                + encode("phuong nam ha") + "&capacity=50&_csrf=" + web.csrf(page));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).matches(".*/quarantine/facilities/\\d+$");
        assertThat(jdbc.sql("select commune_code from quarantine_facility where name = 'Khu cách ly Ký túc xá'").query(String.class).single())
                .isEqualTo(NAM_HA);

        var unknown = web.post(page, "name=" + encode("Khu cách ly Trường Quân sự") + "&kind=HOTEL&communeCode=&communeCodeName="
                + encode("Phường Không Có") + "&capacity=70&_csrf=" + web.csrf(page));
        assertThat(unknown.headers().firstValue("Location").orElseThrow()).endsWith("/quarantine/facilities");
        String back = web.get(page).body();
        assertThat(back).contains("Không có phường/xã nào tên “Phường Không Có” trong địa bàn của bạn", "id=\"communeCode-error\"",
                "value=\"Khu cách ly Trường Quân sự\"", "value=\"Phường Không Có\"", "value=\"70\"");
        assertThat(back).containsPattern("value=\"HOTEL\"[^>]*selected");

        web.post(page, "name=X&kind=HOTEL&communeCode=&communeCodeName=" + encode("Nam Hà") + "&capacity=7&_csrf=" + web.csrf(page));
        assertThat(web.get(page).body()).contains("Có nhiều phường/xã trùng “Nam Hà”, hãy chọn một trong danh sách");
        assertThat(jdbc.sql("select count(*) from quarantine_facility").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aListFilteredByATypedNameAndTheOneCommuneChosenAlready() throws Exception {
        WebSession admin = WebSession.admin(port);
        String cases = admin.get("/cases?communeName=" + encode("phuc xa")).body();
        assertThat(cases).contains("name=\"commune\" value=\"" + PHUC_XA + "\"", "value=\"Phường Phúc Xá — Quận Ba Đình\"");
        String wrong = admin.get("/retests?communeName=" + encode("Mẫu 5")).body();
        assertThat(wrong).contains("Không có phường/xã nào tên “Mẫu 5”", "value=\"Mẫu 5\"");

        String name = "u-pick-" + System.nanoTime();
        api.post("/api/v1/users", Map.of("username", name, "password", "Mat-khau-kiem-thu-9", "roles", List.of("COMMUNE_OFFICER"),
                "jurisdiction", Map.of("level", "COMMUNE", "codes", List.of(PHUC_XA))));
        WebSession officer = WebSession.logIn(port, name, "Mat-khau-kiem-thu-9");
        String retests = officer.get("/retests").body();
        assertThat(retests).contains("name=\"commune\" value=\"" + PHUC_XA + "\"", "value=\"Phường Phúc Xá — Quận Ba Đình\"");
        // Another commune's name is not in the officer's area.
        assertThat(officer.get("/cases?communeName=" + encode("Trúc Bạch")).body()).contains("Không có phường/xã nào tên “Trúc Bạch”");
    }

    long person(String fullName, String commune) {
        var r = api.post("/api/v1/persons", Map.of("fullName", fullName, "sex", "FEMALE", "dateOfBirth", "01/02/1990",
                "communeCode", commune));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("person").get("id").asLong();
    }

    long listsOfPersons() {
        return jdbc.sql("select count(*) from audit_log where action = 'LIST' and entity = 'person'").query(Long.class).single();
    }
}
