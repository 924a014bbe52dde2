package vn.phaodai.testing;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.TestApi;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Registry records made through the population API, and samples written straight into the table. */
final class TestingFixture {

    private final TestApi admin;
    private final JdbcClient jdbc;
    private final int port;
    private final AtomicInteger serial = new AtomicInteger();

    TestingFixture(TestApi admin, JdbcClient jdbc, int port) {
        this.admin = admin;
        this.jdbc = jdbc;
        this.port = port;
        // Persons (and with them samples) are emptied by TestData; campaigns are testing's own.
        jdbc.sql("truncate sample_pool, screening_campaign restart identity cascade").update();
    }

    long village(String commune, String name) {
        var r = admin.post("/api/v1/geography/communes/" + commune + "/villages", Map.of("name", name));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    long household(String commune, Long village, String address) {
        Map<String, Object> h = new HashMap<>(Map.of("communeCode", commune, "code", "HK-" + serial.incrementAndGet(), "address", address));
        if (village != null) h.put("villageId", village);
        var r = admin.post("/api/v1/households", h);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    long enterprise(String name, String commune) {
        var r = admin.post("/api/v1/enterprises", Map.of("name", name, "communeCode", commune));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    /** An adult man of 1980 with a fresh ID number; household, village and workplace when given. */
    long person(String fullName, String commune, Long village, Long household, Long workplace) {
        int n = serial.incrementAndGet();
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", fullName);
        p.put("sex", "MALE");
        p.put("dateOfBirth", "01/01/1980");
        p.put("nationalId", String.format("042080%06d", n));
        p.put("communeCode", commune);
        p.put("villageId", village);
        p.put("householdId", household);
        p.put("workplaceId", workplace);
        p.put("address", "Số " + n + " đường Trần Phú");
        var r = admin.post("/api/v1/persons", p);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("person").get("id").asLong();
    }

    /** A name of letters only, different for each n. */
    static String name(String prefix, int n) {
        StringBuilder s = new StringBuilder();
        for (int x = n + 1; x > 0; x /= 20) s.append("ABCDEGHIKLMNOPQRSTUV".charAt(x % 20));
        return prefix + " " + s;
    }

    /**
     * A sample taken at noon (Vietnam time) of the day. Written with SQL: the sample registration API is
     * being built in parallel, and these tests need only the rows.
     */
    void sample(long personId, LocalDate day, Long campaignId) {
        jdbc.sql("""
                insert into sample (code, person_id, commune_code, village_id, test_type, reason, sampled_at, campaign_id)
                select :code, p.id, p.commune_code, p.village_id, 'RAPID', :reason,
                       (cast(:day as date) + time '12:00') at time zone 'Asia/Ho_Chi_Minh', :campaign
                from person_card p where p.id = :person""")
                .param("code", "MAU-" + serial.incrementAndGet() + "-" + System.nanoTime())
                .param("reason", campaignId == null ? "FACTORY" : "SCREENING")
                .param("day", day).param("campaign", campaignId).param("person", personId).update();
    }

    /** A user of the role over the jurisdiction, with a personal token (quicker than a password per call). */
    TestApi user(String role, String level, List<String> codes) {
        String username = "t-" + role.toLowerCase().replace('_', '-') + "-" + System.nanoTime();
        String password = "Mat-khau-rat-dai-42";
        var created = admin.post("/api/v1/users", Map.of("username", username, "password", password, "roles", List.of(role),
                "jurisdiction", Map.of("level", level, "codes", codes)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String token = new TestApi(port, username, password).post("/api/v1/me/tokens", Map.of("name", "test"))
                .body().get("token").asString();
        return TestApi.bearer(port, token);
    }
}
