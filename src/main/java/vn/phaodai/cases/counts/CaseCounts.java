package vn.phaodai.cases.counts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers the daily reports need, per commune and calendar day (Vietnam): new cases by source, active
 * cases by care setting and severity as they stood at the end of the day, recoveries and deaths. Numbers
 * only, so the right is AGGREGATE_READ; always within the jurisdiction. Discarded cases count nowhere.
 */
@Service
public class CaseCounts {

    /** One commune's day. */
    public record Day(String communeCode, LocalDate day, Map<String, Long> newBySource, List<Active> active, long recovered,
                      long died, long transferredOut) {
        public long newCases() {
            return newBySource.values().stream().mapToLong(Long::longValue).sum();
        }

        public long activeCases() {
            return active.stream().mapToLong(Active::count).sum();
        }
    }

    public record Active(String careSetting, String severity, long count) {
    }

    private final JdbcClient jdbc;
    private final Messages messages;

    CaseCounts(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    public List<Day> daily(String commune, LocalDate from, LocalDate to) {
        PhaodaiUser user = CurrentUser.require(Right.AGGREGATE_READ);
        if (from == null || to == null) throw new InvalidInputException("from", messages.get("cases.counts.from.required"));
        if (to.isBefore(from)) throw new InvalidInputException("to", messages.get("cases.counts.to.beforeFrom"));
        if (ChronoUnit.DAYS.between(from, to) > 366) throw new InvalidInputException("to", messages.get("cases.counts.to.tooLong"));
        Map<String, Object> p = new HashMap<>(user.scope().params());
        p.put("from", from);
        p.put("to", to);
        String where = user.scope().condition("c.commune_code", "c.village_id") + " and c.status <> 'DISCARDED'";
        if (commune != null && !commune.isBlank()) {
            where += " and c.commune_code = :commune";
            p.put("commune", commune);
        }
        Map<String, Map<LocalDate, Builder>> days = new TreeMap<>();
        jdbc.sql("select c.commune_code, c.confirmed_on, c.source, count(*) from covid_case c where " + where
                        + " and c.confirmed_on between :from and :to group by 1, 2, 3").params(p)
                .query(rs -> {
                    at(days, rs.getString(1), rs.getObject(2, LocalDate.class)).newBySource.put(rs.getString(3), rs.getLong(4));
                });
        jdbc.sql("select c.commune_code, c.outcome_on, c.status, count(*) from covid_case c where " + where
                        + " and c.outcome_on between :from and :to group by 1, 2, 3").params(p)
                .query(rs -> {
                    Builder b = at(days, rs.getString(1), rs.getObject(2, LocalDate.class));
                    switch (rs.getString(3)) {
                        case "RECOVERED" -> b.recovered = rs.getLong(4);
                        case "DIED" -> b.died = rs.getLong(4);
                        default -> b.transferredOut = rs.getLong(4);
                    }
                });
        // Active at the end of each day, in the care setting and severity then in force.
        jdbc.sql("""
                select c.commune_code, d.day::date, st.care_setting, st.severity, count(*)
                from generate_series(cast(:from as date), cast(:to as date), interval '1 day') d(day)
                join covid_case c on c.confirmed_on <= d.day and (c.outcome_on is null or c.outcome_on > d.day)
                cross join lateral (select s.care_setting, s.severity from case_state s
                                    where s.case_id = c.id and s.valid_from < (d.day + interval '1 day') at time zone 'Asia/Ho_Chi_Minh'
                                    order by s.valid_from desc, s.id desc limit 1) st
                where""" + " " + where + " group by 1, 2, 3, 4").params(p)
                .query(rs -> {
                    at(days, rs.getString(1), rs.getObject(2, LocalDate.class)).active
                            .add(new Active(rs.getString(3), rs.getString(4), rs.getLong(5)));
                });
        List<Day> out = new ArrayList<>();
        days.forEach((code, byDay) -> byDay.forEach((day, b) ->
                out.add(new Day(code, day, b.newBySource, b.active, b.recovered, b.died, b.transferredOut))));
        return out;
    }

    private static Builder at(Map<String, Map<LocalDate, Builder>> days, String commune, LocalDate day) {
        return days.computeIfAbsent(commune, c -> new TreeMap<>()).computeIfAbsent(day, d -> new Builder());
    }

    private static final class Builder {
        final Map<String, Long> newBySource = new TreeMap<>();
        final List<Active> active = new ArrayList<>();
        long recovered;
        long died;
        long transferredOut;
    }
}
