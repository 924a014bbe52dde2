package vn.phaodai.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.phaodai.support.PhaodaiIT;
import vn.phaodai.support.TestApi;
import vn.phaodai.support.TestData;
import vn.phaodai.support.WebSession;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the API's own OpenAPI description, as the administrator, with what an attacker
 * sends: NUL characters, 1 MB strings, dates out of range or malformed, numbers too big, negative or not
 * numbers, the wrong JSON types, unknown enum values and JSON that does not parse. No answer may be 5xx,
 * and every 4xx must be problem+json. One field or parameter is spoiled per request, the others keep a
 * plausible value; ids in paths are ones that do not exist, so nothing real is disabled or revoked.
 */
@PhaodaiIT
class ApiFuzzIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NUL = "a\u0000b";
    private static final String MEGABYTE = "x".repeat(1 << 20);
    /** Long but within a URL that Tomcat reads (8 KB of request line). */
    private static final String LONG_PARAM = "y".repeat(5_000);
    private static final String BOGUS_ID = "987654321";
    private static final Pattern DATE_LIKE = Pattern.compile("(?i).*(date|birth|day|On|At|from|to|since|until)$|(?i).*(date|birth).*");
    /** Multipart uploads are not JSON; logging out is not in the API. Nothing else is left out. */
    private static final Set<String> SKIPPED = Set.of();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String authorization;
    private long policiesBefore;
    private final List<String> failures = new ArrayList<>();
    private int sent;

    @BeforeEach
    void setUp() {
        TestData.registryOnNationalList(jdbc, new TestApi(port));
        // A token rather than the password: hashing a password on each of thousands of requests takes minutes.
        var token = new TestApi(port).post("/api/v1/me/tokens", Map.of("name", "fuzz"));
        assertThat(token.status()).as(token.text()).isEqualTo(201);
        authorization = "Bearer " + token.body().get("token").asString();
        policiesBefore = jdbc.sql("select coalesce(max(id), 0) from quarantine_policy").query(Long.class).single();
    }

    @AfterEach
    void cleanUp() {
        // Whatever a plausible body created (a user, a policy) must not change what other tests find.
        jdbc.sql("delete from quarantine_policy where id > ?").param(policiesBefore).update();
        jdbc.sql("delete from api_token").update();
        jdbc.sql("delete from app_user where username <> 'admin'").update();
        TestData.reset(jdbc);
    }

    @Test
    void noInputGetsAServerErrorAndEveryRefusalIsProblemJson() throws Exception {
        var docs = WebSession.admin(port).get("/v3/api-docs");
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        JsonNode api = JSON.readTree(docs.body());
        JsonNode schemas = api.path("components").path("schemas");
        long start = System.nanoTime();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) continue;
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) continue;
                if (SKIPPED.contains(method + " " + path.getKey())) continue;
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (content.has("multipart/form-data")) continue;
                operations++;
                long t0 = System.nanoTime();
                int before = sent;
                fuzz(method, path.getKey(), op.getValue(), content.path("application/json").path("schema"), schemas);
                System.out.printf("ApiFuzzIT %s %s: %d requests, %d ms%n", method, path.getKey(), sent - before,
                        Duration.ofNanos(System.nanoTime() - t0).toMillis());
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        System.out.printf("ApiFuzzIT: %d operations, %d requests, %d s%n", operations, sent, seconds);
        assertThat(operations).as("operations found in /v3/api-docs").isGreaterThan(50);
        assertThat(failures).as(failures.size() + " bad answers of " + sent + ":\n" + String.join("\n", failures.stream().limit(60).toList()))
                .isEmpty();
    }

    private void fuzz(String method, String template, JsonNode op, JsonNode bodySchema, JsonNode schemas) throws Exception {
        List<JsonNode> pathParams = new ArrayList<>();
        List<JsonNode> queryParams = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            if ("path".equals(p.path("in").asString())) pathParams.add(p);
            else if ("query".equals(p.path("in").asString())) queryParams.add(p);
        }
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (JsonNode p : pathParams) pathValues.put(p.path("name").asString(), isNumeric(resolve(p.path("schema"), schemas)) ? BOGUS_ID : "ZZFUZZ");
        Map<String, String> queryValues = new LinkedHashMap<>();
        for (JsonNode p : queryParams) {
            JsonNode s = resolve(p.path("schema"), schemas);
            if (p.path("required").asBoolean(false) || s.has("enum")) queryValues.put(p.path("name").asString(), sampleParam(p.path("name").asString(), s, schemas));
        }
        boolean hasBody = bodySchema != null && !bodySchema.isMissingNode();
        JsonNode body = hasBody ? sample(bodySchema, schemas, 0, "") : null;

        send(method, template, pathValues, queryValues, body == null ? null : JSON.writeValueAsString(body));

        for (JsonNode p : pathParams) {
            String name = p.path("name").asString();
            List<String> values = isNumeric(resolve(p.path("schema"), schemas))
                    ? List.of("abc", "-1", "0", "99999999999999999999999", "1.5", "1e400")
                    : List.of("BOGUS", LONG_PARAM.substring(0, 2_000), "%C3%28");
            for (String v : values) {
                Map<String, String> changed = new LinkedHashMap<>(pathValues);
                changed.put(name, v);
                send(method, template, changed, queryValues, body == null ? null : JSON.writeValueAsString(body));
            }
        }
        for (JsonNode p : queryParams) {
            String name = p.path("name").asString();
            for (String v : paramValues(name, resolve(p.path("schema"), schemas), schemas)) {
                Map<String, String> changed = new LinkedHashMap<>(queryValues);
                changed.put(name, v);
                send(method, template, pathValues, changed, body == null ? null : JSON.writeValueAsString(body));
            }
        }
        if (!hasBody) return;
        for (String raw : List.of("{", "", "null", "[]", "{}", "\"\\u0000\"", "{\"x\":\"\\u0000\"}", "[[[[[[[[", "{\"a\":}",
                "[" + "[".repeat(3000) + "]".repeat(3000) + "]", "\u00ff\u00fe", "12345678901234567890123", "true")) {
            send(method, template, pathValues, queryValues, raw);
        }
        List<Leaf> leaves = new ArrayList<>();
        leaves(bodySchema, schemas, "", leaves, 0);
        for (Leaf leaf : leaves) {
            for (JsonNode value : bodyValues(leaf)) {
                JsonNode spoiled = replace(body.deepCopy(), leaf.pointer, value);
                if (spoiled == null) continue;
                send(method, template, pathValues, queryValues, JSON.writeValueAsString(spoiled));
            }
        }
    }

    private record Leaf(String pointer, String name, JsonNode schema) {
    }

    private void leaves(JsonNode schema, JsonNode schemas, String pointer, List<Leaf> out, int depth) {
        schema = resolve(schema, schemas);
        if (depth > 6) return;
        String name = pointer.contains("/") ? pointer.substring(pointer.lastIndexOf('/') + 1) : pointer;
        out.add(new Leaf(pointer, name, schema));
        String type = type(schema);
        if ("object".equals(type)) {
            for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                leaves(p.getValue(), schemas, pointer + "/" + p.getKey(), out, depth + 1);
            }
        } else if ("array".equals(type)) {
            leaves(schema.path("items"), schemas, pointer + "/0", out, depth + 1);
        }
    }

    private List<JsonNode> bodyValues(Leaf leaf) {
        JsonNode s = leaf.schema;
        String type = type(s);
        List<JsonNode> v = new ArrayList<>();
        if (leaf.pointer.isEmpty()) return v; // the whole body: see the raw bodies
        switch (type) {
            case "string" -> {
                v.add(NODES.stringNode(NUL));
                v.add(NODES.stringNode(MEGABYTE));
                v.add(NODES.numberNode(12345));
                v.add(NODES.objectNode());
                v.add(NODES.arrayNode().add("x"));
                v.add(NODES.booleanNode(true));
                String format = s.path("format").asString("");
                if (s.has("enum")) v.add(NODES.stringNode("BOGUS"));
                if (format.equals("date") || format.equals("date-time") || DATE_LIKE.matcher(leaf.name).matches()) {
                    String t = format.equals("date-time") ? "T00:00:00Z" : "";
                    for (String d : List.of("0000-01-01", "+10000-01-01", "2021-13-45", "abc", "-0001-12-31", "9999-12-31"))
                        v.add(NODES.stringNode(d + (d.equals("abc") ? "" : t)));
                    if (!format.equals("date") && !format.equals("date-time")) {
                        for (String d : List.of("00/00/0000", "31/02/2021", "01/01/10000", "01/01/0000", "1/1/1"))
                            v.add(NODES.stringNode(d));
                    }
                }
            }
            case "integer", "number" -> {
                v.add(NODES.stringNode("abc"));
                v.add(NODES.numberNode(-1));
                v.add(NODES.numberNode(0));
                v.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999999999")));
                v.add(NODES.numberNode(2_147_483_648L));
                v.add(NODES.numberNode(9_223_372_036_854_775_807L));
                v.add(NODES.numberNode(-9_223_372_036_854_775_807L));
                v.add(NODES.numberNode(1.5));
                v.add(NODES.numberNode(1e300));
                v.add(NODES.objectNode());
                v.add(NODES.arrayNode().add(1));
            }
            case "boolean" -> {
                v.add(NODES.stringNode("maybe"));
                v.add(NODES.numberNode(2));
                v.add(NODES.objectNode());
            }
            case "array" -> {
                v.add(NODES.objectNode());
                v.add(NODES.stringNode("x"));
                v.add(NODES.arrayNode().addNull());
                v.add(NODES.arrayNode().add(NUL));
                v.add(NODES.numberNode(1));
            }
            case "object" -> {
                v.add(NODES.arrayNode());
                v.add(NODES.stringNode("x"));
                v.add(NODES.numberNode(1));
                v.add(NODES.objectNode().put("\u0000", NUL));
            }
            default -> {
                v.add(NODES.stringNode(NUL));
                v.add(NODES.objectNode());
            }
        }
        v.add(NODES.nullNode());
        return v;
    }

    private List<String> paramValues(String name, JsonNode s, JsonNode schemas) {
        String type = type(s);
        if ("array".equals(type)) type = type(resolve(s.path("items"), schemas));
        List<String> v = new ArrayList<>(List.of(NUL, LONG_PARAM, ""));
        switch (type) {
            case "integer", "number" -> v.addAll(List.of("abc", "-1", "99999999999999999999999", "1.5", "1e400", "-9223372036854775809"));
            case "boolean" -> v.add("maybe");
            default -> {
                v.add("BOGUS");
                String format = s.path("format").asString("");
                if (format.equals("date") || format.equals("date-time") || DATE_LIKE.matcher(name).matches()) {
                    String t = format.equals("date-time") ? "T00:00:00Z" : "";
                    for (String d : List.of("0000-01-01", "+10000-01-01", "2021-13-45", "-0001-12-31", "9999-12-31"))
                        v.add(d + t);
                    v.add("abc");
                }
            }
        }
        return v;
    }

    private String sampleParam(String name, JsonNode s, JsonNode schemas) {
        JsonNode sample = sample(s, schemas, 0, name);
        return sample.isArray() ? (sample.isEmpty() ? "" : sample.get(0).asString()) : sample.asString();
    }

    /** A plausible value for the schema: what a client that read the description would send. */
    private JsonNode sample(JsonNode schema, JsonNode schemas, int depth, String name) {
        schema = resolve(schema, schemas);
        if (schema.has("enum")) return schema.path("enum").get(0);
        String format = schema.path("format").asString("");
        switch (type(schema)) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth < 5) {
                    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                        o.set(p.getKey(), sample(p.getValue(), schemas, depth + 1, p.getKey()));
                    }
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                if (depth < 5) a.add(sample(schema.path("items"), schemas, depth + 1, name));
                return a;
            }
            case "integer" -> {
                return NODES.numberNode(name.toLowerCase().endsWith("id") ? Long.parseLong(BOGUS_ID) : 1);
            }
            case "number" -> {
                return NODES.numberNode(1.0);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                if (format.equals("date")) return NODES.stringNode("2021-08-01");
                if (format.equals("date-time")) return NODES.stringNode("2021-08-01T09:00:00+07:00");
                if (DATE_LIKE.matcher(name).matches()) return NODES.stringNode("01/08/2021");
                return NODES.stringNode("ZZFUZZ");
            }
        }
    }

    private static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) if (!"null".equals(x.asString())) return x.asString();
        }
        if (t.isString()) return t.asString();
        if (schema.has("properties")) return "object";
        if (schema.has("items")) return "array";
        return "";
    }

    private static boolean isNumeric(JsonNode schema) {
        String t = type(schema);
        return t.equals("integer") || t.equals("number");
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        for (int i = 0; i < 10 && schema != null; i++) {
            if (schema.has("$ref")) {
                String ref = schema.path("$ref").asString();
                schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
            } else if (schema.has("allOf")) {
                schema = schema.path("allOf").get(0);
            } else if (schema.has("oneOf")) {
                schema = schema.path("oneOf").get(0);
            } else if (schema.has("anyOf")) {
                schema = schema.path("anyOf").get(0);
            } else {
                return schema;
            }
        }
        return schema == null ? NODES.objectNode() : schema;
    }

    /** The body with the value at the pointer replaced (null when the body has no such place). */
    private static JsonNode replace(JsonNode body, String pointer, JsonNode value) {
        String[] steps = pointer.substring(1).split("/");
        JsonNode parent = body;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
            if (parent == null) return null;
        }
        String last = steps[steps.length - 1];
        if (parent instanceof ObjectNode o) o.set(last, value);
        else if (parent instanceof ArrayNode a && !a.isEmpty()) a.set(Integer.parseInt(last), value);
        else return null;
        return body;
    }

    private void send(String method, String template, Map<String, String> pathValues, Map<String, String> query, String body)
            throws Exception {
        String path = template;
        for (Map.Entry<String, String> p : pathValues.entrySet()) {
            String v = p.getValue().startsWith("%") ? p.getValue() : URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8);
            path = path.replace("{" + p.getKey() + "}", v);
        }
        StringBuilder url = new StringBuilder("http://localhost:" + port + path);
        char sep = '?';
        for (Map.Entry<String, String> q : query.entrySet()) {
            String v = q.getValue().equals("%") ? "%" : URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8);
            url.append(sep).append(URLEncoder.encode(q.getKey(), StandardCharsets.UTF_8)).append('=').append(v);
            sep = '&';
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        sent++;
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = r.statusCode();
        String type = r.headers().firstValue("Content-Type").orElse("");
        boolean bad = status >= 500 || (status >= 400 && !type.startsWith("application/problem+json"));
        if (bad) {
            String shown = body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…(" + body.length() + ")" : body;
            String u = url.length() > 300 ? url.substring(0, 300) + "…" : url.toString();
            String answer = r.body() == null ? "" : r.body().length() > 300 ? r.body().substring(0, 300) : r.body();
            failures.add(status + " " + type + " " + method + " " + u.replace("http://localhost:" + port, "") + " " + shown.replace("\u0000", "\\u0000")
                    + " -> " + answer.replace("\n", " "));
        }
    }
}
