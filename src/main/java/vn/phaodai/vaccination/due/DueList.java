package vn.phaodai.vaccination.due;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.geography.Geography;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;
import vn.phaodai.vaccination.rules.DoseJudge;
import vn.phaodai.vaccination.rules.VaccinationRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Who is due or overdue for their next dose on a day, by the rules in force that day: the commune's residents on the
 * day and their doses read in one query, each judged in memory by {@link DoseJudge#next} (the rule the person's page
 * shows), then ordered by priority group, overdue first, oldest first.
 */
@Service
public class DueList {

    /** The most rows an export or a printed sheet holds. */
    public static final int MAX_ROWS = 100_000;

    /** Who is due or overdue for their next dose on a day, by the rules in force that day. */
    public record Criteria(String commune /* GSO code, required */, Long village /* null = all */, LocalDate on,
                           String state /* "DUE", "OVERDUE" or null = both */, boolean includeFirstDose, String q) {
    }

    public record Person(long id, String fullName, int birthYear, String sex, Long villageId, String villageName,
                         String phone, String nextKind /* dose kind code, e.g. PRIMARY_2 */, LocalDate dueFrom,
                         LocalDate dueUntil /* null = open-ended */, boolean overdue, Integer priorityGroup /* rank, null = none */) {

        /** 0912 345 678 rather than +84912345678, as officials write it. */
        public String phoneDisplay() {
            return vn.phaodai.shared.Display.phone(phone);
        }
    }

    /** One resident as read: the registry's fields, the birth day the rules use, the doses and infections by then. */
    private record Resident(long id, String fullName, int birthYear, String sex, Long villageId, String villageName, String phone,
                            LocalDate birth, Integer priority, String doses, String infections) {
    }

    private final JdbcClient jdbc;
    private final Geography geography;
    private final VaccinationRules rules;
    private final DoseJudge judge;
    private final DueGrace grace;
    private final AuditLog audit;
    private final Messages messages;

    DueList(JdbcClient jdbc, Geography geography, VaccinationRules rules, DoseJudge judge, DueGrace grace, AuditLog audit, Messages messages) {
        this.jdbc = jdbc;
        this.geography = geography;
        this.rules = rules;
        this.judge = judge;
        this.grace = grace;
        this.audit = audit;
        this.messages = messages;
    }

    /** A page with its total, checked against the current user's scope (404-equivalent empty outside it), audited. */
    @Transactional // not read-only: the list writes its audit entry
    public PageResult<Person> list(Criteria c, int page, int size) {
        return list(c, null, page, size);
    }

    /** The same, of the persons of one priority group (its rank) when group is not null. */
    @Transactional
    public PageResult<Person> list(Criteria c, Integer group, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_READ);
        List<Person> all = due(checked(c, group, user.scope()), user.scope(), group);
        int from = (int) Math.min((long) page * size, all.size());
        List<Person> items = List.copyOf(all.subList(from, Math.min(from + size, all.size())));
        audit.recordShown("vaccine_dose", criteria(c, group, "due"), items, Person::id);
        return new PageResult<>(items, all.size(), page, size);
    }

    /** The whole list (up to MAX_ROWS) to a sink: the printed sheet and the workbook. */
    @Transactional
    public void all(Criteria c, Integer group, boolean export, Consumer<Person> sink) {
        PhaodaiUser user = CurrentUser.require(Right.VACCINATION_READ);
        if (export && !user.can(Right.PERSON_EXPORT)) throw new AccessDeniedException(messages.get("vaccination.unvaccinated.noExport"));
        List<Person> all = due(checked(c, group, user.scope()), user.scope(), group);
        List<Person> rows = all.subList(0, Math.min(all.size(), MAX_ROWS));
        rows.forEach(sink);
        if (export) audit.record("EXPORT", "vaccine_dose", null, null, criteria(c, group, "due"));
        else audit.recordShown("vaccine_dose", criteria(c, group, "due-sheet"), rows.stream().map(Person::id).toList());
    }

    /**
     * For sessions: up to `limit` person ids of the commune due on `on` (first doses included when includeFirstDose),
     * priority groups first (lowest rank first), then overdue first, then oldest first; skipping `exclude`.
     * No scope check and no audit: the caller (sessions) has checked the commune and audits what it shows.
     */
    @Transactional(readOnly = true)
    public List<Long> draw(String commune, LocalDate on, boolean includeFirstDose, int limit, Collection<Long> exclude) {
        Set<Long> skip = exclude == null ? Set.of() : new HashSet<>(exclude);
        Criteria c = new Criteria(commune, null, on, null, includeFirstDose, null);
        List<Long> out = new ArrayList<>();
        for (Person p : due(c, Scope.EVERYTHING, null)) {
            if (out.size() >= limit) break;
            if (!skip.contains(p.id())) out.add(p.id());
        }
        return out;
    }

    private static Map<String, Object> criteria(Criteria c, Integer group, String list) {
        return AuditLog.criteria("list", list, "commune", c.commune(), "village", c.village(), "on", String.valueOf(c.on()),
                "state", c.state(), "first", c.includeFirstDose(), "group", group, "q", c.q());
    }

    /** The criteria checked: a commune (and a village of it) inside the area, a known state and group. */
    private Criteria checked(Criteria c, Integer group, Scope scope) {
        if (c.commune() == null || c.commune().isBlank()) {
            throw new InvalidInputException("commune", messages.get("vaccination.unvaccinated.commune.required"));
        }
        if (c.on() == null) throw new InvalidInputException("on", messages.get("vaccination.coverage.on.required"));
        String commune = c.commune().strip();
        NotFoundException missing = new NotFoundException(messages.get("vaccination.coverage.unit.notFound", commune));
        if (geography.findCommune(commune).isEmpty()) throw missing;
        if (!scope.covers(commune, null) && !scope.villageCommunes().contains(commune)) throw missing;
        if (c.village() != null) {
            var v = geography.village(c.village()).filter(x -> x.communeCode().equals(commune))
                    .orElseThrow(() -> new NotFoundException(messages.get("vaccination.coverage.unit.notFound", "v" + c.village())));
            if (!scope.covers(commune, v.id())) throw new NotFoundException(messages.get("vaccination.coverage.unit.notFound", "v" + v.id()));
        }
        String state = c.state() == null || c.state().isBlank() ? null : c.state().strip();
        if (state != null && !state.equals("DUE") && !state.equals("OVERDUE")) {
            throw new InvalidInputException("state", messages.get("vaccination.due.state.invalid", state));
        }
        if (group != null && (group < 1 || group > 99)) {
            throw new InvalidInputException("group", messages.get("vaccination.due.group.invalid", group));
        }
        return new Criteria(commune, c.village(), c.on(), state, c.includeFirstDose(), c.q());
    }

    /** The persons due on the day, in the list's order. */
    private List<Person> due(Criteria c, Scope scope, Integer group) {
        VaccinationRules.Snapshot snapshot = rules.now();
        DueGrace.Days graces = grace.on(c.on());
        List<Person> out = new ArrayList<>();
        for (Resident r : residents(c, scope, group)) {
            DoseJudge.Facts facts = new DoseJudge.Facts(r.birth(), doses(r.doses()), days(r.infections()));
            DoseJudge.NextDose next = judge.nextWithoutReasons(snapshot, facts, c.on()).orElse(null);
            if (next == null || next.from().isAfter(c.on())) continue;
            if (!c.includeFirstDose() && facts.doses().isEmpty()) continue;
            boolean overdue = next.until() != null ? next.until().isBefore(c.on())
                    : graces.of(next.kind()).map(d -> next.from().plusDays(d).isBefore(c.on())).orElse(false);
            if ("DUE".equals(c.state()) && overdue || "OVERDUE".equals(c.state()) && !overdue) continue;
            out.add(new Person(r.id(), r.fullName(), r.birthYear(), r.sex(), r.villageId(),
                    r.villageName() == null ? messages.get("vaccination.coverage.noVillage") : r.villageName(), r.phone(),
                    next.kind(), next.from(), next.until(), overdue, r.priority()));
        }
        out.sort(ORDER);
        return out;
    }

    /** Priority rank (none last), overdue first, oldest first (the birth year, then the id, for a stable order). */
    private static final Comparator<Person> ORDER = Comparator
            .comparing(Person::priorityGroup, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Person::overdue, Comparator.reverseOrder())
            .thenComparingInt(Person::birthYear)
            .thenComparingLong(Person::id);

    /**
     * The commune's residents on the day with their doses and infections by then, aggregated per person in the same
     * query (vaccine_dose_coverage and covid_case_person serve the correlated reads). Without first doses, persons
     * with no dose are left out in SQL already; a person with a second booster has nothing more due.
     */
    private List<Resident> residents(Criteria c, Scope scope, Integer group) {
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("commune", c.commune());
        p.put("village", c.village());
        p.put("on", c.on());
        p.put("group", group);
        String q = c.q() == null ? "" : c.q().strip();
        // Part of a name, accents and case ignored; % and _ typed are letters, not wildcards.
        p.put("q", q.isEmpty() ? null : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        String sql = """
                select p.id, p.full_name, p.birth_year, p.sex, r.village_id, v.name as village_name, p.phone,
                       coalesce(p.date_of_birth, make_date(p.birth_year, 1, 1)) as birth,
                       (select min(g.group_rank) from person_priority_group g where g.person_id = p.id) as priority,
                       d.doses,
                       (select string_agg(k.confirmed_on::text, ',') from case_card k where k.person_id = p.id
                          and k.status <> 'DISCARDED' and k.confirmed_on <= cast(:on as date)) as infections
                from residents_on(cast(:on as date)) r join person_card p on p.id = r.person_id
                left join village_card v on v.id = r.village_id
                left join lateral (select string_agg(x.dose_kind || ' ' || x.product_code || ' ' || x.given_on, ',') as doses,
                                          bool_or(x.dose_kind = 'BOOSTER_2') as done
                                   from vaccine_dose x where x.person_id = p.id and x.given_on <= cast(:on as date)) d on true
                where r.commune_code = :commune and (cast(:village as bigint) is null or r.village_id = :village) and %s
                  and (cast(:q as text) is null or p.search_name like fold_text(cast(:q as text)))
                  and (cast(:group as integer) is null
                       or exists (select 1 from person_priority_group g where g.person_id = p.id and g.group_rank = :group))
                  and d.done is not true %s"""
                .formatted(scope.condition("r.commune_code", "r.village_id"), c.includeFirstDose() ? "" : "and d.doses is not null");
        return jdbc.sql(sql).params(p).query((rs, i) -> new Resident(rs.getLong("id"), rs.getString("full_name"), rs.getInt("birth_year"),
                rs.getString("sex"), (Long) rs.getObject("village_id"), rs.getString("village_name"), rs.getString("phone"),
                rs.getObject("birth", LocalDate.class), (Integer) rs.getObject("priority"), rs.getString("doses"),
                rs.getString("infections"))).list();
    }

    private static List<DoseJudge.GivenDose> doses(String aggregated) {
        if (aggregated == null) return List.of();
        List<DoseJudge.GivenDose> out = new ArrayList<>();
        for (String d : aggregated.split(",")) {
            String[] f = d.split(" ");
            out.add(new DoseJudge.GivenDose(f[0], f[1], LocalDate.parse(f[2])));
        }
        return out;
    }

    private static List<LocalDate> days(String aggregated) {
        if (aggregated == null) return List.of();
        List<LocalDate> out = new ArrayList<>();
        for (String d : aggregated.split(",")) out.add(LocalDate.parse(d));
        out.sort(Comparator.naturalOrder());
        return out;
    }
}
