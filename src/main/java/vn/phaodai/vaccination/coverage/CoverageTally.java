package vn.phaodai.vaccination.coverage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.shared.ApplicationClock;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Coverage's tally (migration V47_17, docs/decisions/0014): per commune, for each age k a band starts or ends at
 * and each measure, the residents counted on a day, summed from a few rows of pre-summed changes. Brought up to date
 * before every read and every half minute, so a dose recorded or a person moved counts at once.
 */
@Service
public class CoverageTally {

    /** The tally answers from this day on; earlier days are counted from the facts (before any dose in Vietnam). */
    public static final LocalDate FLOOR = LocalDate.of(2021, 1, 1);

    /** Measures, as the tally numbers them. */
    static final int RESIDENTS = 0, ONE = 1, COMPLETE = 2, BOOSTED = 3;

    private static final Logger log = LoggerFactory.getLogger(CoverageTally.class);

    private final JdbcClient jdbc;
    private final ApplicationClock clock;

    CoverageTally(JdbcClient jdbc, ApplicationClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Recounts the persons whose doses or residence changed since the last refresh, and keeps the tally about a year
     * ahead of the application's day; how many persons (-1: everyone).
     */
    @Transactional
    public int refresh() {
        return jdbc.sql("select coverage_refresh(?, null)").param(clock.today()).query(Integer.class).single();
    }

    /**
     * As refresh(), for a reader: false when another refresh (a rebuild after a large import takes a minute or two)
     * was still running after two seconds, and the tally is read as that one found it.
     */
    @Transactional
    public boolean refreshForRead() {
        return jdbc.sql("select coverage_refresh(?, interval '2 seconds')").param(clock.today())
                .query((rs, i) -> rs.getObject(1) != null).single();
    }

    /** Whether the tally answers for the day: from 01/01/2021 up to its horizon (about a year after today). */
    boolean answers(LocalDate on) {
        if (on.isBefore(FLOOR)) return false;
        LocalDate horizon = jdbc.sql("select horizon from coverage_mark").query(LocalDate.class).single();
        return !on.isAfter(horizon);
    }

    /** How many rows the tally holds (for the benchmark's record of its size). */
    public long rows() {
        return jdbc.sql("select count(*) from coverage_tally").query(Long.class).single();
    }

    /** Between requests too, so that a read after an import or a day of sessions does not wait for the recount. */
    @Scheduled(fixedDelayString = "${phaodai.vaccination.coverage-refresh-ms:30000}",
            initialDelayString = "${phaodai.vaccination.coverage-refresh-ms:30000}")
    void scheduled() {
        try {
            int n = refresh();
            if (n != 0) log.info("Coverage tally: {} persons recounted", n < 0 ? "all" : n);
        } catch (RuntimeException e) {
            log.warn("Coverage tally not refreshed: {}", e.getMessage());
        }
    }

    /**
     * Per commune, per age k (the key k: aged k or more) the four measures on the day: the year rows before the day's
     * year, the month rows of its year before its month, the day rows of its month up to it. For a day the tally
     * answers (the caller asked answers(on)).
     */
    Map<String, Map<Integer, long[]>> counts(Collection<String> communes, LocalDate on) {
        Map<String, Map<Integer, long[]>> out = new HashMap<>();
        jdbc.sql(COUNTS).param("communes", communes.toArray(String[]::new)).param("on", on)
                .param("month", on.withDayOfMonth(1)).param("year", on.withDayOfYear(1))
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), c -> new HashMap<>())
                            .computeIfAbsent(rs.getInt(2), k -> new long[4])[rs.getInt(3)] = rs.getLong(4);
                });
        return out;
    }

    public static final String COUNTS = """
            select t.commune_code, t.from_age, t.measure, sum(t.n)
            from coverage_tally t join unnest(cast(:communes as text[])) c(code) on c.code = t.commune_code
            where (t.grain = 'Y' and t.day < :year)
               or (t.grain = 'M' and t.day >= :year and t.day < :month)
               or (t.grain = 'D' and t.day >= :month and t.day <= :on)
            group by 1, 2, 3""";
}
