package vn.phaodai.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Confirmed cases for tests of what follows a case (decisions). Persons go through the registry's API; the
 * covid_case row is written directly: it stands in for the cases service being written in parallel, and
 * should become a call of that service (or its API) once it exists.
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

    /** An ACTIVE case of the person, owned by the commune, confirmed by PCR on that day, cared for at home. */
    public long confirmed(long personId, String commune, Long village, LocalDate confirmedOn) {
        return jdbc.sql("""
                insert into covid_case (person_id, commune_code, village_id, confirmed_on, basis, created_by, status)
                values (?, ?, ?, ?, 'PCR', 'test', 'ACTIVE') returning id""")
                .params(personId, commune, village, confirmedOn).query(Long.class).single();
    }

    /** A fresh person with an ACTIVE case. */
    public long freshCase(String commune, Long village, LocalDate confirmedOn) {
        return confirmed(person(commune, village), commune, village, confirmedOn);
    }

    public void recovered(long caseId, LocalDate on) {
        jdbc.sql("update covid_case set status = 'RECOVERED', outcome_on = ? where id = ?").params(on, caseId).update();
    }

    public void discarded(long caseId) {
        jdbc.sql("update covid_case set status = 'DISCARDED', discarded_reason = 'test' where id = ?").param(caseId).update();
    }

    /** Names without digits: a person's name is letters only. */
    public static String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int x = n; x > 0; x /= 20) s.append("ABCDEGHIKLMNOPQRSTUV".charAt(x % 20));
        return s.toString();
    }
}
