package vn.phaodai.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.PhaodaiIT;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The session cookie, redirects that a forged Host header cannot steer, and the actuator for administrators. */
@PhaodaiIT
class WebHardeningIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clean() {
        jdbc.sql("delete from api_token").update();
        jdbc.sql("delete from app_user where username <> 'admin'").update();
    }

    /** A raw HTTP/1.1 exchange: the Host header is whatever the attacker writes. */
    private List<String> raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) head.add(line);
            return head;
        }
    }

    private static String header(List<String> head, String name) {
        return head.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(h -> h.substring(name.length() + 1).strip()).findFirst().orElse("");
    }

    private static String get(String path, String cookie) {
        return "GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n" + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + "\r\n";
    }

    @Test
    void theSessionCookieIsSameSiteAndHttpOnly() throws Exception {
        List<String> head = raw(get("/login", null));
        String cookie = header(head, "Set-Cookie");
        assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
    }

    @Test
    void aForgedHostHeaderNeverComesBackInARedirect() throws Exception {
        // Not logged in: to the login page.
        List<String> toLogin = raw(get("/persons", null));
        assertThat(toLogin.get(0)).contains("302");
        String location = header(toLogin, "Location");
        assertThat(location).isEqualTo("/login").doesNotContain("evil");
        String session = header(toLogin, "Set-Cookie").split(";")[0];

        // Logging in, with the saved request of that session: back to /persons, still without a host.
        List<String> page = raw(get("/login", session));
        String cookie = header(page, "Set-Cookie").isEmpty() ? session : header(page, "Set-Cookie").split(";")[0];
        String csrf = csrfOf(cookie);
        String form = "username=admin&password=" + URLEncoder.encode(TestApi.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf;
        List<String> loggedIn = raw("POST /login HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\nCookie: " + cookie
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n" + form);
        assertThat(loggedIn.get(0)).contains("302");
        assertThat(header(loggedIn, "Location")).doesNotContain("evil").startsWith("/");
        String authenticated = header(loggedIn, "Set-Cookie").isEmpty() ? cookie : header(loggedIn, "Set-Cookie").split(";")[0];

        // A controller's redirect: view.
        String personForm = "fullName=" + URLEncoder.encode("Hồ Văn Chuyển", StandardCharsets.UTF_8) + "&sex=MALE&birthYear=2020&communeCode=18073&_csrf="
                + csrfOf(authenticated, "/persons/new");
        List<String> created = raw("POST /persons/new HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\nCookie: " + authenticated
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + personForm.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + personForm);
        assertThat(header(created, "Location")).doesNotContain("evil");

        // Logging out.
        String logout = "_csrf=" + csrfOf(authenticated, "/");
        List<String> out = raw("POST /logout HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\nCookie: " + authenticated
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + logout.length() + "\r\n\r\n" + logout);
        assertThat(out.get(0)).contains("302");
        assertThat(header(out, "Location")).isEqualTo("/login?logout");
    }

    private String csrfOf(String cookie) throws Exception {
        return csrfOf(cookie, "/login");
    }

    private String csrfOf(String cookie, String page) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(get(page, cookie).getBytes(StandardCharsets.UTF_8));
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(all);
            assertThat(m.find()).as("CSRF token on " + page + ": " + all.substring(0, Math.min(300, all.length()))).isTrue();
            return m.group(1);
        }
    }

    @Test
    void theActuatorIsForAdministratorsButHealth() throws Exception {
        TestApi anonymous = TestApi.anonymous(port);
        List<String> health = raw("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(health.get(0)).as("a load balancer, without credentials").contains("200");
        var admin = new TestApi(port);
        var r = admin.post("/api/v1/users", Map.of("username", "chi-xem-so", "password", "Mat-khau-rat-dai-9",
                "roles", List.of("ANALYST"), "jurisdiction", Map.of("level", "PROVINCE", "codes", List.of("42"))));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        TestApi analyst = new TestApi(port, "chi-xem-so", "Mat-khau-rat-dai-9");
        for (String endpoint : List.of("/actuator/prometheus", "/actuator/info", "/actuator")) {
            var none = anonymous.get(endpoint);
            assertThat(none.status()).as(endpoint).isEqualTo(401);
            assertThat(none.body().get("title").asString()).isNotBlank();
            assertThat(analyst.get(endpoint).status()).as(endpoint).isEqualTo(403);
            assertThat(admin.get(endpoint).status()).as(endpoint).isEqualTo(200);
        }
        assertThat(admin.get("/actuator/prometheus").text()).contains("http_server_requests");
    }
}
