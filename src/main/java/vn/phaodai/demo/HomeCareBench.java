package vn.phaodai.demo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.homecare.CareStaffing;
import vn.phaodai.jobs.Job;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.testing.LabResults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The province at the height of a wave, ready for the home-care load test of {@code bench/run}: a care team
 * in every commune with one health worker per village, then {@code f0} persons confirmed positive yesterday
 * through the laboratory's path, every one of them an F0 at home with a worker assigned. The readings
 * themselves arrive later, over HTTP (bench/readings.lua), at the case ids this scenario reports.
 */
@Service
class HomeCareBench {

    private final JdbcClient jdbc;
    private final LabResults labResults;
    private final JsonMapper json;
    private final CareStaffing staffing;
    private final ApplicationClock clock;
    private final Floors floors;

    HomeCareBench(JdbcClient jdbc, LabResults labResults, JsonMapper json, CareStaffing staffing, ApplicationClock clock,
                  Floors floors) {
        this.floors = floors;
        this.clock = clock;
        this.jdbc = jdbc;
        this.staffing = staffing;
        this.labResults = labResults;
        this.json = json;
    }

    List<Benchmark.Scenario> run(int f0, long seed, String persons) {
        // A mobile station per commune, a worker for each of its villages (set-based: the province's staff).
        long workers = staffing.staffEveryVillage();

        List<Long> people = jdbc.sql("""
                select p.id from person_card p
                where p.village_id is not null and not exists (select 1 from case_card c where c.person_id = p.id and c.status = 'ACTIVE')
                  and not exists (select 1 from tier_card t where t.person_id = p.id) -- the tracing scenarios' figures stay as they were
                order by hashint8(p.id + :seed) limit :n""").param("seed", seed).param("n", f0).query(Long.class).list();
        long before = jdbc.sql("select coalesce(max(id), 0) from case_card").query(Long.class).single();
        LocalDate yesterday = clock.today().minusDays(1);
        Path file = positives(people, seed, yesterday);
        try {
            long rawMs = floors.rawCopy(file, 8);
            long start = System.nanoTime();
            Job job = CurrentUser.asSystem(() -> labResults.importNow(file, "bench-home-care.csv", "benchmark"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (!"DONE".equals(job.status())) throw new IllegalStateException("Home-care positives failed: " + job.error());
            var ids = jdbc.sql("select min(id), max(id), count(*) from case_card where id > ? and care_setting = 'HOME' and status = 'ACTIVE'")
                    .param(before).query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
            CareStaffing.Load load = staffing.assignedAfter(before);
            long assigned = load.assigned();
            // The commune with the most F0 at home: its alert list is the one timed.
            String busiest = jdbc.sql("""
                    select commune_code from case_card where id > ? group by commune_code order by count(*) desc, commune_code limit 1""")
                    .param(before).query(String.class).single();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("ms", ms);
            values.put("floorMs", rawMs);
            values.put("firstCaseId", ids[0]);
            values.put("lastCaseId", ids[1]);
            values.put("atHome", ids[2]);
            values.put("assigned", assigned);
            values.put("workers", workers);
            values.put("busiestCommune", busiest);
            String data = String.format("%,d F0 over %s; %,d health workers", ids[2], persons, workers);
            return List.of(new Benchmark.Scenario(
                    "F0 at home: a day of positives through the lab import, each case at home with a worker assigned by village", data,
                    String.format("%,d ms; %,d cases at home, %,d assigned to %,d workers (at most %,d, %s on average)", ms, ids[2],
                            assigned, load.workers(), load.most(), load.average()),
                    String.format("raw COPY of the file into a bare table: %,d ms", rawMs), ms / (double) rawMs, "every case assigned", assigned == ids[2], values));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }

    /** A laboratory file of positive RT-PCR results for these persons, sampled on the day. */
    private static Path positives(List<Long> persons, long seed, LocalDate day) {
        try {
            Path file = Files.createTempFile("phaodai-home-care", ".csv");
            String sampled = day.format(DateTimeFormatter.ofPattern("d/M/yyyy")) + " 9:00";
            StringBuilder out = new StringBuilder("Mã mẫu,Mã người,Loại xét nghiệm,Thời gian lấy mẫu,Kết quả,Ct,Mã mẫu gộp,Có triệu chứng\n");
            int n = 0;
            for (long p : persons) out.append("NHA").append(seed).append('-').append(++n).append(',').append(p)
                    .append(",PCR,").append(sampled).append(",Dương tính,24,,\n");
            Files.writeString(file, out, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
