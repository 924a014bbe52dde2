package vn.phaodai.population;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.phaodai.geography.Geography;
import vn.phaodai.shared.ConflictException;
import vn.phaodai.shared.InvalidInputException;
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
    private final int nationalIdRequiredFromAge;

    Persons(PersonRepository repository, PersonSearch search, JdbcClient jdbc, Geography geography,
            ApplicationEventPublisher events, JsonMapper json,
            @Value("${phaodai.population.national-id-required-from-age:14}") int nationalIdRequiredFromAge) {
        this.repository = repository;
        this.search = search;
        this.jdbc = jdbc;
        this.geography = geography;
        this.events = events;
        this.json = json;
        this.nationalIdRequiredFromAge = nationalIdRequiredFromAge;
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
        PersonData d = rules().validate(form);
        refuseSamePerson(d, 0);
        long id = repository.insert(d);
        List<PersonRepository.Candidate> candidates = repository.similar(id, SIMILAR_NAME);
        for (var c : candidates) repository.flagDuplicate(id, c.id(), "NAME_BIRTH_COMMUNE", c.score());
        return new Created(get(id), candidates);
    }

    @Transactional
    public Person update(long id, PersonForm form) {
        Person current = get(id);
        if (current.mergedInto() != null) {
            throw new ConflictException("Hồ sơ đã được gộp vào hồ sơ " + current.mergedInto(), null,
                    Map.of("mergedInto", current.mergedInto()));
        }
        if (form.version() == null) throw new InvalidInputException("version", "Cần phiên bản (version) của hồ sơ đã đọc");
        PersonData d = rules().validate(form);
        refuseSamePerson(d, id);
        if (!repository.update(id, form.version(), d)) {
            throw new ConflictException("Hồ sơ đã được người khác sửa (phiên bản hiện tại " + get(id).version()
                    + ", bạn gửi " + form.version() + "); hãy tải lại rồi sửa", "version",
                    Map.of("currentVersion", get(id).version()));
        }
        return get(id);
    }

    private void refuseSamePerson(PersonData d, long exceptId) {
        if (d.nationalId() != null) {
            repository.holderOf(d.nationalId(), exceptId).ifPresent(other -> {
                throw new ConflictException("Số CCCD/CMND " + d.nationalId() + " đã thuộc hồ sơ " + other, "nationalId",
                        Map.of("existingPersonId", other));
            });
        }
        repository.sameIdentity(d, exceptId).ifPresent(other -> {
            throw new ConflictException("Đã có hồ sơ " + other + " cùng họ tên, ngày sinh và phường/xã", "fullName",
                    Map.of("existingPersonId", other));
        });
    }

    public Person get(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("Không có người mã " + id));
    }

    public PageResult<Person> search(PersonSearch.Criteria criteria, int page, int size) {
        return search.page(criteria, page, size);
    }

    public List<PersonRepository.Candidate> possibleDuplicates(long id) {
        return repository.similar(id, SIMILAR_NAME);
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
    public Person merge(long winnerId, long loserId, String user) {
        if (winnerId == loserId) throw new InvalidInputException("duplicateId", "Không thể gộp một hồ sơ với chính nó");
        // Lock in id order so that two officers merging the same pair cannot deadlock.
        long first = Math.min(winnerId, loserId), second = Math.max(winnerId, loserId);
        repository.findLockedLiving(first).orElseThrow(() -> new NotFoundException("Không có người (chưa gộp) mã " + first));
        repository.findLockedLiving(second).orElseThrow(() -> new NotFoundException("Không có người (chưa gộp) mã " + second));
        Person loser = get(loserId);
        jdbc.sql("insert into person_merge (winner_id, loser_id, merged_by, loser) values (?, ?, ?, ?::jsonb)")
                .params(winnerId, loserId, user, json.writeValueAsString(loser)).update();
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
                    workplace_id = coalesce(w.workplace_id, l.workplace_id), pregnant = w.pregnant or l.pregnant,
                    comorbidities = array(select distinct unnest(w.comorbidities || l.comorbidities) order by 1),
                    version = w.version + 1, updated_at = now()
                from person l where w.id = ? and l.id = ?""").params(winnerId, loserId).update();
        jdbc.sql("update household set head_person_id = ? where head_person_id = ?").params(winnerId, loserId).update();
        jdbc.sql("update person_duplicate set status = 'MERGED' where status = 'OPEN' and (person_id = ? or candidate_id = ?)")
                .params(loserId, loserId).update();
        events.publishEvent(new PersonsMerged(winnerId, loserId));
        return get(winnerId);
    }

    /** An open pair of records that may be the same person. */
    public record DuplicatePair(long id, Person person, Person candidate, String reason, double score) {
    }

    public PageResult<DuplicatePair> openDuplicates(int page, int size) {
        long total = jdbc.sql("select count(*) from person_duplicate where status = 'OPEN'").query(Long.class).single();
        List<long[]> pairs = new java.util.ArrayList<>();
        List<String> reasons = new java.util.ArrayList<>();
        List<Double> scores = new java.util.ArrayList<>();
        jdbc.sql("""
                select id, person_id, candidate_id, reason, score from person_duplicate where status = 'OPEN'
                order by score desc, id limit ? offset ?""").params(size, (long) page * size).query(rs -> {
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
        if (jdbc.sql("update person_duplicate set status = 'DISMISSED' where id = ? and status = 'OPEN'").param(pairId).update() == 0) {
            throw new NotFoundException("Không có cặp nghi trùng đang mở mã " + pairId);
        }
    }

    public List<Person> householdMembers(long householdId) {
        return jdbc.sql("select * from person where household_id = ? and merged_into is null order by relation_to_head = 'HEAD' desc, birth_year")
                .param(householdId).query(PersonRepository.PERSON).list();
    }

    public record Totals(long persons, long households, long openDuplicates) {
    }

    public Totals totals() {
        return jdbc.sql("""
                select (select count(*) from person where merged_into is null), (select count(*) from household),
                       (select count(*) from person_duplicate where status = 'OPEN')""")
                .query((rs, i) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    List<PersonRepository.Comorbidity> comorbidities() {
        return repository.comorbidities();
    }

    PersonRules rules() {
        return new PersonRules(new DatabaseReferences(), nationalIdRequiredFromAge);
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
