package vn.phaodai.population.registry;

import vn.phaodai.population.Person;
import vn.phaodai.population.Relation;
import vn.phaodai.population.Sex;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.phaodai.security.Scope;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashMap;

/** SQL for persons. Merged records (merged_into set) stay for the history but leave every list. */
@Repository
public class PersonRepository {

    public static final RowMapper<Person> PERSON = PersonRepository::person;

    private final JdbcClient jdbc;

    PersonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static Person person(ResultSet rs, int i) throws SQLException {
        Date dob = rs.getDate("date_of_birth");
        Array c = rs.getArray("comorbidities");
        String relation = rs.getString("relation_to_head");
        return new Person(rs.getLong("id"), rs.getInt("version"), rs.getString("full_name"), Sex.valueOf(rs.getString("sex")),
                dob == null ? null : dob.toLocalDate(), rs.getInt("birth_year"), rs.getString("national_id"),
                rs.getString("phone"), rs.getString("commune_code"), (Long) rs.getObject("village_id"),
                rs.getString("address"), (Long) rs.getObject("household_id"),
                relation == null ? null : Relation.valueOf(relation), rs.getString("occupation"),
                (Long) rs.getObject("workplace_id"), rs.getBoolean("pregnant"),
                c == null ? List.of() : Arrays.asList((String[]) c.getArray()), (Long) rs.getObject("merged_into"));
    }

    private static Map<String, Object> params(PersonData d) {
        Map<String, Object> p = new HashMap<>();
        p.put("fullName", d.fullName());
        p.put("sex", d.sex().name());
        p.put("dob", d.dateOfBirth());
        p.put("birthYear", d.birthYear());
        p.put("nationalId", d.nationalId());
        p.put("phone", d.phone());
        p.put("commune", d.communeCode());
        p.put("village", d.villageId());
        p.put("address", d.address());
        p.put("household", d.householdId());
        p.put("relation", d.relation() == null ? null : d.relation().name());
        p.put("occupation", d.occupation());
        p.put("workplace", d.workplaceId());
        p.put("pregnant", d.pregnant());
        p.put("comorbidities", d.comorbidities());
        return p;
    }

    public long insert(PersonData d) {
        return jdbc.sql("""
                insert into person (full_name, sex, date_of_birth, birth_year, national_id, phone, commune_code, village_id,
                                    address, household_id, relation_to_head, occupation, workplace_id, pregnant, comorbidities)
                values (:fullName, :sex, :dob, :birthYear, :nationalId, :phone, :commune, :village, :address, :household,
                        :relation, :occupation, :workplace, :pregnant, :comorbidities)
                returning id""").params(params(d)).query(Long.class).single();
    }

    /** Updates only when the version is the one the client read; false when it is stale. */
    public boolean update(long id, int version, PersonData d) {
        Map<String, Object> p = params(d);
        p.put("id", id);
        p.put("version", version);
        return jdbc.sql("""
                update person set full_name = :fullName, sex = :sex, date_of_birth = :dob, birth_year = :birthYear,
                    national_id = :nationalId, phone = :phone, commune_code = :commune, village_id = :village,
                    address = :address, household_id = :household, relation_to_head = :relation, occupation = :occupation,
                    workplace_id = :workplace, pregnant = :pregnant, comorbidities = :comorbidities,
                    version = version + 1, updated_at = now()
                where id = :id and version = :version and merged_into is null""").params(p).update() == 1;
    }

    /** A person inside the scope; outside it the person does not exist. */
    public Optional<Person> find(long id, Scope scope) {
        return jdbc.sql("select * from person p where p.id = :id and " + scope.condition("p.commune_code", "p.village_id"))
                .params(scope.params()).param("id", id).query(PERSON).optional();
    }

    /**
     * A living person inside the scope, locked against other writers of the person. "No key update": rows that only
     * refer to the person (a duplicate pair, a sample, a contact) take a key-share lock on it and go on meanwhile,
     * so a registration referring to its look-alikes never waits on a merge that waits on it.
     */
    public Optional<Person> findLockedLiving(long id, Scope scope) {
        return jdbc.sql("select * from person p where p.id = :id and p.merged_into is null and "
                        + scope.condition("p.commune_code", "p.village_id") + " for no key update")
                .params(scope.params()).param("id", id).query(PERSON).optional();
    }

    /** The living person holding an ID number, other than the one given. */
    public Optional<Long> holderOf(String nationalId, long exceptId) {
        return jdbc.sql("select id from person where national_id = ? and merged_into is null and id <> ?")
                .params(nationalId, exceptId).query(Long.class).optional();
    }

    /**
     * Until the transaction ends, no one else creates a person of the same name, birth year and commune, or of
     * the same ID number: the identity first, then the number, always in that order.
     */
    public void lockIdentity(PersonData d) {
        Map<String, Object> p = new HashMap<>();
        p.put("identity", d.communeCode() + "|" + d.birthYear() + "|");
        p.put("name", d.fullName());
        p.put("number", d.nationalId());
        jdbc.sql("""
                select pg_advisory_xact_lock(72010021, hashtext(:identity || fold_text(:name))),
                       case when cast(:number as text) is not null then pg_advisory_xact_lock(72010022, hashtext(:number)) end""")
                .params(p).query((rs, i) -> 0).list();
    }

    /**
     * Without an ID number on both records, a birth year is a weak key: a ward of 20,000 holds several Nguyễn Văn An
     * born in 1990. Where the match rests on a year (one record has no birth date), the phone decides: the same phone,
     * or none on either, is the same person (a re-sent form, a quick entry sent twice); two different phones are two
     * persons; a phone on one record only is a possible duplicate ({@link #similar}), for an officer to merge or dismiss.
     * As SQL between the records aliased {@code a} and {@code b}, shared by the form and the import.
     */
    public static String sameByName(String a, String b) {
        return """
                %1$s.commune_code = %2$s.commune_code and %1$s.search_name = %2$s.search_name and %1$s.birth_year = %2$s.birth_year
                and (%1$s.date_of_birth is null or %2$s.date_of_birth is null or %1$s.date_of_birth = %2$s.date_of_birth)
                and (%1$s.date_of_birth is not null and %2$s.date_of_birth is not null
                     or %1$s.national_id is not null and %2$s.national_id is not null
                     or %1$s.phone is not distinct from %2$s.phone)""".formatted(a, b);
    }

    /** Two records that the fallback tells apart: matched on a birth year only, not both with an ID number, different phones. */
    static String toldApartByPhone(String a, String b) {
        return """
                ((%1$s.date_of_birth is null or %2$s.date_of_birth is null)
                 and (%1$s.national_id is null or %2$s.national_id is null)
                 and coalesce(%1$s.phone <> %2$s.phone, false))""".formatted(a, b);
    }

    /** A living person with the same folded name, birth and commune ({@link #sameByName}): the same person entered twice. */
    public Optional<Long> sameIdentity(PersonData d, long exceptId) {
        Map<String, Object> p = new HashMap<>();
        p.put("commune", d.communeCode());
        p.put("name", d.fullName());
        p.put("year", d.birthYear());
        p.put("dob", d.dateOfBirth());
        p.put("nationalId", d.nationalId());
        p.put("phone", d.phone());
        p.put("except", exceptId);
        return jdbc.sql("""
                with n as (select cast(:commune as text) as commune_code, fold_text(:name) as search_name,
                                  cast(:year as int) as birth_year, cast(:dob as date) as date_of_birth,
                                  cast(:nationalId as text) as national_id, cast(:phone as text) as phone)
                select o.id from person o, n
                where %s and o.merged_into is null and o.id <> :except
                order by o.id limit 1""".formatted(sameByName("o", "n")))
                .params(p).query(Long.class).optional();
    }

    public record Candidate(long id, String fullName, String born, double score) {
    }

    /**
     * Living persons in the scope, of the same commune and birth, with a very similar name (trigram similarity), except
     * those the fallback without an ID number tells apart by their phones ({@link #toldApartByPhone}).
     */
    public List<Candidate> similar(long personId, double threshold, Scope scope) {
        return jdbc.sql("""
                select o.id, o.full_name, coalesce(to_char(o.date_of_birth, 'DD/MM/YYYY'), o.birth_year::text) as born,
                       similarity(o.search_name, p.search_name) as score
                from person p join person o on o.commune_code = p.commune_code and o.birth_year = p.birth_year
                  and (o.date_of_birth is null or p.date_of_birth is null or o.date_of_birth = p.date_of_birth)
                where p.id = :id and o.id <> p.id and o.merged_into is null
                  and similarity(o.search_name, p.search_name) >= :threshold and not %s and %s
                order by score desc limit 10""".formatted(toldApartByPhone("o", "p"), scope.condition("o.commune_code", "o.village_id")))
                .params(scope.params()).param("id", personId).param("threshold", threshold)
                .query((rs, i) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4))).list();
    }

    public void flagDuplicate(long personId, long candidateId, String reason, double score) {
        jdbc.sql("""
                insert into person_duplicate (person_id, candidate_id, reason, score) values (?, ?, ?, ?)
                on conflict (person_id, candidate_id) do nothing""").params(personId, candidateId, reason, score).update();
    }

    public Set<String> comorbidityCodes() {
        return Set.copyOf(jdbc.sql("select code from comorbidity").query(String.class).list());
    }

    public record Comorbidity(String code, String nameVi, String nameEn) {
    }

    public List<Comorbidity> comorbidities() {
        return jdbc.sql("select code, name_vi, name_en from comorbidity order by name_vi")
                .query((rs, i) -> new Comorbidity(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }
}
