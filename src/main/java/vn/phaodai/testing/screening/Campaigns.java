package vn.phaodai.testing.screening;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.geography.Geography;
import vn.phaodai.geography.Village;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Screening campaigns: created inside the user's jurisdiction, listed and read where their area meets it. */
@Service
public class Campaigns {

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private final JdbcClient jdbc;
    private final Geography geography;
    private final AuditLog audit;
    private final Messages messages;

    Campaigns(JdbcClient jdbc, Geography geography, AuditLog audit, Messages messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.geography = geography;
        this.audit = audit;
    }

    @Transactional
    public Campaign create(CampaignForm form) {
        PhaodaiUser user = CurrentUser.require(Right.TESTING_WRITE);
        List<FieldError> errors = new ArrayList<>();
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) errors.add(new FieldError("name", messages.get("testing.campaign.nameRequired")));

        Set<String> communes = new LinkedHashSet<>();
        for (String code : form.communeCodes() == null ? List.<String>of() : form.communeCodes()) {
            if (code == null || code.isBlank()) continue;
            if (geography.findCommune(code.strip()).isEmpty()) {
                errors.add(new FieldError("communeCodes", messages.get("testing.campaign.noCommune", code.strip())));
            } else {
                communes.add(code.strip());
            }
        }
        List<Village> villages = new ArrayList<>();
        for (Long id : form.villageIds() == null ? List.<Long>of() : form.villageIds()) {
            if (id == null || villages.stream().anyMatch(v -> v.id() == id)) continue;
            geography.village(id).ifPresentOrElse(villages::add,
                    () -> errors.add(new FieldError("villageIds", messages.get("testing.campaign.noVillage", String.valueOf(id)))));
        }
        boolean villagesAlone = communes.isEmpty();
        for (Village v : villages) {
            if (!villagesAlone && !communes.contains(v.communeCode())) {
                errors.add(new FieldError("villageIds", messages.get("testing.campaign.villageNotInCommunes", v.name())));
            }
        }
        // Villages given alone: the campaign covers those villages, in their communes.
        if (villagesAlone) villages.forEach(v -> communes.add(v.communeCode()));
        if (communes.isEmpty() && errors.stream().noneMatch(e -> e.field().startsWith("commune") || e.field().startsWith("village"))) {
            errors.add(new FieldError("communeCodes", messages.get("testing.campaign.areaRequired")));
        }

        LocalDate starts = date(form.startsOn(), "startsOn", "testing.campaign.startsOn", errors);
        LocalDate ends = date(form.endsOn(), "endsOn", "testing.campaign.endsOn", errors);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.add(new FieldError("endsOn", messages.get("testing.campaign.endsBeforeStart")));
        }
        String testType = form.testType() == null ? "" : form.testType().strip().toUpperCase();
        if (!testType.equals("RAPID") && !testType.equals("PCR")) {
            errors.add(new FieldError("testType", messages.get("testing.campaign.testType")));
        }
        Integer pool = form.poolSize();
        if (pool != null && (pool < 2 || pool > 20)) {
            errors.add(new FieldError("poolSize", messages.get("testing.campaign.poolRange")));
        } else if (pool != null && testType.equals("RAPID")) {
            errors.add(new FieldError("poolSize", messages.get("testing.campaign.poolPcrOnly")));
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);

        Scope scope = user.scope();
        for (String c : communes) {
            boolean onlyVillages = villages.stream().anyMatch(v -> v.communeCode().equals(c));
            if (!onlyVillages && !scope.covers(c, null)) {
                throw new AccessDeniedException(messages.get("testing.campaign.communeOutside", c));
            }
        }
        for (Village v : villages) {
            if (!scope.covers(v.communeCode(), v.id())) {
                throw new AccessDeniedException(messages.get("testing.campaign.villageOutside", v.name()));
            }
        }

        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("communes", communes.toArray(String[]::new));
        p.put("villages", villages.stream().map(Village::id).toArray(Long[]::new));
        p.put("starts", starts);
        p.put("ends", ends);
        p.put("testType", testType);
        p.put("pool", pool);
        p.put("user", user.username());
        // The same form sent again (a retry after a timeout) gives back the campaign it created.
        var again = jdbc.sql("""
                select * from screening_campaign where name = :name and commune_codes = cast(:communes as varchar(5)[])
                  and village_ids = cast(:villages as bigint[]) and starts_on = :starts and ends_on = :ends
                  and test_type = :testType and pool_size is not distinct from cast(:pool as smallint) and created_by = :user""")
                .params(p).query(Campaign::of).optional();
        if (again.isPresent()) return again.get();
        Campaign created = jdbc.sql("""
                insert into screening_campaign (name, commune_codes, village_ids, starts_on, ends_on, test_type, pool_size, created_by)
                values (:name, cast(:communes as varchar(5)[]), cast(:villages as bigint[]), :starts, :ends, :testType,
                        cast(:pool as smallint), :user)
                returning *""").params(p).query(Campaign::of).single();
        audit.record("CREATE", "screening_campaign", created.id(), null, Map.of("after", created));
        return created;
    }

    private LocalDate date(String text, String field, String labelKey, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, messages.get("testing.campaign.dateRequired", messages.get(labelKey))));
            return null;
        }
        String t = text.strip();
        try {
            return t.contains("/") ? LocalDate.parse(t, VN_DATE) : LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, messages.get("testing.campaign.dateInvalid", messages.get(labelKey))));
            return null;
        }
    }

    /** Campaigns whose area meets the user's jurisdiction, newest first. */
    public PageResult<Campaign> list(int page, int size) {
        Scope scope = CurrentUser.require(Right.TESTING_READ).scope();
        Map<String, Object> p = params(scope);
        long total = jdbc.sql("select count(*) from screening_campaign c where " + meets(scope)).params(p).query(Long.class).single();
        p.put("limit", size);
        p.put("offset", (long) page * size);
        List<Campaign> items = jdbc.sql("select * from screening_campaign c where " + meets(scope)
                        + " order by c.starts_on desc, c.id desc limit :limit offset :offset")
                .params(p).query(Campaign::of).list();
        return new PageResult<>(items, total, page, size);
    }

    /** A campaign of the user's jurisdiction; any other does not exist for them. */
    public Campaign get(long id) {
        Scope scope = CurrentUser.require(Right.TESTING_READ).scope();
        return find(id, scope);
    }

    Campaign find(long id, Scope scope) {
        Map<String, Object> p = params(scope);
        p.put("id", id);
        return jdbc.sql("select * from screening_campaign c where c.id = :id and " + meets(scope)).params(p)
                .query(Campaign::of).optional()
                .orElseThrow(() -> new NotFoundException(messages.get("testing.campaign.notFound", String.valueOf(id))));
    }

    /** Communes in which the campaign lists villages: there it covers only those villages. */
    Set<String> villageCommunes(Campaign c) {
        Set<String> codes = new LinkedHashSet<>();
        c.villageIds().forEach(id -> geography.village(id).map(Village::communeCode).ifPresent(codes::add));
        return codes;
    }

    private static Map<String, Object> params(Scope scope) {
        Map<String, Object> p = new HashMap<>(scope.params());
        p.put("scopeVillageCommunes", scope.villageCommunes().toArray(String[]::new));
        return p;
    }

    /**
     * Whether a campaign's area meets the scope: a commune of it, a village of it, or a commune taken whole
     * (no village of it listed) that holds a village of the scope.
     */
    private static String meets(Scope scope) {
        if (scope.everything()) return "true";
        return """
                (cast(c.commune_codes as text[]) && cast(:scopeCommunes as text[])
                 or c.village_ids && cast(:scopeVillages as bigint[])
                 or exists (select 1 from unnest(c.commune_codes) cc where cc = any(cast(:scopeVillageCommunes as text[]))
                            and not exists (select 1 from village_card v where v.id = any(c.village_ids) and v.commune_code = cc)))""";
    }
}
