package vn.phaodai.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each defect the attacker found, one by one: 400 problem+json naming the field, never 500. */
@PhaodaiIT
class BadInputIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, String type, JsonNode body, String text) {
        String field() {
            return body.path("errors").path(0).path("field").asString();
        }
    }

    @BeforeEach
    void clean() {
        TestData.registryOnNationalList(jdbc, new TestApi(port));
        jdbc.sql("delete from api_token").update();
        jdbc.sql("delete from app_user where username <> 'admin'").update();
    }

    private Answer send(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) r.header("Authorization", authorization);
        if (body != null) r.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        else r.method(method, HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> res = http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode node = res.body() != null && res.body().startsWith("{") ? JSON.readTree(res.body()) : JSON.createObjectNode();
        return new Answer(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""), node, res.body());
    }

    private static String admin() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + TestApi.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private Answer asAdmin(String method, String path, Object body) throws Exception {
        return send(method, path, body == null ? null : JSON.writeValueAsString(body), admin());
    }

    private static Map<String, Object> person() {
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", "Phạm Thị Thử");
        p.put("sex", "FEMALE");
        p.put("dateOfBirth", "03/04/1985");
        p.put("nationalId", "042185000333");
        p.put("communeCode", "18073");
        return p;
    }

    private static void refused(Answer a, String field) {
        assertThat(a.status()).as(a.text()).isEqualTo(400);
        assertThat(a.type()).startsWith("application/problem+json");
        assertThat(a.field()).as(a.text()).isEqualTo(field);
        assertThat(a.body().path("errors").path(0).path("message").asString()).isNotBlank();
    }

    @Test
    void aNulCharacterInAJsonStringIsRefusedNamingTheField() throws Exception {
        Map<String, Object> p = person();
        p.put("fullName", "Phạm\u0000Thị");
        Answer a = asAdmin("POST", "/api/v1/persons", p);
        refused(a, "fullName");
        assertThat(a.body().path("errors").path(0).path("message").asString()).contains("NUL");
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isZero();
    }

    @Test
    void aNulCharacterInAQueryParameterIsRefusedNamingIt() throws Exception {
        refused(asAdmin("GET", "/api/v1/cases?commune=%00", null), "commune");
        refused(asAdmin("GET", "/api/v1/persons?q=%00", null), "q");
    }

    @Test
    void phoneZeroIsAWrongPhoneNotAServerError() throws Exception {
        for (String phone : List.of("0", "+84", "84", "00")) {
            Map<String, Object> p = person();
            p.put("phone", phone);
            refused(asAdmin("POST", "/api/v1/persons", p), "phone");
        }
    }

    @Test
    void datesOutOfRangeOrMalformedAreRefused() throws Exception {
        for (String date : List.of("0000-01-01", "+10000-01-01", "2021-13-45", "abc")) {
            refused(asAdmin("GET", "/api/v1/cases?from=" + java.net.URLEncoder.encode(date, StandardCharsets.UTF_8), null), "from");
        }
        for (String date : List.of("01/01/0000", "01/01/10000", "45/13/2021", "abc")) {
            Map<String, Object> p = person();
            p.put("dateOfBirth", date);
            Answer a = asAdmin("POST", "/api/v1/persons", p);
            assertThat(a.status()).as(date + ": " + a.text()).isEqualTo(400);
            assertThat(a.type()).startsWith("application/problem+json");
        }
    }

    /** The same limits hold for every date or time any JSON body carries as a typed value. */
    record Dated(LocalDate day, OffsetDateTime at) {
    }

    @Test
    void theApplicationsJsonRefusesDatesOutsideItsYearsWhereverTheyAre() {
        assertThat(json.readValue("{\"day\":\"2021-08-01\",\"at\":\"2021-08-01T09:00:00+07:00\"}", Dated.class).day())
                .isEqualTo(LocalDate.of(2021, 8, 1));
        for (String body : List.of("{\"day\":\"0000-01-01\"}", "{\"day\":\"+10000-01-01\"}", "{\"at\":\"0000-01-01T00:00:00Z\"}",
                "{\"at\":\"+10000-01-01T00:00:00Z\"}")) {
            assertThatThrownBy(() -> json.readValue(body, Dated.class)).as(body).hasMessageContaining("Ngày nằm ngoài khoảng");
        }
    }

    @Test
    void aOneMegabyteStringIsRefusedBeforeTheDatabase() throws Exception {
        Map<String, Object> p = person();
        p.put("fullName", "A".repeat(1 << 20));
        Answer a = asAdmin("POST", "/api/v1/persons", p);
        refused(a, "fullName");
        assertThat(a.body().path("errors").path(0).path("message").asString()).contains("2000");
        p = person();
        p.put("address", "Đ".repeat(2_000)); // within the limit, but 4,000 bytes: more than an index row holds
        Answer b = asAdmin("POST", "/api/v1/persons", p);
        assertThat(b.status()).as(b.text()).isLessThan(500);
    }

    @Test
    void unauthenticatedAndForbiddenAnswersAreProblemJson() throws Exception {
        Answer none = send("GET", "/api/v1/persons", null, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.type()).startsWith("application/problem+json");
        assertThat(none.body().path("title").asString()).isNotBlank();
        Answer wrong = send("GET", "/api/v1/persons", null,
                "Basic " + Base64.getEncoder().encodeToString("admin:sai".getBytes(StandardCharsets.UTF_8)));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.type()).startsWith("application/problem+json");
        Answer badToken = send("GET", "/api/v1/persons", null, "Bearer pd_made-up");
        assertThat(badToken.status()).isEqualTo(401);
        assertThat(badToken.type()).startsWith("application/problem+json");

        var created = asAdmin("POST", "/api/v1/users", Map.of("username", "chi-doc-so", "password", "Mat-khau-rat-dai-9",
                "roles", List.of("ANALYST"), "jurisdiction", Map.of("level", "PROVINCE", "codes", List.of("42"))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Answer forbidden = send("GET", "/api/v1/users", null,
                "Basic " + Base64.getEncoder().encodeToString("chi-doc-so:Mat-khau-rat-dai-9".getBytes(StandardCharsets.UTF_8)));
        assertThat(forbidden.status()).as(forbidden.text()).isEqualTo(403);
        assertThat(forbidden.type()).startsWith("application/problem+json");
    }

    @Test
    void theErrorPathOpenedDirectlyIsNotAServerError() throws Exception {
        Answer a = send("GET", "/error", null, null);
        assertThat(a.status()).isEqualTo(404);
        Answer api = send("GET", "/api/v1/no-such-thing", null, admin());
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.type()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownStatusInAQueryIsRefusedNamingTheParameter() throws Exception {
        refused(asAdmin("GET", "/api/v1/cases?status=BOGUS", null), "status");
        refused(asAdmin("GET", "/api/v1/cases?severity=BOGUS", null), "severity");
        assertThat(asAdmin("GET", "/api/v1/cases?status=ACTIVE", null).status()).isEqualTo(200);
        refused(asAdmin("GET", "/api/v1/alerts?status=BOGUS", null), "status");
        assertThat(asAdmin("GET", "/api/v1/alerts?status=OPEN", null).status()).isEqualTo(200);
        refused(asAdmin("GET", "/api/v1/quarantine/facilities?kind=BOGUS", null), "kind");
        assertThat(asAdmin("GET", "/api/v1/quarantine/facilities?kind=HOTEL", null).status()).isEqualTo(200);
        refused(asAdmin("GET", "/api/v1/quarantine/stays?status=BOGUS", null), "status");
        assertThat(asAdmin("GET", "/api/v1/quarantine/stays?status=RELEASED", null).status()).isEqualTo(200);
        refused(asAdmin("GET", "/api/v1/cases/1/contacts?tier=BOGUS", null), "tier");
    }
}
