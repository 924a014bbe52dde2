package vn.phaodai.testing.screening;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.security.AuditLog;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.Messages;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.PageResult;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * "Không bỏ sót người, sót hộ": who of a campaign's area has been sampled in it, by village and by household.
 * The registry (population's residents_on: who lived in the area that day) says who should be; a sample with the campaign's id says who was. Each answer
 * is one set-based query, whatever the number of villages.
 */
@Service
public class CampaignCoverage {

    /** Persons without a village are grouped under this name. */
    private static final String NO_VILLAGE = "testing.coverage.unknownVillage";

    public record Figures(Long villageId, String villageName, long persons, long sampled, double coveragePercent,
                          long households, long unsampledHouseholds, long sampledHouseholds) {

        static Figures of(Long villageId, String villageName, long persons, long sampled, long households,
                          long unsampledHouseholds, long sampledHouseholds) {
            double percent = persons == 0 ? 0 : BigDecimal.valueOf(sampled * 100.0 / persons).setScale(1, RoundingMode.HALF_UP).doubleValue();
            return new Figures(villageId, villageName, persons, sampled, percent, households, unsampledHouseholds, sampledHouseholds);
        }
    }

    public record Report(Campaign campaign, Figures total, List<Figures> villages) {
    }

    public record UnsampledPerson(long id, String fullName, int birthYear, String sex, Long villageId, String villageName,
                                  String address, String phone, Long householdId) {

        /** 0912 345 678 rather than +84912345678, as officials write it. */
        public String phoneDisplay() {
            return vn.phaodai.shared.Display.phone(phone);
        }
    }

    public record UnsampledHousehold(long householdId, Long villageId, String villageName, String address, int members,
                                     String memberNames) {
    }

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final AuditLog audit;
    private final ApplicationClock clock;
    private final Messages messages;

    CampaignCoverage(JdbcClient jdbc, Campaigns campaigns, AuditLog audit, ApplicationClock clock, Messages messages) {
        this.messages = messages;
        this.clock = clock;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.audit = audit;
    }

    /**
     * The campaign's target persons: the residents of its area on the campaign's day (population's published
     * residents_on, the one denominator), in the reader's jurisdiction, each with whether sampled. The place is
     * where they resided that day; name, address and household are the card's.
     */
    private static String target(Scope scope) {
        return """
                with done as (select distinct person_id from sample where campaign_id = :campaign),
                target as (
                    select p.id, p.full_name, p.sex, p.birth_year, p.phone, p.address, p.household_id,
                           r.commune_code, r.village_id, d.person_id is not null as sampled
                    from residents_on(cast(:residentsOn as date)) r join person_card p on p.id = r.person_id
                    left join done d on d.person_id = r.person_id
                    where r.commune_code = any(cast(:communes as text[]))
                      and (r.village_id = any(cast(:villages as bigint[])) or not r.commune_code = any(cast(:villageCommunes as text[])))
                      and %s)
                """.formatted(scope.condition("r.commune_code", "r.village_id"));
    }

    /** Whom a campaign counts: residents on today's date while it runs, on its first day before, on its last day after. */
    static LocalDate residentsOn(Campaign c, LocalDate today) {
        return today.isBefore(c.startsOn()) ? c.startsOn() : today.isAfter(c.endsOn()) ? c.endsOn() : today;
    }

    private Map<String, Object> params(Campaign c, Scope scope) {
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("campaign", c.id());
        p.put("communes", c.communeCodes().toArray(String[]::new));
        p.put("villages", c.villageIds().toArray(Long[]::new));
        p.put("villageCommunes", campaigns.villageCommunes(c).toArray(String[]::new));
        p.put("residentsOn", residentsOn(c, clock.today()));
        return p;
    }

    @Transactional(readOnly = true)
    public Report report(long campaignId) {
        Scope scope = CurrentUser.require(Right.TESTING_READ).scope();
        Campaign c = campaigns.find(campaignId, scope);
        List<Figures> villages = jdbc.sql(target(scope) + """
                , per_person as (
                    select village_id, count(*) as persons, count(*) filter (where sampled) as sampled
                    from target group by village_id),
                per_household as (
                    select village_id, count(*) as households,
                           count(*) filter (where not any_sampled) as missed, count(*) filter (where all_sampled) as complete
                    from (select village_id, household_id, bool_or(sampled) as any_sampled, bool_and(sampled) as all_sampled
                          from target where household_id is not null group by village_id, household_id) h
                    group by village_id)
                select pp.village_id, v.name, pp.persons, pp.sampled,
                       coalesce(ph.households, 0) as households, coalesce(ph.missed, 0) as missed, coalesce(ph.complete, 0) as complete
                from per_person pp
                left join per_household ph on ph.village_id is not distinct from pp.village_id
                left join village_card v on v.id = pp.village_id
                order by v.name nulls last, pp.village_id""")
                .params(params(c, scope))
                .query((rs, i) -> Figures.of((Long) rs.getObject("village_id"),
                        rs.getString("name") == null ? messages.get(NO_VILLAGE) : rs.getString("name"), rs.getLong("persons"),
                        rs.getLong("sampled"), rs.getLong("households"), rs.getLong("missed"), rs.getLong("complete")))
                .list();
        // A household split over two villages counts in each: the table adds up to its total row.
        Figures total = Figures.of(null, null, sum(villages, Figures::persons), sum(villages, Figures::sampled),
                sum(villages, Figures::households), sum(villages, Figures::unsampledHouseholds), sum(villages, Figures::sampledHouseholds));
        return new Report(c, total, villages);
    }

    private static long sum(List<Figures> rows, java.util.function.ToLongFunction<Figures> f) {
        return rows.stream().mapToLong(f).sum();
    }

    /** Names, villages and phones of persons: a door-to-door list, for those who may see at least that much. */
    private PhaodaiUser listReader() {
        PhaodaiUser user = CurrentUser.require(Right.TESTING_READ);
        if (!user.can(Right.PERSON_READ) && !user.can(Right.PERSON_READ_BASIC)) {
            throw new AccessDeniedException(messages.get("testing.coverage.noPersonalData"));
        }
        return user;
    }

    private static final String UNSAMPLED = """
            select t.id, t.full_name, t.birth_year, t.sex, t.village_id, v.name as village_name, t.address, t.phone, t.household_id
            from target t left join village_card v on v.id = t.village_id
            where not t.sampled and %s
            order by v.name nulls last, t.village_id, t.household_id nulls last, t.full_name, t.id""";

    /** Persons of the area not yet sampled, by village, household and name; village 0 means "no village". */
    @Transactional // not read-only: the list writes its audit entry
    public PageResult<UnsampledPerson> unsampled(long campaignId, Long village, int page, int size) {
        Scope scope = listReader().scope();
        Campaign c = campaigns.find(campaignId, scope);
        Map<String, Object> p = params(c, scope);
        String villageFilter = village == null ? "true" : village == 0 ? "t.village_id is null" : "t.village_id = :village";
        p.put("village", village);
        long total = jdbc.sql(target(scope) + "select count(*) from target t where not t.sampled and " + villageFilter)
                .params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<UnsampledPerson> items = jdbc.sql(target(scope) + UNSAMPLED.formatted(villageFilter) + " limit :limit offset :offset")
                .params(p).query((rs, i) -> person(rs, messages.get(NO_VILLAGE))).list();
        audit.recordShown("screening_campaign", AuditLog.criteria("campaign", campaignId, "list", "unsampled", "village", village),
                items, UnsampledPerson::id);
        return new PageResult<>(items, total, page, size);
    }

    private static UnsampledPerson person(java.sql.ResultSet rs, String noVillage) throws java.sql.SQLException {
        String village = rs.getString("village_name");
        return new UnsampledPerson(rs.getLong("id"), rs.getString("full_name"), rs.getInt("birth_year"), rs.getString("sex"),
                (Long) rs.getObject("village_id"), village == null ? noVillage : village, rs.getString("address"),
                rs.getString("phone"), (Long) rs.getObject("household_id"));
    }

    /**
     * Households of which no member of the area has been sampled ("hộ sót"). The address is the members' (the
     * registry publishes persons, not household rows), the most frequent one.
     */
    @Transactional // not read-only: the list writes its audit entry
    public PageResult<UnsampledHousehold> unsampledHouseholds(long campaignId, int page, int size) {
        Scope scope = listReader().scope();
        Campaign c = campaigns.find(campaignId, scope);
        Map<String, Object> p = params(c, scope);
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<Long> total = new ArrayList<>();
        List<UnsampledHousehold> items = jdbc.sql(target(scope) + """
                , missed as (
                    select household_id, mode() within group (order by village_id) as village_id,
                           mode() within group (order by address) as address, count(*) as members,
                           string_agg(full_name, ', ' order by birth_year, full_name) as names
                    from target where household_id is not null
                    group by household_id having not bool_or(sampled))
                select m.*, v.name as village_name, count(*) over () as total
                from missed m left join village_card v on v.id = m.village_id
                order by v.name nulls last, m.village_id, m.address, m.household_id
                limit :limit offset :offset""")
                .params(p).query((rs, i) -> {
                    if (total.isEmpty()) total.add(rs.getLong("total"));
                    String village = rs.getString("village_name");
                    return new UnsampledHousehold(rs.getLong("household_id"), (Long) rs.getObject("village_id"),
                            village == null ? messages.get(NO_VILLAGE) : village, rs.getString("address"), rs.getInt("members"), rs.getString("names"));
                }).list();
        long count = !total.isEmpty() ? total.get(0) : page == 0 ? 0 : unsampledHouseholdCount(c, scope);
        audit.recordShown("screening_campaign", AuditLog.criteria("campaign", campaignId, "list", "unsampled-households",
                "households", items.stream().map(UnsampledHousehold::householdId).toList()), List.of());
        return new PageResult<>(items, count, page, size);
    }

    private long unsampledHouseholdCount(Campaign c, Scope scope) {
        return jdbc.sql(target(scope) + """
                select count(*) from (select household_id from target where household_id is not null
                                      group by household_id having not bool_or(sampled)) m""")
                .params(params(c, scope)).query(Long.class).single();
    }

    /** Checks the reader first, then opens the output and streams the whole unsampled list into a workbook (audited). */
    @Transactional // not read-only: the audit entry is written in it
    public void export(long campaignId, Long village, IoSupplier<OutputStream> output) throws IOException {
        PhaodaiUser user = listReader();
        if (!user.can(Right.PERSON_EXPORT)) throw new AccessDeniedException(messages.get("testing.coverage.noExport"));
        Scope scope = user.scope();
        Campaign c = campaigns.find(campaignId, scope);
        audit.record("EXPORT", "screening_campaign", c.id(), null, Map.of("list", "unsampled", "village", String.valueOf(village)));
        Map<String, Object> p = params(c, scope);
        p.put("village", village);
        p.put("limit", CampaignExport.MAX_ROWS);
        String villageFilter = village == null ? "true" : village == 0 ? "t.village_id is null" : "t.village_id = :village";
        String noVillage = messages.get(NO_VILLAGE);
        CampaignExport.write(output.get(), messages, sink -> jdbc.sql(target(scope) + UNSAMPLED.formatted(villageFilter) + " limit :limit")
                .params(p).query(rs -> {
                    sink.accept(person(rs, noVillage));
                }));
    }

    @FunctionalInterface
    public interface IoSupplier<T> {
        T get() throws IOException;
    }
}
