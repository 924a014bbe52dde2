package vn.phaodai.vaccination.coverage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import vn.phaodai.geography.AdminUnit;
import vn.phaodai.geography.Geography;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coverage (issue 15 §5): of the residents of a unit on a day (population's residents_on, decision 0010), how many
 * had at least one dose, a complete primary course and a booster by that day, per age band and, when asked, per
 * child unit. Numbers only (VACCINATION_READ or AGGREGATE_READ), for a unit inside the user's area.
 * <p>
 * Communes and districts are summed from the tally (CoverageTally: a few rows a commune, whatever the day); villages
 * and days before the tally starts from the residents' facts it is kept from (coverage_fact, a row per resident's
 * span with their milestones), counted per (unit, age in years) first and the overlapping bands joined on those few
 * rows, so the bands never multiply the persons. Both say what residents_on(day) and the doses say (CoverageTallyIT).
 */
@Service
public class VaccinationCoverage {

    public record Figures(String band, String bandName, long residents, long atLeastOneDose, long primaryComplete,
                          long boosted, double atLeastOneDosePercent, double primaryCompletePercent, double boostedPercent) {

        static Figures of(AgeBands.Band b, long residents, long one, long complete, long boosted) {
            return new Figures(b.code(), b.name(), residents, one, complete, boosted, percent(one, residents),
                    percent(complete, residents), percent(boosted, residents));
        }
    }

    /** A unit's figures, one per age band in force that day (the first, ALL, is every resident). */
    public record UnitCoverage(String level, String code, String name, List<Figures> bands) {
    }

    /** recounting: a large recount (after an import) was under way, and the figures are those from before it. */
    public record Report(LocalDate on, UnitCoverage unit, String by, List<UnitCoverage> children, boolean recounting) {
    }

    /** One decimal, half up: 38.5. */
    static double percent(long part, long whole) {
        return whole == 0 ? 0 : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private final JdbcClient jdbc;
    private final Geography geography;
    private final AgeBands bands;
    private final Messages messages;
    private final CoverageTally tally;

    VaccinationCoverage(JdbcClient jdbc, Geography geography, AgeBands bands, Messages messages, CoverageTally tally) {
        this.jdbc = jdbc;
        this.geography = geography;
        this.bands = bands;
        this.messages = messages;
        this.tally = tally;
    }

    PhaodaiUser reader() {
        PhaodaiUser user = CurrentUser.get();
        if (!user.can(Right.VACCINATION_READ) && !user.can(Right.AGGREGATE_READ)) {
            throw new AccessDeniedException(messages.get("vaccination.coverage.noRight"));
        }
        return user;
    }

    /**
     * The unit a unit= value names, if the user's area holds all of it; missing and outside answer the same 404.
     * 2 digits: a province, 3: a district, 5: a commune, v&lt;id&gt;: a village.
     */
    public CoverageUnit unit(String value, Scope scope) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) throw new InvalidInputException("unit", messages.get("vaccination.coverage.unit.required"));
        NotFoundException missing = new NotFoundException(messages.get("vaccination.coverage.unit.notFound", v));
        if (v.matches("[vV]\\d{1,18}")) {
            long id = Long.parseLong(v.substring(1));
            var village = geography.village(id).orElseThrow(() -> missing);
            if (!scope.covers(village.communeCode(), id)) throw missing;
            return new CoverageUnit(CoverageUnit.Level.VILLAGE, CoverageUnit.villageCode(id), village.name(),
                    List.of(village.communeCode()), id);
        }
        CoverageUnit.Level level = switch (v.length()) {
            case 2 -> CoverageUnit.Level.PROVINCE;
            case 3 -> CoverageUnit.Level.DISTRICT;
            case 5 -> CoverageUnit.Level.COMMUNE;
            default -> null;
        };
        if (level == null || !v.chars().allMatch(Character::isDigit)) {
            throw new InvalidInputException("unit", messages.get("vaccination.coverage.unit.invalid", v));
        }
        String name;
        try {
            name = switch (level) {
                case PROVINCE -> geography.province(v).name();
                case DISTRICT -> geography.district(v).name();
                default -> geography.findCommune(v).map(AdminUnit::name).orElseThrow(() -> missing);
            };
        } catch (NotFoundException e) {
            throw missing;
        }
        List<String> communes = List.copyOf(geography.communeCodesWithin(level.name(), List.of(v)));
        if (communes.isEmpty() || !scope.includes(Scope.ofCommunes(Set.copyOf(communes)))) throw missing;
        return new CoverageUnit(level, v, name, communes, null);
    }

    /** by= read: empty for none, else a level below the unit's. */
    CoverageUnit.Level childLevel(String by, CoverageUnit unit) {
        if (by == null || by.isBlank()) return null;
        CoverageUnit.Level level;
        try {
            level = CoverageUnit.Level.valueOf(by.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            level = null;
        }
        if (level == null || !unit.level().above(level)) {
            throw new InvalidInputException("by", messages.get("vaccination.coverage.by.invalid", by.strip()));
        }
        return level;
    }

    /**
     * The day's coverage of the unit named by unit=, and of each of its child units at the level by= names. Communes
     * and districts are read from the tally; villages, and days it does not hold (before 2021, or over a year
     * ahead), from the residents' facts.
     */
    public Report report(String unitValue, LocalDate on, String by) {
        PhaodaiUser user = reader();
        if (on == null) throw new InvalidInputException("on", messages.get("vaccination.coverage.on.required"));
        CoverageUnit unit = unit(unitValue, user.scope());
        CoverageUnit.Level childLevel = childLevel(by, unit);
        List<AgeBands.Band> inForce = bands.on(on);
        boolean recounting = !tally.refreshForRead();
        Map<String, long[]> total = new HashMap<>();
        Map<String, Map<String, long[]>> byChild = new LinkedHashMap<>();
        boolean fromTally = unit.villageId() == null && childLevel != CoverageUnit.Level.VILLAGE && tally.answers(on);
        if (fromTally) fromTally(unit, childLevel, on, inForce, total, byChild);
        else fromFacts(user, unit, childLevel, on, total, byChild);
        UnitCoverage whole = new UnitCoverage(unit.level().param(), unit.code(), unit.name(), figures(inForce, total));
        List<UnitCoverage> children = new ArrayList<>();
        if (childLevel != null) {
            for (String[] child : children(unit, childLevel)) {
                Map<String, long[]> counts = byChild.remove(child[0]);
                if (counts == null && "false".equals(child[2])) continue; // an inactive unit nobody lives in
                children.add(new UnitCoverage(childLevel.param(), childCode(childLevel, child[0]), child[1],
                        figures(inForce, counts == null ? Map.of() : counts)));
            }
            // Residents without a village (or of a unit no longer listed) still count: a row of their own.
            byChild.forEach((k, counts) -> children.add(new UnitCoverage(childLevel.param(), k == null ? null : childCode(childLevel, k),
                    messages.get("vaccination.coverage.unknownUnit"), figures(inForce, counts))));
        }
        return new Report(on, whole, childLevel == null ? null : childLevel.param(), children, recounting);
    }

    /** Per band, the tally's key of its lower age less the key above its upper age, summed per commune or district. */
    private void fromTally(CoverageUnit unit, CoverageUnit.Level childLevel, LocalDate on, List<AgeBands.Band> inForce,
                           Map<String, long[]> total, Map<String, Map<String, long[]>> byChild) {
        Map<String, String> districts = childLevel == CoverageUnit.Level.DISTRICT ? districtsOf(unit.communes()) : Map.of();
        tally.counts(unit.communes(), on).forEach((commune, byAge) -> {
            Map<String, long[]> bandsOfCommune = new HashMap<>();
            long residents = 0;
            for (AgeBands.Band b : inForce) {
                long[] n = new long[4], from = byAge.get(b.minAge()), above = b.maxAge() == null ? null : byAge.get(b.maxAge() + 1);
                for (int m = 0; m < 4; m++) n[m] = (from == null ? 0 : from[m]) - (above == null ? 0 : above[m]);
                bandsOfCommune.put(b.code(), n);
                residents += n[CoverageTally.RESIDENTS];
            }
            if (residents == 0) return; // nobody lives there that day: as if it had no rows
            bandsOfCommune.forEach((band, n) -> {
                add(total, band, n);
                if (childLevel != null) {
                    String key = childLevel == CoverageUnit.Level.DISTRICT ? districts.get(commune) : commune;
                    add(byChild.computeIfAbsent(key, k -> new HashMap<>()), band, n);
                }
            });
        });
    }

    private static void add(Map<String, long[]> into, String band, long[] n) {
        long[] sum = into.computeIfAbsent(band, b -> new long[4]);
        for (int m = 0; m < 4; m++) sum[m] += n[m];
    }

    private Map<String, String> districtsOf(List<String> communes) {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("select code, district_code from commune_card where code = any(?)").param(communes.toArray(String[]::new))
                .query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    /** One set-based query over the residents' facts of the unit (villages, and days before the tally starts). */
    private void fromFacts(PhaodaiUser user, CoverageUnit unit, CoverageUnit.Level childLevel, LocalDate on,
                           Map<String, long[]> total, Map<String, Map<String, long[]>> byChild) {
        String key = childLevel == null ? "cast(null as text)" : switch (childLevel) {
            case DISTRICT -> "c.district_code";
            case COMMUNE -> "r.commune_code";
            default -> "cast(r.village_id as text)";
        };
        String join = childLevel == CoverageUnit.Level.DISTRICT ? "join commune_card c on c.code = r.commune_code" : "";
        String place = unit.villageId() != null ? "r.village_id = :village" : "r.commune_code = any(cast(:communes as text[]))";
        Map<String, Object> p = new HashMap<>(user.scope().params());
        p.put("on", on);
        p.put("communes", unit.communes().toArray(String[]::new));
        p.put("village", unit.villageId());
        jdbc.sql(COUNTS.formatted(key, join, place, user.scope().condition("r.commune_code", "r.village_id"),
                        childLevel == null ? "(b.code)" : "(b.code), (b.code, a.unit_key)",
                        childLevel == null ? "true" : "grouping(a.unit_key) = 1",
                        childLevel == null ? "cast(null as text)" : "a.unit_key"))
                .params(p).query(rs -> {
                    long[] n = {rs.getLong("residents"), rs.getLong("one"), rs.getLong("complete"), rs.getLong("boosted")};
                    if (rs.getBoolean("whole")) total.put(rs.getString("band"), n);
                    else byChild.computeIfAbsent(rs.getString("unit_key"), k -> new HashMap<>()).put(rs.getString("band"), n);
                });
    }

    private static String childCode(CoverageUnit.Level level, String key) {
        return level == CoverageUnit.Level.VILLAGE ? CoverageUnit.villageCode(Long.parseLong(key)) : key;
    }

    private static List<Figures> figures(List<AgeBands.Band> inForce, Map<String, long[]> counts) {
        List<Figures> out = new ArrayList<>();
        for (AgeBands.Band b : inForce) {
            long[] n = counts.getOrDefault(b.code(), new long[4]);
            out.add(Figures.of(b, n[0], n[1], n[2], n[3]));
        }
        return out;
    }

    /** The child units (key, name, active), in the order of their codes (villages: names, numbers as numbers). */
    private List<String[]> children(CoverageUnit unit, CoverageUnit.Level level) {
        Object[] communes = unit.communes().toArray(String[]::new);
        return switch (level) {
            case DISTRICT -> jdbc.sql("""
                    select district_code, min(district_name), bool_or(active) from commune_card where code = any(?)
                    group by district_code order by district_code""").param(communes)
                    .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2), String.valueOf(rs.getBoolean(3))}).list();
            case COMMUNE -> jdbc.sql("select code, name, active from commune_card where code = any(?) order by code").param(communes)
                    .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2), String.valueOf(rs.getBoolean(3))}).list();
            default -> jdbc.sql("""
                    select v.id, v.name, v.active from village_card v where v.commune_code = any(?)
                    order by v.commune_code, regexp_replace(v.name, '\\d+', ''),
                             nullif(regexp_replace(v.name, '\\D', '', 'g'), '')::bigint nulls first, v.name""").param(communes)
                    .query((rs, i) -> new String[]{String.valueOf(rs.getLong(1)), rs.getString(2), String.valueOf(rs.getBoolean(3))}).list();
        };
    }

    /**
     * Age in whole years on the day from the date of birth, or from the birth year alone (as the registers count
     * "born in 2010") when only the year is known. The same expression picks the unvaccinated list's band.
     */
    static String age(String alias) {
        return """
                case when %1$s.date_of_birth is not null then extract(year from age(cast(:on as date), %1$s.date_of_birth))::int
                     else extract(year from cast(:on as date))::int - %1$s.birth_year end""".formatted(alias);
    }

    static final String AGE = age("p");

    /**
     * Per resident's span covering the day (coverage_fact: the residents' places, births and milestones, kept with
     * the tally): a dose, the primary course complete and a booster by the day when the milestone is on or before
     * it. Then counts per (unit, age), then per band, for the unit and each child.
     */
    private static final String COUNTS = """
            with per_age as (
                select %1$s as unit_key, """ + age("r") + """
             as age, count(*) as residents,
                       count(*) filter (where r.first_on <= cast(:on as date)) as one,
                       count(*) filter (where r.complete_on <= cast(:on as date)) as complete,
                       count(*) filter (where r.boosted_on <= cast(:on as date)) as boosted
                from coverage_fact r %2$s
                where %3$s and %4$s
                  and (r.since is null or r.since <= cast(:on as date)) and (r.until is null or r.until > cast(:on as date))
                group by 1, 2)
            select b.code as band, %7$s as unit_key, %6$s as whole, sum(a.residents) as residents,
                   sum(a.one) as one, sum(a.complete) as complete, sum(a.boosted) as boosted
            from per_age a join coverage_age_band b on a.age >= b.min_age and (b.max_age is null or a.age <= b.max_age)
            where b.valid_from <= cast(:on as date) and (b.valid_to is null or b.valid_to > cast(:on as date))
            group by grouping sets (%5$s)""";
}
