package vn.phaodai.vaccination.sessions;

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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session on the real database: planned at a point with lots it holds, invitations drawn from the due list
 * (priority groups first, up to the capacity, nobody twice), a check-in by the invitation's code recording the dose
 * from the session's lot, a retried check-in adding nothing, closing with the opened vials wasted and the absent back
 * on the due list, the doses a planned session speaks for taken off the expiry alert, and the area's edge.
 */
@PhaodaiIT
class SessionsIT {

    static final String PROVINCE = "42";
    static final String DISTRICT = "436";
    static final String COMMUNE = "18073";  // Phường Nam Hà
    static final String OTHER = "18070";    // Phường Trần Phú
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    static final AtomicInteger SERIAL = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi admin;
    TestApi vaccinator;
    long pointId;
    long lot;
    final Map<String, Long> ids = new HashMap<>();

    @BeforeEach
    void aPointWithALotAndPeopleDue() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        vaccinator = admin.newUser(port, "VACCINATOR", "COMMUNE", COMMUNE);
        String n = Long.toString(System.nanoTime(), 36).toUpperCase(); // the database outlives a run: names not seen before
        pointId = jdbc.sql("insert into vaccination_point (commune_code, name, kind) values (?, ?, 'HEALTH_STATION') returning id")
                .params(COMMUNE, "Trạm Y tế phường Nam Hà (buổi " + n + ")").query(Long.class).single();
        lot = receive("SS-" + n, TODAY.plusDays(20), 600);
        allocate(PROVINCE, DISTRICT, 600);
        allocate(DISTRICT, COMMUNE, 600);
        allocate(COMMUNE, "point-" + pointId, 100);
        person("old", "Hoàng Văn Cao", 1945, COMMUNE);
        person("young", "Hoàng Văn Trẻ", 1998, COMMUNE);
        person("medic", "Hoàng Thị Y", 1990, COMMUNE);
        person("away", "Hoàng Văn Xa", 1950, OTHER);
        var g = admin.put("/api/v1/persons/" + ids.get("medic") + "/vaccination/priority-groups", Map.of("groups", List.of(1)));
        assertThat(g.status()).as(g.text()).isEqualTo(200);
    }

    private long receive(String number, LocalDate expiry, int doses) {
        var r = admin.post("/api/v1/vaccine/lots", Map.of("unit", PROVINCE, "product", "COMIRNATY_30", "lot", number,
                "expiry", expiry.toString(), "doses", doses, "supplier", "Viện Vệ sinh dịch tễ Trung ương", "on", TODAY.minusDays(5).toString()));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("lotId").asLong();
    }

    private void allocate(String from, String to, int doses) {
        var r = admin.post("/api/v1/vaccine/allocations", Map.of("lotId", lot, "from", from, "to", to, "doses", doses,
                "on", TODAY.minusDays(4).toString()));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    private void person(String key, String name, int born, String commune) {
        int n = SERIAL.incrementAndGet();
        var r = admin.post("/api/v1/persons", Map.of("fullName", name, "sex", name.contains("Thị") ? "FEMALE" : "MALE",
                "birthYear", born, "communeCode", commune, "address", "Số " + n + " đường Nguyễn Du", "phone", String.format("091400%04d", n)));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        ids.put(key, r.body().get("person").get("id").asLong());
    }

    private TestApi.Response plan(TestApi as, int capacity, LocalDate day, List<Long> lots) {
        return as.post("/api/v1/vaccination/sessions", Map.of("pointId", pointId, "day", day.toString(), "capacity", capacity, "lotIds", lots));
    }

    private long session(int capacity) {
        var r = plan(vaccinator, capacity, TODAY, List.of(lot));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private List<Long> invited(JsonNode invitations) {
        List<Long> out = new ArrayList<>();
        invitations.forEach(i -> out.add(i.get("personId").asLong()));
        return out;
    }

    private List<Long> dueToday() {
        var r = vaccinator.get("/api/v1/vaccination/due?commune=" + COMMUNE + "&on=" + TODAY + "&first=true&size=200");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<Long> out = new ArrayList<>();
        r.body().get("items").forEach(i -> out.add(i.get("id").asLong()));
        return out;
    }

    @Test
    void aSessionIsPlannedOnceAndItsInputIsCheckedField() {
        var first = plan(vaccinator, 2, TODAY, List.of(lot));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.body().get("status").asString()).isEqualTo("PLANNED");
        assertThat(first.body().get("lots").get(0).get("lotId").asLong()).isEqualTo(lot);
        var again = plan(vaccinator, 2, TODAY, List.of(lot));
        assertThat(again.status()).as("the same creation sent again").isEqualTo(200);
        assertThat(again.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
        var other = plan(vaccinator, 30, TODAY, List.of(lot));
        assertThat(other.status()).as("another session the same day at the point").isEqualTo(409);

        var bad = vaccinator.post("/api/v1/vaccination/sessions", Map.of("pointId", pointId, "day", "31/13/2022", "capacity", 0, "lotIds", List.of()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("\"day\"", "\"capacity\"", "\"lotIds\"");
        long unheld = jdbc.sql("""
                insert into vaccine_lot (product_code, lot_number, expiry, doses_per_vial) values ('SPIKEVAX', ?, ?, 10) returning id""")
                .params("NOT-HERE-" + System.nanoTime(), TODAY.plusDays(90)).query(Long.class).single();
        var notHeld = plan(vaccinator, 10, TODAY.plusDays(1), List.of(unheld));
        assertThat(notHeld.status()).isEqualTo(400);
        assertThat(notHeld.text()).contains("\"lotIds\"");
        assertThat(jdbc.sql("select count(*) from vaccination_session where point_id = ?").param(pointId).query(Long.class).single())
                .as("nothing refused was kept").isEqualTo(1);
    }

    @Test
    void invitationsComeFromTheDueListPriorityFirstUpToTheCapacityAndNobodyTwice() {
        long id = session(2);
        var drawn = vaccinator.post("/api/v1/vaccination/sessions/" + id + "/invitations", Map.of());
        assertThat(drawn.status()).as(drawn.text()).isEqualTo(200);
        List<Long> persons = invited(drawn.body());
        assertThat(persons).hasSize(2).startsWith(ids.get("medic")).doesNotContain(ids.get("away"));
        assertThat(persons.get(1)).as("then the oldest").isEqualTo(ids.get("old"));
        for (JsonNode i : drawn.body()) assertThat(i.get("token").asString()).matches("[A-Z0-9]{12}");

        var again = vaccinator.post("/api/v1/vaccination/sessions/" + id + "/invitations", Map.of());
        assertThat(invited(again.body())).as("the capacity is reached: nobody more, nobody twice").isEqualTo(persons);
        var bigger = vaccinator.put("/api/v1/vaccination/sessions/" + id, Map.of("pointId", pointId, "day", TODAY.toString(),
                "capacity", 10, "lotIds", List.of(lot)));
        assertThat(bigger.status()).as(bigger.text()).isEqualTo(200);
        var more = vaccinator.post("/api/v1/vaccination/sessions/" + id + "/invitations", Map.of());
        assertThat(invited(more.body())).hasSize(3).contains(ids.get("young")).doesNotContain(ids.get("away"));
        var smaller = vaccinator.put("/api/v1/vaccination/sessions/" + id, Map.of("pointId", pointId, "day", TODAY.toString(),
                "capacity", 2, "lotIds", List.of(lot)));
        assertThat(smaller.status()).isEqualTo(400);
        assertThat(smaller.text()).contains("\"capacity\"");
    }

    @Test
    void aCheckInRecordsTheDoseFromTheSessionsLotAndThePersonLeavesTheDueList() {
        long id = session(2);
        JsonNode invitations = vaccinator.post("/api/v1/vaccination/sessions/" + id + "/invitations", Map.of()).body();
        String token = null;
        for (JsonNode i : invitations) if (i.get("personId").asLong() == ids.get("old")) token = i.get("token").asString();
        assertThat(dueToday()).contains(ids.get("old"));

        var checked = vaccinator.post("/api/v1/vaccination/sessions/" + id + "/check-ins", Map.of("token", token.toLowerCase(), "reaction", "NONE"));
        assertThat(checked.status()).as(checked.text()).isEqualTo(201);
        JsonNode dose = checked.body().get("dose");
        assertThat(dose.get("doseKind").asString()).isEqualTo("PRIMARY_1");
        assertThat(dose.get("product").asString()).isEqualTo("COMIRNATY_30");
        assertThat(dose.get("givenOn").asString()).isEqualTo(TODAY.toString());
        assertThat(checked.body().get("invitation").get("status").asString()).isEqualTo("VACCINATED");
        var stored = jdbc.sql("select point_id, source, lot_number from vaccine_dose where person_id = ?").param(ids.get("old"))
                .query((rs, i) -> List.of(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
        assertThat(stored).containsExactly(pointId, "SESSION", jdbc.sql("select lot_number from vaccine_lot where id = ?").param(lot).query(String.class).single());

        var retried = vaccinator.post("/api/v1/vaccination/sessions/" + id + "/check-ins", Map.of("token", token));
        assertThat(retried.status()).as("the same check-in again").isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from vaccine_dose where person_id = ?").param(ids.get("old")).query(Long.class).single()).isEqualTo(1);
        assertThat(dueToday()).doesNotContain(ids.get("old"));

        var wrong = vaccinator.post("/api/v1/vaccination/sessions/" + id + "/check-ins", Map.of("token", "KHONGCOMANAY"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text()).contains("\"token\"");
        // A walk-in found by name: invited on the spot, vaccinated.
        var walkIn = vaccinator.post("/api/v1/vaccination/sessions/" + id + "/check-ins", Map.of("personId", ids.get("young")));
        assertThat(walkIn.status()).as(walkIn.text()).isEqualTo(201);
        assertThat(walkIn.body().get("invitation").get("walkIn").asBoolean()).isTrue();
        var outside = vaccinator.post("/api/v1/vaccination/sessions/" + id + "/check-ins", Map.of("personId", ids.get("away")));
        assertThat(outside.status()).as("a person outside the area: as if missing").isEqualTo(404);
    }

    @Test
    void closingCountsTheOpenedVialsAndTheAbsentGoBackToTheDueList() {
        long id = session(3);
        JsonNode invitations = vaccinator.post("/api/v1/vaccination/sessions/" + id + "/invitations", Map.of()).body();
        assertThat(invitations).hasSize(3);
        String token = invitations.get(0).get("token").asString();
        assertThat(vaccinator.post("/api/v1/vaccination/sessions/" + id + "/check-ins", Map.of("token", token)).status()).isEqualTo(201);

        var badCount = vaccinator.post("/api/v1/vaccination/sessions/" + id + "/close", Map.of("openedVials", Map.of(lot, -1)));
        assertThat(badCount.status()).isEqualTo(400);
        assertThat(badCount.text()).contains("openedVials." + lot);
        var closed = vaccinator.post("/api/v1/vaccination/sessions/" + id + "/close", Map.of("openedVials", Map.of(lot, 1)));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.body().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.body().get("noShows").asInt()).isEqualTo(2);
        int perVial = jdbc.sql("select doses_per_vial from vaccine_lot where id = ?").param(lot).query(Integer.class).single();
        assertThat(jdbc.sql("select coalesce(sum(doses), 0) from vaccine_stock_movement where lot_id = ? and kind = 'WASTE'").param(lot)
                .query(Long.class).single()).as("one vial opened, one dose given").isEqualTo(perVial - 1);
        var twice = vaccinator.post("/api/v1/vaccination/sessions/" + id + "/close", Map.of("openedVials", Map.of(lot, 1)));
        assertThat(twice.status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from vaccine_stock_movement where lot_id = ? and kind = 'WASTE'").param(lot)
                .query(Long.class).single()).as("closed again: counted once").isEqualTo(1);

        List<Long> noShows = new ArrayList<>();
        for (int i = 1; i < 3; i++) noShows.add(invitations.get(i).get("personId").asLong());
        assertThat(dueToday()).containsAll(noShows);
        var late = vaccinator.post("/api/v1/vaccination/sessions/" + id + "/check-ins", Map.of("token", invitations.get(1).get("token").asString()));
        assertThat(late.status()).as("a closed session records nothing").isEqualTo(409);
        var next = plan(vaccinator, 5, TODAY.plusDays(1), List.of(lot));
        assertThat(next.status()).as(next.text()).isEqualTo(201);
        var redrawn = vaccinator.post("/api/v1/vaccination/sessions/" + next.body().get("id").asLong() + "/invitations", Map.of());
        assertThat(invited(redrawn.body())).as("the no-shows invited again").containsAll(noShows);
    }

    @Test
    void aPlannedSessionSpeaksForDosesOfTheExpiryAlert() {
        String pointCode = "point-" + pointId;
        assertThat(atRisk(pointCode)).as("100 doses at the point expire in 20 days").isEqualTo(100);
        plan(vaccinator, 60, TODAY.plusDays(3), List.of(lot));
        assertThat(atRisk(pointCode)).as("a session of 60 in 3 days").isEqualTo(40);
        assertThat(atRisk(COMMUNE)).as("the commune's own 500 doses are not the session's").isEqualTo(500);
        plan(vaccinator, 60, TODAY.plusDays(25), List.of(lot));
        assertThat(atRisk(pointCode)).as("a session after the expiry uses none of it").isEqualTo(40);
    }

    private long atRisk(String unit) {
        var r = admin.get("/api/v1/vaccine/expiring?on=" + TODAY);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        for (JsonNode x : r.body()) if (x.get("unit").asString().equals(unit) && x.get("lotId").asLong() == lot) return x.get("atRisk").asLong();
        return 0;
    }

    @Test
    void sessionsOutsideTheAreaAreAsIfMissing() {
        long id = session(2);
        TestApi elsewhere = admin.newUser(port, "VACCINATOR", "COMMUNE", OTHER);
        assertThat(elsewhere.get("/api/v1/vaccination/sessions/" + id).status()).isEqualTo(404);
        assertThat(elsewhere.get("/api/v1/vaccination/sessions/999999999").status()).isEqualTo(404);
        assertThat(elsewhere.post("/api/v1/vaccination/sessions/" + id + "/invitations", Map.of()).status()).isEqualTo(404);
        assertThat(elsewhere.post("/api/v1/vaccination/sessions/" + id + "/close", Map.of()).status()).isEqualTo(404);
        var planted = plan(elsewhere, 2, TODAY.plusDays(2), List.of(lot));
        assertThat(planted.status()).isEqualTo(400);
        assertThat(planted.text()).contains("\"pointId\"");
        for (JsonNode s : elsewhere.get("/api/v1/vaccination/sessions").body()) assertThat(s.get("communeCode").asString()).isEqualTo(OTHER);
        List<Long> listed = new ArrayList<>();
        vaccinator.get("/api/v1/vaccination/sessions?commune=" + COMMUNE).body().forEach(s -> listed.add(s.get("id").asLong()));
        assertThat(listed).contains(id);
    }

    @Test
    void thePersonsCertificateScannedChecksThemIn() throws Exception {
        long id = session(2);
        // Vaccinated once elsewhere (by hand, with the grounds for a dose on a day the rules did not foresee).
        var first = vaccinator.post("/api/v1/doses", Map.of("personId", ids.get("young"), "givenOn", TODAY.minusDays(60).toString(),
                "product", "COMIRNATY_30", "lot", "FK1111", "doseKind", "PRIMARY_1", "overrideReason", "Tiêm tại tỉnh khác"));
        assertThat(first.status()).as(first.text()).isIn(200, 201);
        TestApi.Download pdf = vaccinator.download("/api/v1/persons/" + ids.get("young") + "/vaccination/certificate");
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        String url;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            var m = java.util.regex.Pattern.compile("https?://[^/]+/verify/[A-Za-z0-9_-]{130}").matcher(text);
            assertThat(m.find()).as("the verification address printed under the QR code").isTrue();
            url = m.group();
        }
        char last = url.charAt(url.length() - 1);
        String forged = url.substring(0, url.length() - 1) + (last == 'A' ? 'B' : 'A');
        var refused = vaccinator.post("/api/v1/vaccination/sessions/" + id + "/check-ins", Map.of("token", forged));
        assertThat(refused.status()).as("a forged card").isEqualTo(400);
        assertThat(refused.text()).contains("\"token\"");

        var scanned = vaccinator.post("/api/v1/vaccination/sessions/" + id + "/check-ins", Map.of("token", url));
        assertThat(scanned.status()).as(scanned.text()).isEqualTo(201);
        assertThat(scanned.body().get("invitation").get("personId").asLong()).isEqualTo(ids.get("young"));
        assertThat(scanned.body().get("dose").get("doseKind").asString()).isEqualTo("PRIMARY_2");
    }
}
