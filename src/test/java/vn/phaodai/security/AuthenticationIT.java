package vn.phaodai.security;

import vn.phaodai.security.accounts.ApiTokens;
import vn.phaodai.security.signin.LoginAttempts;
import vn.phaodai.security.signin.LoginThrottle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens, disabled users, lock-out, password rules, CSRF and the audit chain, on the real database. */
@PhaodaiIT
class AuthenticationIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    LoginThrottle throttle;
    TestApi admin;

    @BeforeEach
    void clean() {
        admin = new TestApi(port);
        TestData.registryOnNationalList(jdbc, admin);
        jdbc.sql("delete from api_token").update();
        jdbc.sql("delete from app_user where username <> 'admin'").update();
        audit.anchorAnew();
    }

    private long officer(String username, String password) {
        var r = admin.post("/api/v1/users", Map.of("username", username, "password", password, "roles", List.of("COMMUNE_OFFICER"),
                "jurisdiction", Map.of("level", "COMMUNE", "codes", List.of("18073"))));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    @Test
    void aTokenIsShownOnceStoredHashedUsableAndRevocable() {
        officer("can-bo-xa", "Mat-khau-rat-dai-1");
        TestApi basic = new TestApi(port, "can-bo-xa", "Mat-khau-rat-dai-1");
        var created = basic.post("/api/v1/me/tokens", Map.of("name", "máy chủ báo cáo")).body();
        String token = created.get("token").asString();
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(token).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(ApiTokens.hash(token)).query(Long.class).single()).isEqualTo(1);
        assertThat(basic.get("/api/v1/me/tokens").text()).doesNotContain(token);

        TestApi bearer = TestApi.bearer(port, token);
        assertThat(bearer.get("/api/v1/persons").status()).isEqualTo(200);
        assertThat(basic.delete("/api/v1/me/tokens/" + created.get("id").asLong()).status()).isEqualTo(204);
        assertThat(bearer.get("/api/v1/persons").status()).isEqualTo(401);
        assertThat(TestApi.bearer(port, "pd_made-up").get("/api/v1/persons").status()).isEqualTo(401);
    }

    @Test
    void aDisabledUserIsStoppedAtOnceOnTokensAndSessions() throws Exception {
        long id = officer("se-bi-khoa", "Mat-khau-rat-dai-2");
        String token = new TestApi(port, "se-bi-khoa", "Mat-khau-rat-dai-2").post("/api/v1/me/tokens", Map.of()).body().get("token").asString();
        Browser browser = new Browser();
        browser.logIn("se-bi-khoa", "Mat-khau-rat-dai-2");
        assertThat(browser.get("/persons").statusCode()).isEqualTo(200);

        assertThat(admin.post("/api/v1/users/" + id + "/disable", Map.of()).status()).isEqualTo(200);
        assertThat(TestApi.bearer(port, token).get("/api/v1/persons").status()).isEqualTo(401);
        assertThat(new TestApi(port, "se-bi-khoa", "Mat-khau-rat-dai-2").get("/api/v1/persons").status()).isEqualTo(401);
        HttpResponse<String> after = browser.get("/persons");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() {
        officer("hay-quen", "Mat-khau-rat-dai-3");
        TestApi wrong = new TestApi(port, "hay-quen", "sai-mat-khau-roi");
        for (int i = 0; i < LoginAttempts.LIMIT; i++) assertThat(wrong.get("/api/v1/persons").status()).isEqualTo(401);
        assertThat(new TestApi(port, "hay-quen", "Mat-khau-rat-dai-3").get("/api/v1/persons").status()).as("locked").isEqualTo(401);
        jdbc.sql("update app_user set locked_until = now() - interval '1 second' where username = 'hay-quen'").update();
        assertThat(new TestApi(port, "hay-quen", "Mat-khau-rat-dai-3").get("/api/v1/persons").status()).isEqualTo(200);
    }

    @Test
    void oneWrongPasswordAfterTheLockRanOutDoesNotLockAgain() {
        officer("bi-khoa-lai", "Mat-khau-rat-dai-8");
        TestApi wrong = new TestApi(port, "bi-khoa-lai", "sai-mat-khau-roi");
        TestApi right = new TestApi(port, "bi-khoa-lai", "Mat-khau-rat-dai-8");
        for (int i = 0; i < LoginAttempts.LIMIT; i++) assertThat(wrong.get("/api/v1/persons").status()).isEqualTo(401);
        assertThat(right.get("/api/v1/persons").status()).as("locked").isEqualTo(401);
        // Fifteen minutes later (the lock is in the database, timed by its clock):
        jdbc.sql("update app_user set locked_until = now() - interval '1 second' where username = 'bi-khoa-lai'").update();
        assertThat(wrong.get("/api/v1/persons").status()).isEqualTo(401);
        assertThat(right.get("/api/v1/persons").status()).as("one wrong try after the lock ran out does not re-arm it").isEqualTo(200);
        // After expiry the count starts again from zero: it takes five more wrong passwords to lock.
        jdbc.sql("update app_user set locked_until = now() - interval '1 second', failed_logins = ? where username = 'bi-khoa-lai'")
                .param(LoginAttempts.LIMIT).update();
        for (int i = 0; i < LoginAttempts.LIMIT - 1; i++) assertThat(wrong.get("/api/v1/persons").status()).isEqualTo(401);
        assertThat(right.get("/api/v1/persons").status()).isEqualTo(200);
        for (int i = 0; i < LoginAttempts.LIMIT; i++) assertThat(wrong.get("/api/v1/persons").status()).isEqualTo(401);
        assertThat(right.get("/api/v1/persons").status()).as("five in a row lock again").isEqualTo(401);
    }

    @Test
    void oneAddressThatFailsTooOftenIsHeldBackForAMinute() throws Exception {
        var clock = new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2021-08-01T09:00:00Z"));
        java.time.Clock moving = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return clock.get();
            }
        };
        int limit = throttle.limit();
        throttle.reset(moving, 10);
        try {
            // Ten accounts, one wrong password each: none is locked, but the address is now held back...
            for (int i = 0; i < 10; i++) {
                assertThat(new TestApi(port, "ai-do-" + i, "doan-mo").get("/api/v1/persons").status()).isEqualTo(401);
            }
            var held = new TestApi(port, "admin", TestApi.ADMIN_PASSWORD).get("/api/v1/persons");
            assertThat(held.status()).as("even the right password, from that address").isEqualTo(429);
            assertThat(held.body().get("title").asString()).isNotBlank();
            Browser browser = new Browser();
            String csrf = browser.csrf("/login");
            HttpResponse<String> form = browser.post("/login", "username=admin&password="
                    + URLEncoder.encode(TestApi.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf);
            assertThat(form.statusCode()).isEqualTo(302);
            assertThat(form.headers().firstValue("Location").orElse("")).isEqualTo("/login?throttled");
            assertThat(browser.get("/login?throttled").body()).contains("Quá nhiều lần đăng nhập sai");
            // A minute later the address may try again.
            clock.set(clock.get().plusSeconds(61));
            assertThat(new TestApi(port, "admin", TestApi.ADMIN_PASSWORD).get("/api/v1/persons").status()).isEqualTo(200);
        } finally {
            throttle.reset(java.time.Clock.systemUTC(), limit);
        }
    }

    @Test
    void aLocalAdministratorCannotHandOutMoreThanItHolds() {
        var r = admin.post("/api/v1/users", Map.of("username", "quan-tri-xa", "password", "Mat-khau-rat-dai-6", "roles", List.of("LOCAL_ADMIN"),
                "jurisdiction", Map.of("level", "COMMUNE", "codes", List.of("18073"))));
        assertThat(r.status()).isEqualTo(201);
        TestApi local = new TestApi(port, "quan-tri-xa", "Mat-khau-rat-dai-6");
        Map<String, Object> inCommune = Map.of("level", "COMMUNE", "codes", List.of("18073"));
        assertThat(local.post("/api/v1/users", Map.of("username", "phan-tich", "password", "Mat-khau-rat-dai-7",
                "roles", List.of("ANALYST"), "jurisdiction", inCommune)).status()).isEqualTo(201);
        assertThat(admin.put("/api/v1/roles/ANALYST", Map.of("rights", List.of("AGGREGATE_READ", "AUDIT_READ"))).status()).isEqualTo(200);
        assertThat(local.post("/api/v1/users", Map.of("username", "phan-tich-2", "password", "Mat-khau-rat-dai-7",
                "roles", List.of("ANALYST"), "jurisdiction", inCommune)).status()).as("AUDIT_READ is not the local admin's").isEqualTo(403);
        assertThat(local.post("/api/v1/users", Map.of("username", "quan-tri-2", "password", "Mat-khau-rat-dai-7",
                "roles", List.of("ADMIN"), "jurisdiction", inCommune)).status()).isEqualTo(403);
        assertThat(local.post("/api/v1/users", Map.of("username", "phong-xet-nghiem", "password", "Mat-khau-rat-dai-7",
                "roles", List.of("LAB_TECHNICIAN"), "jurisdiction", Map.of("level", "FACILITY", "codes", List.of("LAB-1")))).status())
                .as("facilities are managed by the province").isEqualTo(403);
        admin.put("/api/v1/roles/ANALYST", Map.of("rights", List.of("AGGREGATE_READ")));
    }

    @Test
    void weakPasswordsAreRefused() {
        for (String weak : List.of("ngan", "1234567890", "matkhau123", "aaaaaaaaaaaa", "xx-nguoi-dung-moi-xx")) {
            var r = admin.post("/api/v1/users", Map.of("username", "nguoi-dung-moi", "password", weak, "roles", List.of("ANALYST"),
                    "jurisdiction", Map.of("level", "PROVINCE", "codes", List.of("42"))));
            assertThat(r.status()).as(weak).isEqualTo(400);
            assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("password");
        }
    }

    @Test
    void aUserChangesTheirPasswordAndTheOldOneStopsWorking() {
        officer("doi-mat-khau", "Mat-khau-rat-dai-4");
        TestApi old = new TestApi(port, "doi-mat-khau", "Mat-khau-rat-dai-4");
        assertThat(old.post("/api/v1/me/password", Map.of("currentPassword", "sai", "newPassword", "Mat-khau-moi-dai-5")).status()).isEqualTo(400);
        assertThat(old.post("/api/v1/me/password", Map.of("currentPassword", "Mat-khau-rat-dai-4", "newPassword", "Mat-khau-moi-dai-5")).status()).isEqualTo(200);
        assertThat(old.get("/api/v1/persons").status()).isEqualTo(401);
        assertThat(new TestApi(port, "doi-mat-khau", "Mat-khau-moi-dai-5").get("/api/v1/persons").status()).isEqualTo(200);
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        Browser browser = new Browser();
        browser.logIn("admin", TestApi.ADMIN_PASSWORD);
        String form = "fullName=" + URLEncoder.encode("Nguyễn Văn Giả", StandardCharsets.UTF_8) + "&sex=MALE&birthYear=2020&communeCode=18073";
        assertThat(browser.post("/persons/new", form).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isZero();
        assertThat(browser.post("/persons/new", form + "&_csrf=" + browser.csrf("/persons/new")).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void viewsAndChangesAreAuditedAndTamperingIsDetected() {
        var created = admin.post("/api/v1/persons", Map.of("fullName", "Lê Văn Soát", "sex", "MALE", "dateOfBirth", "01/01/1990",
                "nationalId", "042090000111", "communeCode", "18073")).body().get("person");
        long id = created.get("id").asLong();
        admin.get("/api/v1/persons/" + id);
        var entries = admin.get("/api/v1/audit?personId=" + id).body().get("items");
        assertThat(entries.size()).isEqualTo(2);
        assertThat(entries.get(0).get("action").asString()).isEqualTo("VIEW");
        assertThat(entries.get(1).get("action").asString()).isEqualTo("CREATE");
        assertThat(entries.get(1).get("username").asString()).isEqualTo("admin");
        assertThat(audit.verify().intact()).isTrue();

        // Someone with access to the database rewrites history behind the application's back.
        jdbc.sql("alter table audit_log disable trigger audit_log_append_only").update();
        jdbc.sql("update audit_log set username = 'nobody' where person_id = ? and action = 'VIEW'").param(id).update();
        jdbc.sql("alter table audit_log enable trigger audit_log_append_only").update();
        AuditLog.Verification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.broken()).hasSize(1);
        assertThat(admin.get("/api/v1/audit/verify").body().get("broken").size()).isEqualTo(1);
        TestData.emptyAuditLog(jdbc);
    }

    @Test
    void writersAtOnceChainInSeveralLanesAndTheTrailStillVerifies() throws Exception {
        long id = admin.post("/api/v1/persons", Map.of("fullName", "Đỗ Văn Làn", "sex", "MALE", "dateOfBirth", "01/02/1991", "nationalId", "042091000222",
                "communeCode", "18073")).body().get("person").get("id").asLong();
        TestData.emptyAuditLog(jdbc);
        audit.anchorAnew();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) admin.get("/api/v1/persons/" + id); // each view is audited
                }));
            }
            for (var f : done) f.get();
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(distinct lane) from audit_log").query(Long.class).single()).isGreaterThan(1);
        AuditLog.Verification v = audit.verify();
        assertThat(v.entries()).isGreaterThanOrEqualTo(200);
        assertThat(v.intact()).as("broken: " + v.broken()).isTrue();
        // A row taken out of the middle of a lane breaks its chain.
        jdbc.sql("alter table audit_log disable trigger audit_log_append_only").update();
        jdbc.sql("delete from audit_log where id = (select id from audit_log where lane = (select lane from audit_log group by lane order by count(*) desc limit 1) order by id limit 1 offset 3)").update();
        jdbc.sql("alter table audit_log enable trigger audit_log_append_only").update();
        assertThat(audit.verify().broken()).hasSize(1);
        TestData.emptyAuditLog(jdbc);
    }

    @Test
    void theApplicationCannotRewriteTheAuditLog() {
        admin.get("/api/v1/persons");
        audit.record("TEST", "person", 1, null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update audit_log set username = 'x'").update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update())
                .hasMessageContaining("append-only");
    }

    /** A browser-like client: cookies, no redirects followed. */
    final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String page) throws Exception {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(page).body());
            assertThat(m.find()).as("CSRF token on " + page).isTrue();
            return m.group(1);
        }

        void logIn(String user, String password) throws Exception {
            String token = csrf("/login");
            HttpResponse<String> r = post("/login", "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + "&_csrf=" + token);
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }
    }
}
