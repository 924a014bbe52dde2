package vn.phaodai.testing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.Registry;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Samples, pools and laboratory results on the real database. */
@PhaodaiIT
class LabResultsIT {

    static final String COMMUNE = "18073";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    TestApi api;
    Registry registry;

    @BeforeEach
    void emptyRegistry() {
        api = new TestApi(port);
        TestData.registryOnNationalList(jdbc, api);
        registry = new Registry(api);
    }

    private List<Long> persons(int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) ids.add(registry.person(COMMUNE, null));
        return ids;
    }

    private void pool(String code, List<Long> persons) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) members.add(Map.of("sampleCode", code + "-" + i, "personId", persons.get(i)));
        var r = api.post("/api/v1/pools", Map.of("poolCode", code, "testType", "PCR", "sampledAt", "2021-09-20T08:00:00+07:00",
                "members", members));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    private JsonNode results(Object body) {
        var r = api.post("/api/v1/lab-results", body);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    private static Map<String, Object> result(String sampleCode, Long personId, String type, String at, String result) {
        Map<String, Object> m = new HashMap<>();
        m.put("sampleCode", sampleCode);
        m.put("personId", personId);
        m.put("testType", type);
        m.put("sampledAt", at);
        m.put("result", result);
        return m;
    }

    private List<String> conclusions(long person) {
        List<String> out = new ArrayList<>();
        api.get("/api/v1/persons/" + person + "/tests").body().forEach(s -> out.add(s.get("conclusion").asString()));
        return out;
    }

    @Test
    void aNegativePoolMakesEveryMemberNegative() {
        List<Long> members = persons(5);
        pool("P-NEG", members);
        JsonNode answer = results(Map.of("sampleCode", "P-NEG", "result", "NEGATIVE"));
        assertThat(answer.get("items").get(0).get("outcome").asString()).isEqualTo("CREATED");
        for (long m : members) assertThat(conclusions(m)).containsExactly("NEGATIVE");
        assertThat(api.get("/api/v1/retests?commune=" + COMMUNE).body().get("total").asInt()).isZero();
    }

    @Test
    void aPositivePoolPutsItsMembersOnTheRetestListUntilEachHasASingleResult() {
        List<Long> members = persons(5);
        pool("P-POS", members);
        results(Map.of("sampleCode", "P-POS", "result", "POSITIVE", "ct", 28.5));
        for (long m : members) assertThat(conclusions(m)).containsExactly("RETEST");
        assertThat(jdbc.sql("select count(*) from sample where pool_id is not null and result = 'NEGATIVE'").query(Long.class).single()).isZero();
        JsonNode list = api.get("/api/v1/retests?commune=" + COMMUNE).body();
        assertThat(list.get("total").asInt()).isEqualTo(5);
        assertThat(list.get("items").get(0).get("poolCode").asString()).isEqualTo("P-POS");
        // A positive pool confirms nobody.
        assertThat(jdbc.sql("select count(*) from covid_case").query(Long.class).single()).isZero();

        // Two members are re-tested singly: they leave the list; the one positive becomes a case.
        results(List.of(result("S-1", members.get(0), "PCR", "2021-09-21T08:00:00+07:00", "NEGATIVE"),
                result("S-2", members.get(1), "PCR", "2021-09-21T08:00:00+07:00", "POSITIVE")));
        list = api.get("/api/v1/retests?commune=" + COMMUNE).body();
        assertThat(list.get("total").asInt()).isEqualTo(3);
        List<Long> owed = new ArrayList<>();
        list.get("items").forEach(i -> owed.add(i.get("personId").asLong()));
        assertThat(owed).containsExactlyInAnyOrderElementsOf(members.subList(2, 5));
        assertThat(conclusions(members.get(0))).containsExactly("NEGATIVE", "POOL_POSITIVE");
        assertThat(jdbc.sql("select person_id from covid_case").query(Long.class).list()).containsExactly(members.get(1));
    }

    @Test
    void aLaboratoryMayReportPoolMembersLineByLineWithoutRegisteringThemFirst() {
        List<Long> members = persons(3);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var r = result("G7-" + i, members.get(i), "PCR", "2021-09-20 08:00", "POSITIVE");
            r.put("poolCode", "G7");
            lines.add(r);
        }
        JsonNode answer = results(lines);
        answer.get("items").forEach(i -> assertThat(i.get("outcome").asString()).isEqualTo("CREATED"));
        for (long m : members) assertThat(conclusions(m)).containsExactly("RETEST");
        assertThat(jdbc.sql("select count(*) from covid_case").query(Long.class).single()).isZero();
        // A member's own line cannot clear it: a re-test is a new single sample.
        var again = result("G7-0", members.get(0), "PCR", "2021-09-20 08:00", "NEGATIVE");
        assertThat(results(List.of(again)).get("items").get(0).get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(conclusions(members.get(0))).containsExactly("RETEST");
    }

    @Test
    void resultsAreIdempotentAndACorrectionIsAnAmendmentWithHistory() throws IOException {
        List<Long> ps = persons(3);
        String header = "Mã mẫu,Mã người,Loại xét nghiệm,Thời gian lấy mẫu,Kết quả,Ct\n";
        Path file = csv(header
                + "A-1," + ps.get(0) + ",PCR,20/09/2021 08:00,Âm tính,\n"
                + "A-2," + ps.get(1) + ",RT-PCR,20/09/2021 08:10,Dương tính,\"22,5\"\n"
                + "A-3," + ps.get(2) + ",Test nhanh,20/09/2021 08:20,Âm tính,\n"
                + "A-4,999999,PCR,20/09/2021 08:30,Âm tính,\n"
                + "A-5," + ps.get(2) + ",PCR,20/09/2021 08:30,Hơi dương,\n");
        JsonNode first = importFile(file);
        assertThat(first.get("summary").get("created").asInt()).isEqualTo(3);
        assertThat(first.get("summary").get("rejected").asInt()).isEqualTo(2);
        assertThat(first.get("summary").get("casesCreated").asInt()).isEqualTo(1);
        JsonNode second = importFile(file);
        assertThat(second.get("summary").get("created").asInt()).isZero();
        assertThat(second.get("summary").get("unchanged").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from sample").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from result_amendment").query(Long.class).single()).isZero();

        // The laboratory corrects A-1: an amendment, with the result before and after.
        JsonNode corrected = results(List.of(Map.of("sampleCode", "A-1", "result", "POSITIVE", "ct", 31),
                Map.of("sampleCode", "A-3", "result", "NEGATIVE")));
        assertThat(corrected.get("items").get(0).get("outcome").asString()).isEqualTo("AMENDED");
        assertThat(corrected.get("items").get(1).get("outcome").asString()).isEqualTo("UNCHANGED");
        var history = jdbc.sql("select result_before || '>' || result_after from result_amendment a join sample s on s.id = a.sample_id where s.code = 'A-1'")
                .query(String.class).list();
        assertThat(history).containsExactly("NEGATIVE>POSITIVE");
        assertThat(jdbc.sql("select revision from sample where code = 'A-1'").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from sample").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void eachRefusedItemSaysWhy() {
        long p = persons(1).get(0);
        JsonNode answer = results(List.of(
                result("OK-1", p, "PCR", "2021-09-20T08:00:00+07:00", "NEGATIVE"),
                result("BAD-1", p, "PCR", "2021-09-20T08:00:00+07:00", "MAYBE"),
                result("BAD-2", 424242L, "PCR", "2021-09-20T08:00:00+07:00", "NEGATIVE"),
                Map.of("sampleCode", "BAD-3", "result", "NEGATIVE"),
                result("OK-1", p, "PCR", "2021-09-20T08:00:00+07:00", "POSITIVE")));
        List<String> outcomes = new ArrayList<>();
        answer.get("items").forEach(i -> outcomes.add(i.get("outcome").asString()));
        assertThat(outcomes).containsExactly("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED");
        assertThat(answer.get("items").get(1).get("reason").asString()).contains("Kết quả không hợp lệ");
        assertThat(answer.get("items").get(2).get("reason").asString()).contains("Không tìm thấy người");
        assertThat(answer.get("items").get(3).get("reason").asString()).contains("Mẫu chưa đăng ký");
        assertThat(answer.get("items").get(4).get("reason").asString()).contains("lặp lại");
    }

    /** The refusals come from the testing bundle: English when the reader asks for it, Vietnamese otherwise. */
    @Test
    void refusalsSpeakTheReadersLanguage() {
        long p = persons(1).get(0);
        List<Map<String, Object>> batch = List.of(result("EN-1", p, "PCR", "2021-09-20T08:00:00+07:00", "MAYBE"),
                result("EN-2", 424242L, "PCR", "2021-09-20T08:00:00+07:00", "NEGATIVE"),
                result("EN-3", p, "PCR", "1999-09-20 08:00", "NEGATIVE"));
        var english = api.post("/api/v1/lab-results?lang=en", batch);
        assertThat(english.status()).as(english.text()).isEqualTo(200);
        assertThat(english.body().get("items").get(0).get("reason").asString())
                .isEqualTo("Invalid result: MAYBE (negative, positive, invalid)");
        assertThat(english.body().get("items").get(1).get("reason").asString())
                .isEqualTo("Person not found in the registry (by person code or ID number)");
        assertThat(english.body().get("items").get(2).get("reason").asString())
                .isEqualTo("Sampling time is invalid: 1999-09-20 08:00 (the year must be from 2000 to 2100)");

        JsonNode vietnamese = results(batch);
        assertThat(vietnamese.get("items").get(0).get("reason").asString())
                .isEqualTo("Kết quả không hợp lệ: MAYBE (âm tính, dương tính, không xác định)");
        assertThat(vietnamese.get("items").get(1).get("reason").asString())
                .isEqualTo("Không tìm thấy người (mã người hoặc số CCCD) trong sổ dân cư");
        assertThat(vietnamese.get("items").get(2).get("reason").asString())
                .isEqualTo("Thời gian lấy mẫu không hợp lệ: 1999-09-20 08:00 (năm phải từ 2000 đến 2100)");
    }

    @Test
    void aSampleCodeBelongsToOnePerson() {
        List<Long> ps = persons(2);
        results(result("X-1", ps.get(0), "PCR", "2021-09-20T08:00:00+07:00", "NEGATIVE"));
        JsonNode answer = results(result("X-1", ps.get(1), "PCR", "2021-09-20T08:00:00+07:00", "NEGATIVE"));
        assertThat(answer.get("items").get(0).get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(answer.get("items").get(0).get("reason").asString()).contains("người khác");
    }

    @Test
    void anOfficerReportsResultsOnlyWithinTheirAreaAndAForeignSampleLooksMissing() {
        long here = registry.person(COMMUNE, null);
        Map<String, Object> registered = result("S76-003", here, "PCR", "2021-09-14T08:00:00+07:00", "POSITIVE");
        results(registered);
        TestApi otherDistrict = api.newUser(port, "DISTRICT_OFFICER", "DISTRICT", "445");
        TestApi ownDistrict = api.newUser(port, "DISTRICT_OFFICER", "DISTRICT", "436");

        Map<String, Object> amendment = new HashMap<>(registered);
        amendment.remove("personId");
        amendment.put("result", "NEGATIVE");
        JsonNode foreign = otherDistrict.post("/api/v1/lab-results", amendment).body();
        JsonNode missing = otherDistrict.post("/api/v1/lab-results",
                Map.of("sampleCode", "S76-NONE", "testType", "PCR", "sampledAt", "2021-09-14T08:00:00+07:00", "result", "NEGATIVE")).body();
        assertThat(foreign.get("items").get(0).get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(foreign.get("items").get(0).get("sampleId").isNull()).isTrue();
        assertThat(foreign.get("items").get(0).get("reason").asString())
                .isEqualTo(missing.get("items").get(0).get("reason").asString());
        assertThat(jdbc.sql("select result from sample where code = 'S76-003'").query(String.class).single()).isEqualTo("POSITIVE");
        assertThat(jdbc.sql("select count(*) from result_amendment").query(Long.class).single()).isZero();

        // An ID number of another district is, for this officer, nobody.
        String known = jdbc.sql("select national_id from person where id = ?").param(here).query(String.class).single();
        JsonNode byKnownId = otherDistrict.post("/api/v1/lab-results", Map.of("sampleCode", "N-1", "nationalId", known,
                "testType", "PCR", "sampledAt", "2021-09-14T08:00:00+07:00", "result", "POSITIVE")).body();
        JsonNode byUnknownId = otherDistrict.post("/api/v1/lab-results", Map.of("sampleCode", "N-2", "nationalId", "042099999999",
                "testType", "PCR", "sampledAt", "2021-09-14T08:00:00+07:00", "result", "POSITIVE")).body();
        assertThat(byKnownId.get("items").get(0).get("reason").asString())
                .isEqualTo(byUnknownId.get("items").get(0).get("reason").asString());
        assertThat(jdbc.sql("select count(*) from sample where code like 'N-%'").query(Long.class).single()).isZero();

        // The district the commune belongs to amends it.
        JsonNode own = ownDistrict.post("/api/v1/lab-results", amendment).body();
        assertThat(own.get("items").get(0).get("outcome").asString()).as(own.toString()).isEqualTo("AMENDED");
    }

    private JsonNode importFile(Path file) {
        var r = api.upload("/api/v1/lab-results/import", file);
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        String job = r.body().get("jobId").asString();
        for (int i = 0; i < 200; i++) {
            JsonNode j = api.get("/api/v1/jobs/" + job).body();
            String status = j.get("status").asString();
            if (status.equals("DONE")) return j.get("result");
            assertThat(status).as(j.toString()).isNotEqualTo("FAILED");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import did not finish");
    }

    private static Path csv(String text) throws IOException {
        Path f = Files.createTempFile("results", ".csv");
        f.toFile().deleteOnExit();
        Files.writeString(f, text);
        return f;
    }
}
