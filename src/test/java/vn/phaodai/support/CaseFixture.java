package vn.phaodai.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Confirmed cases for tests of what follows a case (decisions), made the way they are made in use: persons
 * through the registry's API, cases by a laboratory's positive RT-PCR, ended and discarded through the API.
 */
public final class CaseFixture {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private final TestApi api;
    private final JdbcClient jdbc;

    public CaseFixture(TestApi api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** Decisions and their counters are gone (cases go with the persons when the registry is emptied). */
    public void noDecisions() {
        jdbc.sql("truncate case_decision, decision_counter").update();
    }

    /** Registers the person (the body of POST /api/v1/persons) and returns its id. */
    public long person(Map<String, Object> body) {
        var r = api.post("/api/v1/persons", body);
        if (r.status() != 201) throw new IllegalStateException("Could not register " + body + ": " + r.text());
        return r.body().get("person").get("id").asLong();
    }

    /** A fresh adult man of the commune (and village, if any) with a valid CCCD number; returns its id. */
    public long person(String commune, Long village) {
        int n = SERIAL.incrementAndGet();
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", "Trần Văn " + letters(n));
        p.put("sex", "MALE");
        p.put("dateOfBirth", "12/07/1978");
        p.put("nationalId", String.format("042078%06d", 500_000 + n));
        p.put("communeCode", commune);
        if (village != null) p.put("villageId", village);
        return person(p);
    }

    /** The ACTIVE case that a positive RT-PCR sampled that day opens for the person (commune and village are the person's). */
    public long confirmed(long personId, String commune, Long village, LocalDate confirmedOn) {
        String sample = "CF-" + SERIAL.incrementAndGet();
        var r = api.post("/api/v1/lab-results", Map.of("sampleCode", sample, "personId", personId, "testType", "PCR",
                "sampledAt", confirmedOn + "T09:00:00+07:00", "result", "POSITIVE"));
        if (r.status() != 200 || r.body().get("summary").get("casesCreated").asInt() != 1) {
            throw new IllegalStateException("No case from " + sample + ": " + r.text());
        }
        return api.get("/api/v1/persons/" + personId + "/cases").body().get(0).get("id").asLong();
    }

    /** A fresh person with an ACTIVE case. */
    public long freshCase(String commune, Long village, LocalDate confirmedOn) {
        return confirmed(person(commune, village), commune, village, confirmedOn);
    }

    public void recovered(long caseId, LocalDate on) {
        var r = api.post("/api/v1/cases/" + caseId + "/outcome", Map.of("outcome", "RECOVERED", "on", on.toString()));
        if (r.status() != 200) throw new IllegalStateException("Could not close case " + caseId + ": " + r.text());
    }

    /** The laboratory corrects the confirming result to negative: the case is discarded. */
    public void discarded(long caseId) {
        String sample = jdbc.sql("select s.code from covid_case c join sample s on s.id = c.confirming_sample_id where c.id = ?")
                .param(caseId).query(String.class).single();
        var r = api.post("/api/v1/lab-results", Map.of("sampleCode", sample, "result", "NEGATIVE"));
        if (r.status() != 200 || r.body().get("summary").get("casesDiscarded").asInt() != 1) {
            throw new IllegalStateException("Case " + caseId + " not discarded: " + r.text());
        }
    }

    /** Names without digits: a person's name is letters only. */
    public static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int x = n; x > 0; x /= 20) s.append("ABCDEGHIKLMNOPQRSTUV".charAt(x % 20));
        return s.toString();
    }
}
