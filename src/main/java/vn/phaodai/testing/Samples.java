package vn.phaodai.testing;

import vn.phaodai.testing.results.ResultFields;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.FieldError;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Samples and pools as they are taken, and what a person's tests say. */
@org.springframework.modulith.NamedInterface("api")
@Service
public class Samples {

    static final String COLUMNS = """
            s.id, s.code, s.person_id, s.commune_code, s.test_type, s.reason, s.sampled_at, s.place, s.symptomatic, s.lab_code,
            p.code as pool_code, p.result as pool_result, s.campaign_id, s.result, s.ct, s.result_at, s.retest_required, s.revision""";
    static final RowMapper<Sample> SAMPLE = (rs, i) -> new Sample(rs.getLong("id"), rs.getString("code"), rs.getLong("person_id"),
            rs.getString("commune_code"), rs.getString("test_type"), rs.getString("reason"),
            rs.getObject("sampled_at", OffsetDateTime.class), rs.getString("place"), rs.getBoolean("symptomatic"),
            rs.getString("lab_code"), rs.getString("pool_code"), rs.getString("pool_result"), (Long) rs.getObject("campaign_id"),
            rs.getString("result"), rs.getBigDecimal("ct"), rs.getObject("result_at", OffsetDateTime.class),
            rs.getBoolean("retest_required"), rs.getInt("revision"));

    /** The registry's facts about a person needed here. */
    private record PersonPlace(long id, String communeCode, Long villageId) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final int maxPoolSize;
    private final ResultFields fields;
    private final Messages messages;

    Samples(JdbcClient jdbc, AuditLog audit, @Value("${phaodai.testing.max-pool-size:10}") int maxPoolSize, ResultFields fields,
            Messages messages) {
        this.fields = fields;
        this.messages = messages;
        this.jdbc = jdbc;
        this.audit = audit;
        this.maxPoolSize = maxPoolSize;
    }

    /** Registers a sample; sending the same sample again returns it unchanged (a retry creates nothing). */
    @Transactional
    public Sample register(SampleForm form) {
        PhaodaiUser user = CurrentUser.require(Right.TESTING_WRITE);
        List<FieldError> errors = new ArrayList<>();
        String code = field(errors, "sampleCode", () -> fields.sampleCode(form.sampleCode()));
        String type = field(errors, "testType", () -> required(fields.testType(form.testType()), "testing.sample.typeMissing"));
        String reason = field(errors, "reason", () -> fields.reason(form.reason()));
        OffsetDateTime at = field(errors, "sampledAt", () -> required(fields.time(form.sampledAt(), "testing.field.sampledAt"),
                "testing.sample.sampledAtMissing"));
        if (form.personId() == null) errors.add(new FieldError("personId", messages.get("testing.sample.personMissing")));
        campaignExists(errors, form.campaignId());
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        PersonPlace person = person(form.personId(), user.scope());
        var existing = byCode(code);
        if (existing.isPresent()) return sameSampleAgain(existing.get(), person.id());
        long id = insert(code, person, type, reason == null ? "OTHER" : reason, at, form.place(),
                Boolean.TRUE.equals(form.symptomatic()), form.labCode(), null, form.campaignId());
        audit.record("CREATE", "sample", id, person.id(), Map.of("code", code));
        return byCode(code).orElseThrow();
    }

    private Sample sameSampleAgain(Sample existing, long personId) {
        if (existing.personId() != personId) {
            throw new ConflictException(messages.get("testing.sample.codeTakenByOther", existing.code()), "sampleCode", Map.of());
        }
        return existing;
    }

    /**
     * Registers a pool and its member samples. A pool holds at most the configured number of samples
     * (a household pool: the household's members); the same pool sent again returns it unchanged.
     */
    @Transactional
    public List<Sample> registerPool(PoolForm form) {
        PhaodaiUser user = CurrentUser.require(Right.TESTING_WRITE);
        List<FieldError> errors = new ArrayList<>();
        String code = field(errors, "poolCode", () -> fields.sampleCode(form.poolCode()));
        String type = field(errors, "testType", () -> {
            String t = fields.testType(form.testType());
            return t == null ? "PCR" : t;
        });
        OffsetDateTime at = field(errors, "sampledAt", () -> required(fields.time(form.sampledAt(), "testing.field.sampledAt"),
                "testing.sample.sampledAtMissing"));
        String reason = field(errors, "reason", () -> fields.reason(form.reason()));
        List<PoolForm.Member> members = form.householdId() != null ? householdMembers(form.householdId(), code, user.scope())
                : form.members() == null ? List.of() : form.members();
        int limit = form.householdId() != null ? Math.max(maxPoolSize, members.size()) : campaignPoolSize(form.campaignId());
        campaignExists(errors, form.campaignId());
        if (members.size() < 2) errors.add(new FieldError("members", messages.get("testing.pool.tooFew")));
        if (members.size() > limit) {
            errors.add(new FieldError("members", messages.get("testing.pool.tooMany", String.valueOf(limit), String.valueOf(members.size()))));
        }
        Set<String> codes = new HashSet<>();
        Set<Long> persons = new HashSet<>();
        for (var m : members) {
            field(errors, "members", () -> fields.sampleCode(m.sampleCode()));
            String sample = String.valueOf(m.sampleCode());
            if (m.personId() == null) errors.add(new FieldError("members", messages.get("testing.pool.memberPersonMissing", sample)));
            if (!codes.add(sample)) errors.add(new FieldError("members", messages.get("testing.pool.codeRepeated", sample)));
            if (m.personId() != null && !persons.add(m.personId())) {
                errors.add(new FieldError("members", messages.get("testing.pool.personTwice", String.valueOf(m.personId()))));
            }
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        List<PersonPlace> places = members.stream().map(m -> person(m.personId(), user.scope())).toList();
        Long poolId = jdbc.sql("select id from sample_pool where code = ?").param(code).query(Long.class).optional().orElse(null);
        if (poolId != null) return poolAgain(poolId, code, members);
        poolId = jdbc.sql("""
                insert into sample_pool (code, kind, test_type, commune_code, sampled_at, lab_code)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(code, form.householdId() != null ? "HOUSEHOLD" : "MIXED", type, places.get(0).communeCode(), at, form.labCode())
                .query(Long.class).single();
        for (int i = 0; i < members.size(); i++) {
            if (byCode(members.get(i).sampleCode()).isPresent()) {
                throw new ConflictException(messages.get("testing.sample.codeTaken", members.get(i).sampleCode()), "members", Map.of());
            }
            insert(members.get(i).sampleCode(), places.get(i), type, reason == null ? "SCREENING" : reason, at, null, false,
                    form.labCode(), poolId, form.campaignId());
        }
        audit.record("CREATE", "sample_pool", poolId, null, Map.of("code", code, "members", members.size()));
        return pool(poolId);
    }

    private List<Sample> poolAgain(long poolId, String code, List<PoolForm.Member> members) {
        List<Sample> registered = pool(poolId);
        Set<String> sent = new HashSet<>(members.stream().map(PoolForm.Member::sampleCode).toList());
        Set<String> known = new HashSet<>(registered.stream().map(Sample::code).toList());
        if (!sent.equals(known)) throw new ConflictException(messages.get("testing.pool.codeTaken", code), "poolCode", Map.of());
        return registered;
    }

    private void campaignExists(List<FieldError> errors, Long campaignId) {
        if (campaignId != null && jdbc.sql("select count(*) from screening_campaign where id = ?").param(campaignId)
                .query(Long.class).single() == 0) {
            errors.add(new FieldError("campaignId", messages.get("testing.sample.noCampaign", String.valueOf(campaignId))));
        }
    }

    private int campaignPoolSize(Long campaignId) {
        if (campaignId == null) return maxPoolSize;
        return jdbc.sql("select pool_size from screening_campaign where id = ?").param(campaignId).query(Integer.class)
                .optional().orElse(maxPoolSize);
    }

    private List<PoolForm.Member> householdMembers(long householdId, String poolCode, Scope scope) {
        var params = new HashMap<>(scope.params());
        params.put("household", householdId);
        List<Long> ids = jdbc.sql("select p.id from person_card p where p.household_id = :household and "
                        + scope.condition("p.commune_code", "p.village_id") + " order by p.id")
                .params(params).query(Long.class).list();
        if (ids.isEmpty()) throw new NotFoundException(messages.get("testing.pool.noHousehold", String.valueOf(householdId)));
        List<PoolForm.Member> members = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) members.add(new PoolForm.Member(poolCode + "-" + (i + 1), ids.get(i)));
        return members;
    }

    private long insert(String code, PersonPlace person, String type, String reason, OffsetDateTime at, String place,
                        boolean symptomatic, String labCode, Long poolId, Long campaignId) {
        try {
            return jdbc.sql("""
                    insert into sample (code, person_id, commune_code, village_id, test_type, reason, sampled_at, place, symptomatic,
                                        lab_code, pool_id, campaign_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(code, person.id(), person.communeCode(), person.villageId(), type, reason, at, place, symptomatic,
                            labCode, poolId, campaignId)
                    .query(Long.class).single();
        } catch (DataIntegrityViolationException e) {
            // The code was registered by another request a moment ago (the campaign was checked before).
            throw new ConflictException(messages.get("testing.sample.justRegistered", code), "sampleCode", Map.of());
        }
    }

    private PersonPlace person(long id, Scope scope) {
        var params = new HashMap<>(scope.params());
        params.put("id", id);
        return jdbc.sql("select id, commune_code, village_id from person_card p where id = :id and "
                        + scope.condition("p.commune_code", "p.village_id"))
                .params(params)
                .query((rs, i) -> new PersonPlace(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3))).optional()
                .orElseThrow(() -> new NotFoundException(messages.get("testing.sample.noPerson", String.valueOf(id))));
    }

    private java.util.Optional<Sample> byCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from sample s left join sample_pool p on p.id = s.pool_id where s.code = ?")
                .param(code).query(SAMPLE).optional();
    }

    private List<Sample> pool(long poolId) {
        return jdbc.sql("select " + COLUMNS + " from sample s join sample_pool p on p.id = s.pool_id where s.pool_id = ? order by s.id")
                .param(poolId).query(SAMPLE).list();
    }

    /** A person's samples, newest first (404 outside the jurisdiction). */
    public List<Sample> ofPerson(long personId) {
        PhaodaiUser user = CurrentUser.require(Right.TESTING_READ);
        person(personId, user.scope());
        List<Sample> samples = jdbc.sql("select " + COLUMNS + " from sample s left join sample_pool p on p.id = s.pool_id where s.person_id = ? "
                + "order by s.sampled_at desc, s.id desc").param(personId).query(SAMPLE).list();
        audit.recordShown("sample", Map.of("person", personId), List.of(personId));
        return samples;
    }

    /** A sample's amendments, oldest first. */
    public record Amendment(String resultBefore, java.math.BigDecimal ctBefore, String resultAfter, java.math.BigDecimal ctAfter,
                            String source, String amendedBy, OffsetDateTime amendedAt) {
    }

    public List<Amendment> amendments(long sampleId) {
        PhaodaiUser user = CurrentUser.require(Right.TESTING_READ);
        var params = new HashMap<>(user.scope().params());
        params.put("id", sampleId);
        return jdbc.sql("""
                select a.result_before, a.ct_before, a.result_after, a.ct_after, a.source, a.amended_by, a.amended_at
                from result_amendment a join sample s on s.id = a.sample_id
                where a.sample_id = :id""" + " and " + user.scope().condition("s.commune_code", "s.village_id") + " order by a.id")
                .params(params)
                .query((rs, i) -> new Amendment(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class))).list();
    }

    /** A member of a positive (or invalid) pool still owed a single test. */
    public record Retest(long sampleId, String sampleCode, String poolCode, String poolResult, OffsetDateTime pooledAt,
                         long personId, String fullName, int birthYear, String communeCode, Long villageId, String address,
                         String phone) {
    }

    /** The re-sampling list of a commune (or of the whole jurisdiction): who is still owed a single test. */
    public PageResult<Retest> retests(String communeCode, int page, int size) {
        PhaodaiUser user = CurrentUser.require(Right.TESTING_READ);
        Map<String, Object> params = new HashMap<>(user.scope().params());
        String where = "s.retest_required and " + user.scope().condition("s.commune_code", "s.village_id");
        if (communeCode != null && !communeCode.isBlank()) {
            where += " and s.commune_code = :commune";
            params.put("commune", communeCode);
        }
        long total = jdbc.sql("select count(*) from sample s where " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Retest> items = jdbc.sql("""
                select s.id, s.code, p.code as pool_code, p.result, s.sampled_at, s.person_id, c.full_name, c.birth_year,
                       s.commune_code, s.village_id, c.address, c.phone
                from sample s join sample_pool p on p.id = s.pool_id join person_card c on c.id = s.person_id
                where""" + " " + where + " order by s.sampled_at, s.id limit :limit offset :offset")
                .params(params)
                .query((rs, i) -> new Retest(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getLong(6), rs.getString(7), rs.getInt(8), rs.getString(9),
                        (Long) rs.getObject(10), rs.getString(11), rs.getString(12)))
                .list();
        audit.recordShown("sample", AuditLog.criteria("list", "retests", "commune", communeCode), items, Retest::personId);
        return new PageResult<>(items, total, page, size);
    }

    /** Samples follow their person when two records of the same person are merged. */
    @org.springframework.context.event.EventListener
    void on(vn.phaodai.population.Persons.PersonsMerged merged) {
        jdbc.sql("update sample set person_id = ? where person_id = ?").params(merged.winnerId(), merged.loserId()).update();
    }

    private static <T> T field(List<FieldError> errors, String field, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    private <T> T required(T value, String messageKey) {
        if (value == null) throw new IllegalArgumentException(messages.get(messageKey));
        return value;
    }
}
