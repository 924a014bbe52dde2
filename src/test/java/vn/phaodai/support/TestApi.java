package vn.phaodai.support;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.Base64;

/** A client of the running application's REST API, as the administrator, that never throws on 4xx/5xx. */
public final class TestApi {

    public static final String ADMIN_PASSWORD = "test-admin-password-42";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Response(int status, JsonNode body, String text) {
    }

    private final RestClient client;

    public TestApi(int port) {
        this(port, "admin", ADMIN_PASSWORD);
    }

    public TestApi(int port, String user, String password) {
        this(port, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes()));
    }

    private TestApi(int port, String authorization) {
        this.client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, authorization).build();
    }

    /** A new user with one role and a jurisdiction of one level and code, created by this (administrator's) client. */
    public TestApi newUser(int port, String role, String level, String code) {
        String name = "u-" + role.toLowerCase().replace('_', '-') + "-" + System.nanoTime();
        String password = "Mat-khau-kiem-thu-9";
        var r = post("/api/v1/users", java.util.Map.of("username", name, "password", password, "roles", java.util.List.of(role),
                "jurisdiction", java.util.Map.of("level", level, "codes", java.util.List.of(code))));
        if (r.status() != 201) throw new IllegalStateException("Could not create the user: " + r.text());
        return new TestApi(port, name, password);
    }

    /** Uploads a file to an import endpoint (202 expected) and waits for its job to end; answers the job. */
    public JsonNode importAndWait(String path, Path file) {
        Response started = upload(path, file);
        if (started.status() != 202) throw new AssertionError("import not started: " + started.status() + " " + started.text());
        return finishedJob(started.body().get("jobId").asString());
    }

    /** Waits (at most a minute) for a job to be DONE or FAILED; answers the job. */
    public JsonNode finishedJob(String id) {
        java.time.Instant until = java.time.Instant.now().plusSeconds(60);
        while (java.time.Instant.now().isBefore(until)) {
            JsonNode job = get("/api/v1/jobs/" + id).body();
            String status = job.get("status").asString();
            if (status.equals("DONE") || status.equals("FAILED")) return job;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    /** A client that sends a personal API token. */
    public static TestApi bearer(int port, String token) {
        return new TestApi(port, "Bearer " + token);
    }

    public Response delete(String path) {
        return client.delete().uri(path).exchange((req, res) -> read(res.getStatusCode().value(), res.bodyTo(String.class)));
    }

    public static TestApi anonymous(int port) {
        return new TestApi(port, "nobody-here", "wrong");
    }

    public Response get(String path) {
        return client.get().uri(path).exchange((req, res) -> read(res.getStatusCode().value(), res.bodyTo(String.class)));
    }

    /** A binary answer (a PDF, a spreadsheet): status, content type, Content-Disposition and the bytes. */
    public record Download(int status, String contentType, String disposition, byte[] bytes) {
        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public Download download(String path) {
        return client.get().uri(path).exchange((req, res) -> {
            byte[] bytes = res.bodyTo(byte[].class);
            return new Download(res.getStatusCode().value(), String.valueOf(res.getHeaders().getContentType()),
                    res.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION), bytes == null ? new byte[0] : bytes);
        });
    }

    /** A POST without a body whose answer is a file: issuing an official decision. */
    public Download issue(String path) {
        return client.post().uri(path).exchange((req, res) -> {
            byte[] bytes = res.bodyTo(byte[].class);
            return new Download(res.getStatusCode().value(), String.valueOf(res.getHeaders().getContentType()),
                    res.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION), bytes == null ? new byte[0] : bytes);
        });
    }

    public Response post(String path, Object body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body))
                .exchange((req, res) -> read(res.getStatusCode().value(), res.bodyTo(String.class)));
    }

    public Response put(String path, Object body) {
        return client.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body))
                .exchange((req, res) -> read(res.getStatusCode().value(), res.bodyTo(String.class)));
    }

    public Response upload(String path, Path file) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new FileSystemResource(file));
        return client.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((req, res) -> read(res.getStatusCode().value(), res.bodyTo(String.class)));
    }

    private static Response read(int status, String text) {
        JsonNode node = null;
        if (text != null && !text.isBlank() && (text.startsWith("{") || text.startsWith("["))) node = JSON.readTree(text);
        return new Response(status, node, text);
    }
}
