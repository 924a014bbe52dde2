package vn.phaodai.population;

import vn.phaodai.population.registry.PersonData;
import vn.phaodai.population.spreadsheets.PersonExport;
import vn.phaodai.population.registry.PersonRepository;
import vn.phaodai.population.registry.PersonRules;
import vn.phaodai.population.registry.PersonSearch;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.security.access.AccessDeniedException;
import vn.phaodai.geography.Geography;
import vn.phaodai.security.AuditLog;
import vn.phaodai.security.CurrentUser;
import vn.phaodai.security.PhaodaiUser;
import vn.phaodai.security.Right;
import vn.phaodai.security.Scope;
import vn.phaodai.shared.ApplicationClock;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.InvalidInputException;
import vn.phaodai.shared.Messages;
import vn.phaodai.shared.NotFoundException;
import vn.phaodai.shared.PageResult;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The population registry: create, change, find and merge persons. */
@Service
public class Persons {

    /** Names at least this similar (trigram), with the same birth and commune, are flagged as possible duplicates. */
    static final double SIMILAR_NAME = 0.6;

    private final PersonRepository repository;
    private final PersonSearch search;
    private final JdbcClient jdbc;
    private final Geography geography;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final AuditLog audit;
    private final PersonExport exporter;
    /** The age from which a person is expected to hold a CCCD/CMND: younger ones are not on the worklist. */
    private final int nationalIdAge;
    private final ApplicationClock clock;
    private final Messages messages;

    Persons(PersonRepository repository, PersonSearch search, JdbcClient jdbc, Geography geography,
            ApplicationEventPublisher events, JsonMapper json, AuditLog audit, PersonExport exporter,
            @Value("${phaodai.population.national-id-required-from-age:14}") int nationalIdAge, ApplicationClock clock,
            Messages messages) {
        this.clock = clock;
        this.messages = messages;
        this.repository = repository;
        this.search = search;
        this.jdbc = jdbc;
        this.geography = geography;
        this.events = events;
        this.json = json;
        this.audit = audit;
        this.exporter = exporter;
        this.nationalIdAge = nationalIdAge;
    }

    /** A new person and the existing records that look like the same person. */
    public record Created(Person person, List<PersonRepository.Candidate> duplicateCandidates) {
    }

    /**
     * Creates a person. The same ID number, or the same name, birth and commune, is the same person:
     * refused with 409 naming the existing record (a re-sent form creates nothing). A very similar name
     * with the same birth and commune is created but flagged for an officer to merge or dismiss.
     */
    @Transactional
    public Created create(PersonForm form) {
        PhaodaiUser user = CurrentUser.require(Right.PERSON_WRITE);
        PersonData d = rules().validate(form);
        requireInScope(user, d);
        audit.holdLane(); // the lane before the identity, as every writer does (see AuditLog.holdLane)
        repository.lockIdentity(d); // the same form sent twice at once: the second waits, then finds the first
        refuseSamePerson(d, 0, user.scope());
        long id = repository.insert(d);
        List<PersonRepository.Candidate> candidates = repository.similar(id, SIMILAR_NAME, user.scope());
        for (var c : candidates) repository.flagDuplicate(id, c.id(), "NAME_BIRTH_COMMUNE", c.score());
        Person created = repository.find(id, user.scope()).orElseThrow();
        audit.record("CREATE", "person", id, id, Map.of("after", created));
        return new Created(created, candidates);
    }

    /** Writing a record into a commune outside one's jurisdiction is refused (403). */
    private void requireInScope(PhaodaiUser user, PersonData d) {
        if (!user.scope().covers(d.communeCode(), d.villageId())) {
            throw new AccessDeniedException(messages.get("population.commune.outsideJurisdiction", d.communeCode()));
        }
    }

    @Transactional
    public Person update(long id, PersonForm form) {
        PhaodaiUser user = CurrentUser.require(Right.PERSON_WRITE);
        Person current = repository.find(id, user.scope()).orElseThrow(() -> notFound(id));
        if (current.mergedInto() != null) {
            throw new ConflictException(messages.get("population.person.merged", String.valueOf(current.mergedInto())), null,
                    Map.of("mergedInto", current.mergedInto()));
        }
        if (form.version() == null) throw new InvalidInputException("version", messages.get("population.person.versionRequired"));
        PersonData d = rules().validate(form);
        requireInScope(user, d);
        refuseSamePerson(d, id, user.scope());
        if (!repository.update(id, form.version(), d)) {
            int now = repository.find(id, user.scope()).orElseThrow().version();
            throw new ConflictException(messages.get("population.person.changedByOther", String.valueOf(now),
                    String.valueOf(form.version())), "version", Map.of("currentVersion", now));
        }
        Person after = repository.find(id, user.scope()).orElseThrow();
        audit.record("UPDATE", "person", id, id, Map.of("before", current, "after", after));
        return after;
    }

    /** An ID number is held once in the whole registry; which record holds it is told only within the scope. */
    private void refuseSamePerson(PersonData d, long exceptId, Scope scope) {
        if (d.nationalId() != null) {
            repository.holderOf(d.nationalId(), exceptId).ifPresent(other -> {
                boolean visible = repository.find(other, scope).isPresent();
                throw new ConflictException(visible
                        ? messages.get("population.person.nationalIdHeldBy", d.nationalId(), String.valueOf(other))
                        : messages.get("population.person.nationalIdElsewhere", d.nationalId()), "nationalId", visible ? Map.of("existingPersonId", other) : Map.of());
            });
        }
        repository.sameIdentity(d, exceptId).ifPresent(other -> {
            boolean visible = repository.find(other, scope).isPresent();
            String key = "population.person.sameIdentity" + (visible ? "Record" : "")
                    + (d.nationalId() == null && d.phone() != null ? "Phone" : "");
            throw new ConflictException(messages.get(key, String.valueOf(other)),
                    "fullName", visible ? Map.of("existingPersonId", other) : Map.of());
        });
    }

    private NotFoundException notFound(long id) {
        return new NotFoundException(messages.get("population.person.notFound", String.valueOf(id)));
    }

    /** A person as the current user may see them (404 outside the jurisdiction); the view is audited. */
    public Person get(long id) {
        PhaodaiUser user = reader();
        Person p = repository.find(id, user.scope()).orElseThrow(() -> notFound(id));
        audit.record("VIEW", "person", id, id, null);
        return visible(user, p);
    }

    private PhaodaiUser reader() {
        PhaodaiUser user = CurrentUser.get();
        if (!user.can(Right.PERSON_READ) && !user.can(Right.PERSON_READ_BASIC)) {
            throw new AccessDeniedException(messages.get("population.person.noReadRight"));
        }
        return user;
    }

    private static Person visible(PhaodaiUser user, Person p) {
        return user.can(Right.PERSON_READ) ? p : p.basic();
    }

    public PageResult<Person> search(PersonCriteria criteria, int page, int size) {
        PhaodaiUser user = reader();
        PageResult<Person> found = search.page(criteria, user.scope(), page, size).map(p -> visible(user, p));
        audit.recordShown("person", criteria, found.items(), Person::id);
        return found;
    }

    /** The age from which a person is expected to hold a CCCD/CMND (the worklist's threshold). */
    public int nationalIdAge() {
        return nationalIdAge;
    }

    /** What the worklist of persons without an ID number was asked for (kept with the audit entry). */
    public record MissingNationalIdCriteria(String q, String communeCode) {
    }

    /**
     * The worklist "Thiếu CCCD/CMND": living persons of the ID age or more (surely so: from the birth date, or the end
     * of the birth year) who have no ID number, within the jurisdiction, by commune and name. Entering the number on
     * the person takes them off. The view is audited.
     */
    public PageResult<Person> missingNationalId(MissingNationalIdCriteria criteria, int page, int size) {
        PhaodaiUser user = reader();
        Scope scope = user.scope();
        StringBuilder where = new StringBuilder("""
                p.merged_into is null and p.national_id is null
                and coalesce(p.date_of_birth, make_date(p.birth_year, 12, 31)) <= :bornBy and\s""")
                .append(scope.condition("p.commune_code", "p.village_id"));
        Map<String, Object> params = new java.util.HashMap<>(scope.params());
        params.put("bornBy", clock.today().minusYears(nationalIdAge));
        if (criteria.communeCode() != null && !criteria.communeCode().isBlank()) {
            where.append(" and p.commune_code = :commune");
            params.put("commune", criteria.communeCode().strip());
        }
        String q = criteria.q() == null ? "" : criteria.q().replaceAll("[%_\\\\]", " ").replaceAll("\\s+", " ").strip();
        if (q.length() >= 2) {
            where.append(" and p.search_name like '%' || fold_text(:q) || '%'");
            params.put("q", q);
        }
        long total = jdbc.sql("select count(*) from person p where " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Person> items = jdbc.sql("select p.* from person p where " + where
                        + " order by p.commune_code, p.search_name, p.id limit :limit offset :offset")
                .params(params).query(PersonRepository.PERSON).list().stream().map(p -> visible(user, p)).toList();
        audit.recordShown("person", Map.of("missingNationalId", criteria), items, Person::id);
        return new PageResult<>(items, total, page, size);
    }

    /** An Excel list within the jurisdiction; without the personal-data right it holds no names or numbers. */
    public void export(PersonCriteria criteria, java.io.OutputStream out) throws java.io.IOException {
        PhaodaiUser user = CurrentUser.require(Right.PERSON_EXPORT);
        audit.record("EXPORT", "person", null, null, Map.of("criteria", criteria));
        exporter.write(criteria, user.scope(), user.can(Right.PERSON_READ), out);
    }

    public List<PersonRepository.Candidate> possibleDuplicates(long id) {
        PhaodaiUser user = reader();
        repository.find(id, user.scope()).orElseThrow(() -> notFound(id));
        return audit.recordShown("person", Map.of("duplicatesOf", id), repository.similar(id, SIMILAR_NAME, user.scope()),
                PersonRepository.Candidate::id);
    }

    /** Raised inside the merge transaction so that every capability moves its rows from the loser to the winner. */
    public record PersonsMerged(long winnerId, long loserId) {
    }

    /**
     * Merges the loser into the winner: the winner keeps its values and takes the loser's where it has
     * none; everything pointing at the loser moves to the winner; the loser stays, marked as merged, and
     * the merge is recorded with the loser as it was.
     */
    @Transactional
    public Person merge(long winnerId, long loserId) {
        PhaodaiUser user = CurrentUser.require(Right.PERSON_MERGE);
        if (winnerId == loserId) throw new InvalidInputException("duplicateId", messages.get("population.merge.self"));
        audit.holdLane(); // the lane before the pair, as every writer does (see AuditLog.holdLane)
        // Lock in id order so that two officers merging the same pair cannot deadlock.
        long first = Math.min(winnerId, loserId), second = Math.max(winnerId, loserId);
        repository.findLockedLiving(first, user.scope()).orElseThrow(() -> new NotFoundException(messages.get("population.merge.notFound", String.valueOf(first))));
        repository.findLockedLiving(second, user.scope()).orElseThrow(() -> new NotFoundException(messages.get("population.merge.notFound", String.valueOf(second))));
        Person loser = repository.find(loserId, user.scope()).orElseThrow();
        jdbc.sql("insert into person_merge (winner_id, loser_id, merged_by, loser) values (?, ?, ?, ?::jsonb)")
                .params(winnerId, loserId, user.username(), json.writeValueAsString(loser)).update();
        jdbc.sql("update person set merged_into = ?, version = version + 1, updated_at = now() where id = ?")
                .params(winnerId, loserId).update();
        jdbc.sql("""
                update person w set
                    national_id = coalesce(w.national_id, l.national_id), phone = coalesce(w.phone, l.phone),
                    date_of_birth = coalesce(w.date_of_birth, case when l.birth_year = w.birth_year then l.date_of_birth end),
                    village_id = coalesce(w.village_id, case when l.commune_code = w.commune_code then l.village_id end),
                    household_id = coalesce(w.household_id, case when l.commune_code = w.commune_code then l.household_id end),
                    relation_to_head = coalesce(w.relation_to_head, l.relation_to_head),
                    address = coalesce(w.address, l.address), occupation = coalesce(w.occupation, l.occupation),
                    workplace_id = coalesce(w.workplace_id, l.workplace_id),
                    pregnant = w.pregnant or (l.pregnant and w.sex = 'FEMALE'),
                    comorbidities = array(select distinct unnest(w.comorbidities || l.comorbidities) order by 1),
                    version = w.version + 1, updated_at = now()
                from person l where w.id = ? and l.id = ?""").params(winnerId, loserId).update();
        // The winner heads the loser's household only if it lives there; otherwise that household has no known head.
        jdbc.sql("""
                update household h set head_person_id = case when w.household_id = h.id then w.id end
                from person w where w.id = ? and h.head_person_id = ?""").params(winnerId, loserId).update();
        jdbc.sql("update person_duplicate set status = 'MERGED' where status = 'OPEN' and (person_id = ? or candidate_id = ?)")
                .params(loserId, loserId).update();
        events.publishEvent(new PersonsMerged(winnerId, loserId));
        Person winner = repository.find(winnerId, user.scope()).orElseThrow();
        audit.record("MERGE", "person", winnerId, winnerId, Map.of("loser", loser, "after", winner));
        return winner;
    }

    /** An open pair of records that may be the same person. */
    public record DuplicatePair(long id, Person person, Person candidate, String reason, double score) {
    }

    /** Open pairs whose both records lie in the user's jurisdiction. */
    public PageResult<DuplicatePair> openDuplicates(int page, int size) {
        Scope scope = CurrentUser.require(Right.PERSON_MERGE).scope();
        String inScope = """
                d.status = 'OPEN' and exists (select 1 from person p where p.id = d.person_id and %s)
                and exists (select 1 from person o where o.id = d.candidate_id and %s)"""
                .formatted(scope.condition("p.commune_code", "p.village_id"), scope.condition("o.commune_code", "o.village_id"));
        long total = jdbc.sql("select count(*) from person_duplicate d where " + inScope).params(scope.params())
                .query(Long.class).single();
        List<long[]> pairs = new java.util.ArrayList<>();
        List<String> reasons = new java.util.ArrayList<>();
        List<Double> scores = new java.util.ArrayList<>();
        jdbc.sql("select d.id, d.person_id, d.candidate_id, d.reason, d.score from person_duplicate d where " + inScope
                + " order by d.score desc, d.id limit :limit offset :offset").params(scope.params())
                .param("limit", size).param("offset", (long) page * size).query(rs -> {
            pairs.add(new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)});
            reasons.add(rs.getString(4));
            scores.add(rs.getDouble(5));
        });
        // Both sides of every pair in one query.
        Long[] ids = pairs.stream().flatMap(x -> java.util.stream.Stream.of(x[1], x[2])).toArray(Long[]::new);
        java.util.Map<Long, Person> people = new java.util.HashMap<>();
        jdbc.sql("select * from person where id = any(?)").param(ids).query(PersonRepository.PERSON).list()
                .forEach(x -> people.put(x.id(), x));
        List<DuplicatePair> items = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            long[] x = pairs.get(i);
            items.add(new DuplicatePair(x[0], people.get(x[1]), people.get(x[2]), reasons.get(i), scores.get(i)));
        }
        return new PageResult<>(items, total, page, size);
    }

    @Transactional
    public void dismissDuplicate(long pairId) {
        Scope scope = CurrentUser.require(Right.PERSON_MERGE).scope();
        if (jdbc.sql("update person_duplicate d set status = 'DISMISSED' where d.id = :id and d.status = 'OPEN' and exists "
                + "(select 1 from person p where p.id = d.person_id and " + scope.condition("p.commune_code", "p.village_id") + ") and exists "
                + "(select 1 from person o where o.id = d.candidate_id and " + scope.condition("o.commune_code", "o.village_id") + ")")
                .params(scope.params()).param("id", pairId).update() == 0) {
            throw new NotFoundException(messages.get("population.duplicate.notFound", String.valueOf(pairId)));
        }
    }

    public List<Person> householdMembers(long householdId) {
        PhaodaiUser user = reader();
        List<Person> members = jdbc.sql("select * from person p where p.household_id = :household and p.merged_into is null and "
                        + user.scope().condition("p.commune_code", "p.village_id")
                        + " order by p.relation_to_head = 'HEAD' desc, p.birth_year")
                .params(user.scope().params()).param("household", householdId).query(PersonRepository.PERSON).list()
                .stream().map(p -> visible(user, p)).toList();
        return audit.recordShown("person", Map.of("household", householdId), members, Person::id);
    }

    public record Totals(long persons, long households, long openDuplicates) {
    }

    /** Counts within the user's jurisdiction only. */
    public Totals totals() {
        PhaodaiUser user = CurrentUser.get();
        if (!user.can(Right.AGGREGATE_READ) && !user.can(Right.PERSON_READ) && !user.can(Right.PERSON_READ_BASIC)) {
            throw new AccessDeniedException(messages.get("population.totals.noRight"));
        }
        Scope scope = user.scope();
        return jdbc.sql("""
                select (select count(*) from person p where p.merged_into is null and %s),
                       (select count(*) from household h where %s),
                       (select count(*) from person_duplicate d join person p on p.id = d.person_id
                          join person o on o.id = d.candidate_id where d.status = 'OPEN' and %s and %s)"""
                        .formatted(scope.condition("p.commune_code", "p.village_id"),
                                scope.condition("h.commune_code", "h.village_id"), scope.condition("p.commune_code", "p.village_id"),
                                scope.condition("o.commune_code", "o.village_id")))
                .params(scope.params())
                .query((rs, i) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    public List<PersonRepository.Comorbidity> comorbidities() {
        return repository.comorbidities();
    }

    /** The comorbidities' names in the user's language, by code (CEREBROVASCULAR: Bệnh mạch máu não), for pages. */
    public Map<String, String> comorbidityNames() {
        boolean english = "en".equals(Messages.locale().getLanguage());
        Map<String, String> names = new java.util.LinkedHashMap<>();
        for (PersonRepository.Comorbidity c : repository.comorbidities()) {
            names.put(c.code(), english && c.nameEn() != null ? c.nameEn() : c.nameVi());
        }
        return names;
    }

    PersonRules rules() {
        // At entry the ID number is never required: the field registers a person by name, birth year and phone.
        return new PersonRules(new DatabaseReferences(), nationalIdAge, false, clock.today(), messages);
    }

    /** Answers the rules' questions with one small query each: right for a form, wrong for an import. */
    private final class DatabaseReferences implements PersonRules.References {
        @Override
        public boolean communeActive(String code) {
            return geography.findCommune(code).filter(c -> c.active()).isPresent();
        }

        @Override
        public String villageCommune(long villageId) {
            return geography.village(villageId).map(v -> v.communeCode()).orElse(null);
        }

        @Override
        public String householdCommune(long householdId) {
            return jdbc.sql("select commune_code from household where id = ?").param(householdId).query(String.class)
                    .optional().orElse(null);
        }

        @Override
        public boolean workplaceExists(long workplaceId) {
            return jdbc.sql("select count(*) from enterprise where id = ?").param(workplaceId).query(Long.class).single() > 0;
        }

        @Override
        public Set<String> comorbidities() {
            return repository.comorbidityCodes();
        }
    }
}
