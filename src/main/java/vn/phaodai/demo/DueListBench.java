package vn.phaodai.demo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.vaccination.bench.VaccinationFloors;
import vn.phaodai.vaccination.due.DueList;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A commune's due list (issue 15 §6) as its officer opens it: the first page with its total, of the commune with the
 * most residents, today; beside the bare SQL reading the same residents with their doses, infections and priority
 * group (no scope, no rules judged, no order or audit).
 */
@Service
class DueListBench {

    private final JdbcClient jdbc;
    private final Floors floors;
    private final DueList dueList;
    private final ApplicationClock clock;

    DueListBench(JdbcClient jdbc, Floors floors, DueList dueList, ApplicationClock clock) {
        this.jdbc = jdbc;
        this.floors = floors;
        this.dueList = dueList;
        this.clock = clock;
    }

    Benchmark.Scenario run(int requests, String data) {
        String commune = jdbc.sql("select commune_code from person_card group by commune_code order by count(*) desc, commune_code limit 1")
                .query(String.class).single();
        long residents = jdbc.sql("select count(*) from person_card where commune_code = ?").param(commune).query(Long.class).single();
        PhaodaiUser officer = Benchmark.user("bench-due", Scope.ofCommunes(Set.of(commune)), EnumSet.of(Right.VACCINATION_READ));
        LocalDate on = clock.today();
        DueList.Criteria criteria = new DueList.Criteria(commune, null, on, null, false, null);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(officer, null, officer.getAuthorities()));
        var before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            long[] total = new long[1];
            int n = VaccinationBench.affordable(requests, () -> total[0] = dueList.list(criteria, 0, 20).total());
            int warmUps = n < requests ? 0 : 10;
            Floors.Latency app = Floors.time(n, warmUps, () -> dueList.list(criteria, 0, 20));
            List<Floors.Bare> bare = List.of(new Floors.Bare(VaccinationFloors.DUE, Map.of("on", on, "commune", commune)));
            Floors.Latency floor = floors.bareSql(n, warmUps == 0 ? 3 : 10, () -> bare);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("p50Ms", app.p50());
            values.put("p95Ms", app.p95());
            values.put("requests", n);
            values.put("floorP50Ms", floor.p50());
            values.put("floorP95Ms", floor.p95());
            values.put("commune", commune);
            values.put("residents", residents);
            values.put("due", total[0]);
            return new Benchmark.Scenario("a commune's due list (first page of 20 with total, due and overdue today), as its officer",
                    String.format("commune %s: %,d residents, %,d due or overdue; %s", commune, residents, total[0], data),
                    app.text(n) + ", in process", "bare SQL reading the same residents with their doses: " + floor.text(n),
                    app.ratioTo(floor), "p95 < 150 ms", app.p95() < 150, values);
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

}
