package vn.phaodai.quarantine;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.quarantine.stays.Stays;
import vn.phaodai.support.CaseFixture;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.TestDoses;

import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PhaodaiIT
class QuarantineIT {

    /** Phường Nam Hà, thành phố Hà Tĩnh. */
    static final String NAM_HA = "18073";
    /** Phường Phúc Xá, Hà Nội. */
    static final String PHUC_XA = "00001";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;
    CaseFixture people;
    long facility;

    @BeforeEach
    void empty() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        people = new CaseFixture(api, jdbc);
        people.noDecisions();
        jdbc.sql("delete from quarantine_facility").update();
        jdbc.sql("delete from app_user where username like 'q-%'").update();
        facility = facility("Khu cách ly Trường Quân sự tỉnh", NAM_HA, 500, "KCL-" + System.nanoTime());
    }

    long facility(String name, String commune, int capacity, String code) {
        var r = api.post("/api/v1/quarantine/facilities", Map.of("name", name, "kind", "CONCENTRATED", "communeCode", commune,
                "capacity", capacity, "rooms", 10, "code", code));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    TestApi.Response admit(long person, String start, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("personId", person);
        body.put("start", start);
        if (!body.containsKey("home")) body.putIfAbsent("facilityId", facility);
        return api.post("/api/v1/quarantine/stays", body);
    }

    JsonNode admitted(long person, String start, Map<String, Object> more) {
        var r = admit(person, start, more);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body();
    }

    long person() {
        return people.person(NAM_HA, null);
    }

    /** A person with two doses in the registry, the second on the day given. */
    long vaccinated(LocalDate secondDose) {
        long p = person();
        TestDoses.twoDoses(api, p, secondDose);
        return p;
    }

    static List<Integer> ints(JsonNode array) {
        List<Integer> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asInt()));
        return list;
    }

    @Test
    void endAndTestDaysFollowThePolicyOfTheStartDay() {
        JsonNode may = admitted(person(), "2021-06-01", Map.of());
        assertThat(may.get("end").asString()).isEqualTo("2021-06-21");
        assertThat(ints(may.get("testDays"))).containsExactly(1, 14, 21);

        JsonNode july = admitted(person(), "2021-07-20", Map.of());
        assertThat(july.get("end").asString()).isEqualTo("2021-08-02");
        assertThat(july.get("homeMonitoringUntil").asString()).isEqualTo("2021-08-16");
        assertThat(ints(july.get("testDays"))).containsExactly(1, 7, 14);
        assertThat(july.get("policyDocument").asString()).contains("5599/BYT-MT");

        JsonNode december = admitted(vaccinated(LocalDate.of(2021, 11, 1)), "2021-12-20", Map.of("home", true,
                "homeApprovedBy", "Chủ tịch UBND phường Nam Hà"));
        assertThat(december.get("end").asString()).isEqualTo("2021-12-26");
        assertThat(december.get("selfMonitoringUntil").asString()).isEqualTo("2022-01-02");
        assertThat(ints(december.get("testDays"))).containsExactly(1, 7);
        assertThat(december.get("policyDocument").asString()).contains("10696/BYT-MT");
        assertThat(december.get("home").asBoolean()).isTrue();
        assertThat(december.get("homeApprovedBy").asString()).isEqualTo("Chủ tịch UBND phường Nam Hà");

        JsonNode februaryVaccinated = admitted(vaccinated(LocalDate.of(2021, 11, 1)), "2022-03-01", Map.of());
        assertThat(februaryVaccinated.get("end").asString()).isEqualTo("2022-03-05");
        assertThat(februaryVaccinated.get("selfMonitoringUntil").asString()).isEqualTo("2022-03-10");
        assertThat(ints(februaryVaccinated.get("testDays"))).containsExactly(5);
        long unvaccinated = person();
        JsonNode februaryOthers = admitted(unvaccinated, "2022-03-01", Map.of());
        assertThat(februaryOthers.get("end").asString()).isEqualTo("2022-03-07");
        assertThat(februaryOthers.get("selfMonitoringUntil").asString()).isEqualTo("2022-03-10");
        assertThat(ints(februaryOthers.get("testDays"))).containsExactly(7);
        // The status is the registry's: once two doses are recorded, the same person's next stay is the vaccinated one.
        var released = api.post("/api/v1/quarantine/stays/" + februaryOthers.get("id").asLong() + "/release", Map.of("on", "2022-03-07"));
        assertThat(released.status()).as(released.text()).isEqualTo(200);
        TestDoses.twoDoses(api, unvaccinated, LocalDate.of(2021, 12, 24));
        assertThat(admitted(unvaccinated, "2022-03-20", Map.of()).get("end").asString()).isEqualTo("2022-03-24");
        // Recovered within 3 months (from 21 Feb 2022) stands with the vaccinated; recovered 4 months before does not.
        CaseFixture cases = new CaseFixture(api, jdbc);
        long recovered = person();
        cases.recovered(cases.confirmed(recovered, NAM_HA, null, LocalDate.of(2022, 1, 1)), LocalDate.of(2022, 1, 15));
        assertThat(admitted(recovered, "2022-03-01", Map.of()).get("end").asString()).isEqualTo("2022-03-05");
        long longAgo = person();
        cases.recovered(cases.confirmed(longAgo, NAM_HA, null, LocalDate.of(2021, 10, 20)), LocalDate.of(2021, 11, 1));
        assertThat(admitted(longAgo, "2022-03-01", Map.of()).get("end").asString()).isEqualTo("2022-03-07");

        var april = admit(person(), "2022-04-20", Map.of());
        assertThat(april.status()).as(april.text()).isEqualTo(409);
        assertThat(april.text()).contains("1909/BYT-DP", "không phải cách ly");

        var homeWithoutApproval = admit(person(), "2021-12-20", Map.of("home", true));
        assertThat(homeWithoutApproval.status()).isEqualTo(400);
        assertThat(homeWithoutApproval.text()).contains("homeApprovedBy");
    }

    @Test
    void aPolicyChangeAppliesOnlyToStaysStartingOnOrAfterIt() {
        long before = person();
        long after = person();
        long maxPolicy = jdbc.sql("select max(id) from quarantine_policy").query(Long.class).single();
        try {
            JsonNode early = admitted(before, "2021-08-30", Map.of());
            var created = api.post("/api/v1/quarantine/policies", Map.of("subject", "F1", "vaccination", "ANY",
                    "validFrom", "2021-09-01", "validTo", "2021-12-15", "place", "FACILITY", "quarantineDays", 10,
                    "homeMonitoringDays", 0, "testDays", List.of(1, 10), "document", "99/QĐ-SYT (01/9/2021)"));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            long id = created.body().get("id").asLong();
            assertThat(jdbc.sql("select valid_to from quarantine_policy where subject = 'F1' and valid_from = '2021-07-14'")
                    .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2021, 8, 31));

            // The stay started before keeps its 14 + 14 days; one started on the effective day has 10.
            var again = api.get("/api/v1/quarantine/stays/" + early.get("id").asLong()).body();
            assertThat(again.get("end").asString()).isEqualTo("2021-09-12");
            assertThat(again.get("policyDocument").asString()).contains("5599/BYT-MT");
            JsonNode late = admitted(after, "2021-09-01", Map.of());
            assertThat(late.get("end").asString()).isEqualTo("2021-09-10");
            assertThat(ints(late.get("testDays"))).containsExactly(1, 10);
            assertThat(late.get("policyDocument").asString()).isEqualTo("99/QĐ-SYT (01/9/2021)");

            // A correction of the figures leaves started stays as they were.
            var corrected = api.put("/api/v1/quarantine/policies/" + id, Map.of("subject", "F1", "vaccination", "ANY",
                    "validFrom", "2021-09-01", "validTo", "2021-12-15", "place", "FACILITY", "quarantineDays", 12,
                    "testDays", List.of(1, 12), "document", "99/QĐ-SYT (01/9/2021)"));
            assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
            assertThat(api.get("/api/v1/quarantine/stays/" + late.get("id").asLong()).body().get("end").asString())
                    .isEqualTo("2021-09-10");

            var overlapping = api.post("/api/v1/quarantine/policies", Map.of("subject", "F1", "validFrom", "2021-08-15",
                    "validTo", "2021-10-01", "place", "FACILITY", "quarantineDays", 10, "document", "x"));
            assertThat(overlapping.status()).isEqualTo(409);
            var invalid = api.post("/api/v1/quarantine/policies", Map.of("subject", "F9", "place", "FACILITY", "quarantineDays", -1));
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.text()).contains("subject", "validFrom", "quarantineDays", "document");
        } finally {
            jdbc.sql("delete from quarantine_stay where policy_id > ?").param(maxPolicy).update();
            jdbc.sql("delete from quarantine_policy where id > ?").param(maxPolicy).update();
            jdbc.sql("update quarantine_policy set valid_to = '2021-12-15' where subject = 'F1' and valid_from = '2021-07-14'").update();
        }
    }

    @Test
    void aFullFacilityRefusesUnlessAnOfficerOverridesWithAReason() {
        long small = facility("Khách sạn Sao Mai", NAM_HA, 1, "KS-" + System.nanoTime());
        admitted(person(), "2021-08-01", Map.of("facilityId", small));
        long second = person();
        var refused = admit(second, "2021-08-01", Map.of("facilityId", small));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("Khách sạn Sao Mai", "hết giường", "1/1");
        // The same refusal in English, from the module's bundle; the invalid input too.
        var refusedInEnglish = api.post("/api/v1/quarantine/stays?lang=en", Map.of("personId", second, "start", "2021-08-01",
                "facilityId", small));
        assertThat(refusedInEnglish.status()).isEqualTo(409);
        assertThat(refusedInEnglish.text()).contains("Facility Khách sạn Sao Mai is full: 1/1 beds taken").doesNotContain("hết giường");
        var missingInEnglish = api.post("/api/v1/quarantine/stays?lang=en", Map.of("facilityId", small));
        assertThat(missingInEnglish.status()).isEqualTo(400);
        assertThat(missingInEnglish.text()).contains("Choose the person to quarantine", "The first day of quarantine is required");
        assertThat(admit(second, "2021-08-01", Map.of("facilityId", small)).text()).contains("hết giường");
        JsonNode over = admitted(second, "2021-08-01", Map.of("facilityId", small, "overCapacityReason", "Ca đêm, chưa có xe chuyển"));
        assertThat(over.get("overCapacityReason").asString()).isEqualTo("Ca đêm, chưa có xe chuyển");
        JsonNode f = api.get("/api/v1/quarantine/facilities/" + small).body();
        assertThat(f.get("occupied").asInt()).isEqualTo(2);
        assertThat(f.get("free").asInt()).isZero();
        // The same admission sent again gives the same stay.
        var retry = admit(second, "2021-08-01", Map.of("facilityId", small));
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body().get("id").asLong()).isEqualTo(over.get("id").asLong());

        // A quarantine site converted into a treatment facility (seed 003) keeps what it was.
        var converted = api.put("/api/v1/quarantine/facilities/" + facility, Map.of("kind", "TREATMENT", "capacity", 300));
        assertThat(converted.status()).as(converted.text()).isEqualTo(200);
        assertThat(converted.body().get("kind").asString()).isEqualTo("TREATMENT");
        assertThat(converted.body().get("convertedFrom").asString()).isEqualTo("CONCENTRATED");
        assertThat(converted.body().get("capacity").asInt()).isEqualTo(300);
        api.put("/api/v1/quarantine/facilities/" + facility, Map.of("capacity", 500));

        JsonNode page = api.get("/api/v1/quarantine/facilities?district=436&size=1").body();
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(api.get("/api/v1/quarantine/facilities?commune=00001").body().get("total").asInt()).isZero();

        JsonNode districts = api.get("/api/v1/quarantine/facilities/by-district").body();
        assertThat(districts.size()).isEqualTo(1);
        assertThat(districts.get(0).get("districtCode").asString()).isEqualTo("436");
        assertThat(districts.get(0).get("capacity").asInt()).isEqualTo(501);
        assertThat(districts.get(0).get("free").asInt()).isEqualTo(499);
    }

    @Test
    void transfersKeepTheHistory() {
        long other = facility("Bệnh viện dã chiến số 2", NAM_HA, 50, "BV-" + System.nanoTime());
        long id = admitted(person(), "2021-08-01", Map.of()).get("id").asLong();
        var moved = api.post("/api/v1/quarantine/stays/" + id + "/transfers", Map.of("facilityId", other, "on", "2021-08-04",
                "reason", "Giãn khu cách ly"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(api.post("/api/v1/quarantine/stays/" + id + "/transfers", Map.of("home", true)).status()).isEqualTo(400);
        var home = api.post("/api/v1/quarantine/stays/" + id + "/transfers", Map.of("home", true, "on", "2021-08-10",
                "homeApprovedBy", "BCĐ phường Nam Hà"));
        assertThat(home.status()).as(home.text()).isEqualTo(200);
        JsonNode movements = home.body().get("movements");
        assertThat(movements.size()).isEqualTo(3);
        assertThat(movements.get(0).get("facilityId").asLong()).isEqualTo(facility);
        assertThat(movements.get(1).get("facilityId").asLong()).isEqualTo(other);
        assertThat(movements.get(1).get("from").asString()).isEqualTo("2021-08-04");
        assertThat(movements.get(2).get("facilityId").isNull()).isTrue();
        assertThat(home.body().get("home").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/quarantine/facilities/" + other).body().get("occupied").asInt()).isZero();
    }

    @Test
    void aPositiveTestTurnsTheStayIntoCaseIsolation() {
        long p = person();
        long id = admitted(p, "2021-09-01", Map.of()).get("id").asLong();
        long caseId = people.confirmed(p, NAM_HA, null, LocalDate.of(2021, 9, 5));
        JsonNode stay = api.get("/api/v1/quarantine/stays/" + id).body();
        assertThat(stay.get("status").asString()).isEqualTo("TURNED_CASE");
        assertThat(stay.get("endedOn").asString()).isEqualTo("2021-09-05");
        assertThat(stay.get("caseId").asLong()).isEqualTo(caseId);
        assertThat(api.get("/api/v1/quarantine/facilities/" + facility).body().get("occupied").asInt()).isZero();
        // The laboratory corrects the result: the case is discarded and the person is back in quarantine.
        people.discarded(caseId);
        assertThat(api.get("/api/v1/quarantine/stays/" + id).body().get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void testsDueTodayAndMissedTestDays() {
        long tested = person();
        long untested = person();
        long stay = admitted(tested, "2021-09-01", Map.of()).get("id").asLong();
        admitted(untested, "2021-09-01", Map.of("home", true, "homeApprovedBy", "UBND phường"));
        var r = api.post("/api/v1/lab-results", Map.of("sampleCode", "QT-" + System.nanoTime(), "personId", tested, "testType", "PCR",
                "sampledAt", "2021-09-01T08:00:00+07:00", "result", "NEGATIVE"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);

        JsonNode tests = api.get("/api/v1/quarantine/stays/" + stay).body().get("tests");
        assertThat(tests.size()).isEqualTo(3);
        assertThat(tests.get(0).get("date").asString()).isEqualTo("2021-09-01");
        assertThat(tests.get(0).get("result").asString()).isEqualTo("NEGATIVE");
        assertThat(tests.get(1).get("sampleCode").isNull()).isTrue();

        JsonNode due = api.get("/api/v1/quarantine/tests-due?date=2021-09-07&commune=" + NAM_HA).body();
        assertThat(due.get("total").asInt()).isEqualTo(2);
        assertThat(due.get("items").get(0).get("day").asInt()).isEqualTo(7);
        assertThat(api.get("/api/v1/quarantine/tests-due?date=2021-09-07&facility=" + facility).body().get("total").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/quarantine/tests-due?date=2021-09-08").body().get("total").asInt()).isZero();

        JsonNode missed = api.get("/api/v1/quarantine/tests-missed?date=2021-09-09").body();
        List<String> who = new ArrayList<>();
        missed.get("items").forEach(m -> who.add(m.get("personId").asLong() + ":" + m.get("day").asInt()));
        assertThat(who).containsExactlyInAnyOrder(tested + ":7", untested + ":1", untested + ":7");
    }

    @Test
    void theEndOfQuarantineDecisionIsAnOfficialDecisionOfTheCommunesRegister() throws IOException {
        Map<String, Object> giang = new HashMap<>();
        giang.put("fullName", "Lê Thị Thu Hà");
        giang.put("sex", "FEMALE");
        giang.put("dateOfBirth", "15/02/1990");
        giang.put("nationalId", "042190009876");
        giang.put("communeCode", NAM_HA);
        giang.put("address", "Số 12 đường Phan Đình Phùng");
        long p = people.person(giang);
        long id = admitted(p, "2021-07-20", Map.of("home", true, "homeApprovedBy", "Chủ tịch UBND phường Nam Hà")).get("id").asLong();
        assertThat(api.issue("/api/v1/quarantine/stays/" + id + "/decision").status()).isEqualTo(409);
        var early = api.post("/api/v1/quarantine/stays/" + id + "/release", Map.of("on", "2021-07-30"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text()).contains("02/08/2021");
        var released = api.post("/api/v1/quarantine/stays/" + id + "/release", Map.of("on", "2021-08-03"));
        assertThat(released.status()).as(released.text()).isEqualTo(200);
        assertThat(released.body().get("status").asString()).isEqualTo("RELEASED");

        // Opening the decision's address takes no number; only issuing (POST) does.
        assertThat(api.download("/api/v1/quarantine/stays/" + id + "/decision").status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from quarantine_stay where id = ? and decision_number is null").param(id).query(Long.class).single())
                .isEqualTo(1);
        var pdf = api.issue("/api/v1/quarantine/stays/" + id + "/decision");
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = text(doc);
            assertThat(text).contains("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ TĨNH ỦY BAN NHÂN DÂN PHƯỜNG NAM HÀ",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 1/QĐ-UBND", "QUYẾT ĐỊNH",
                    "Về việc kết thúc cách ly y tế tại nhà", "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG NAM HÀ", "5599/BYT-MT",
                    "Lê Thị Thu Hà", "042190009876", "Số 12 đường Phan Đình Phùng",
                    "từ ngày 20/07/2021 đến ngày 02/08/2021", "16/08/2021", "TM. ỦY BAN NHÂN DÂN", "Điều 3.");
        }
        // Printed again: the same number. The commune's next decision, of a case, takes the next number.
        try (PDDocument doc = Loader.loadPDF(api.download("/api/v1/quarantine/stays/" + id + "/decision").bytes())) {
            assertThat(text(doc)).contains("Số: 1/QĐ-UBND");
        }
        long caseId = people.freshCase(NAM_HA, null, LocalDate.now(Stays.VIETNAM).minusDays(2));
        try (PDDocument doc = Loader.loadPDF(api.issue("/api/v1/cases/" + caseId + "/decisions/isolation").bytes())) {
            assertThat(text(doc)).contains("Số: 2/QĐ-UBND");
        }
    }

    @Test
    void arrivalsAreQuarantinedUnderTheirRule() {
        long p = person();
        Map<String, Object> body = new HashMap<>(Map.of("personId", p, "originKind", "ABROAD", "origin", "Hàn Quốc",
                "arrivedOn", "2021-06-10", "checkpoint", "Cửa khẩu Cầu Treo", "quarantine", true, "facilityId", facility));
        var r = api.post("/api/v1/quarantine/arrivals", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        JsonNode stay = r.body().get("stay");
        assertThat(stay.get("subject").asString()).isEqualTo("ARRIVAL_ABROAD");
        assertThat(stay.get("end").asString()).isEqualTo("2021-06-30");
        assertThat(stay.get("homeMonitoringUntil").asString()).isEqualTo("2021-07-07");
        var again = api.post("/api/v1/quarantine/arrivals", body);
        assertThat(again.body().get("arrival").get("id").asLong()).isEqualTo(r.body().get("arrival").get("id").asLong());
        assertThat(again.body().get("stay").get("id").asLong()).isEqualTo(stay.get("id").asLong());
        // From an outbreak area of another province in September 2021: vaccinated, 7 days at home.
        var province = api.post("/api/v1/quarantine/arrivals", Map.of("personId", vaccinated(LocalDate.of(2021, 8, 1)), "originKind", "PROVINCE",
                "origin", "TP. Hồ Chí Minh", "outbreakArea", true, "arrivedOn", "2021-09-01",
                "quarantine", true, "home", true, "homeApprovedBy", "UBND phường Nam Hà"));
        assertThat(province.status()).as(province.text()).isEqualTo(201);
        JsonNode home = province.body().get("stay");
        assertThat(home.get("subject").asString()).isEqualTo("ARRIVAL_PROVINCE");
        assertThat(home.get("end").asString()).isEqualTo("2021-09-07");
        assertThat(ints(home.get("testDays"))).containsExactly(1, 7);

        JsonNode list = api.get("/api/v1/quarantine/arrivals?commune=" + NAM_HA + "&to=2021-06-30").body();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("stayId").asLong()).isEqualTo(stay.get("id").asLong());
    }

    @Test
    void staysOutsideTheJurisdictionDoNotExist() {
        long outsideFacility = facility("Khu cách ly Hà Nội", PHUC_XA, 100, "HN-" + System.nanoTime());
        String code = jdbc.sql("select code from quarantine_facility where id = ?").param(facility).query(String.class).single();
        long inside = admitted(person(), "2021-08-01", Map.of()).get("id").asLong();
        long outsidePerson = people.person(PHUC_XA, null);
        long outside = admitted(outsidePerson, "2021-08-01", Map.of("facilityId", outsideFacility)).get("id").asLong();

        TestApi officer = user("q-officer", "COMMUNE_OFFICER", Map.of("level", "COMMUNE", "codes", List.of(NAM_HA)));
        assertThat(officer.get("/api/v1/quarantine/stays/" + inside).status()).isEqualTo(200);
        assertThat(officer.get("/api/v1/quarantine/stays/" + outside).status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/persons/" + outsidePerson + "/stays").status()).isEqualTo(404);
        assertThat(officer.get("/api/v1/quarantine/stays").body().get("total").asInt()).isEqualTo(1);
        assertThat(officer.post("/api/v1/quarantine/stays/" + outside + "/release", Map.of("on", "2021-09-01")).status()).isEqualTo(404);

        TestApi manager = user("q-manager", "FACILITY_MANAGER", Map.of("level", "FACILITY", "codes", List.of(code)));
        assertThat(manager.get("/api/v1/quarantine/stays/" + inside).status()).isEqualTo(200);
        assertThat(manager.get("/api/v1/quarantine/stays/" + outside).status()).isEqualTo(404);
        assertThat(manager.get("/api/v1/quarantine/facilities/" + facility + "/stays").body().size()).isEqualTo(1);
        assertThat(manager.get("/api/v1/quarantine/facilities/" + outsideFacility + "/stays").body().size()).isZero();
        // A facility manager admits anybody into its own facility, nobody into another, and names a person by
        // id and ID number together: an id alone does not reveal who it is.
        long stranger = people.person(PHUC_XA, null);
        assertThat(manager.post("/api/v1/quarantine/stays", Map.of("personId", stranger, "start", "2021-08-02",
                "facilityId", facility)).status()).isEqualTo(404);
        String strangerId = jdbc.sql("select national_id from person where id = ?").param(stranger).query(String.class).single();
        assertThat(manager.post("/api/v1/quarantine/stays", Map.of("personId", stranger, "nationalId", strangerId, "start", "2021-08-02",
                "facilityId", facility)).status()).isEqualTo(201);
        assertThat(manager.post("/api/v1/quarantine/stays", Map.of("personId", person(), "start", "2021-08-02",
                "facilityId", outsideFacility)).status()).isEqualTo(403);
        assertThat(manager.put("/api/v1/quarantine/policies/1", Map.of()).status()).isEqualTo(403);
    }

    private TestApi user(String username, String role, Map<String, Object> jurisdiction) {
        String password = "Mat-khau-rat-dai-42";
        var r = api.post("/api/v1/users", Map.of("username", username, "password", password, "roles", List.of(role),
                "jurisdiction", jurisdiction));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return new TestApi(port, username, password);
    }

    static String text(PDDocument doc) throws IOException {
        return Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC).replaceAll("\\s+", " ");
    }
}
