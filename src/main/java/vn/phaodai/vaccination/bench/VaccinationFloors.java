package vn.phaodai.vaccination.bench;

/** The bare SQL of the vaccination scenarios' floors: the same rows read with no application around them. */
public final class VaccinationFloors {

    private VaccinationFloors() {
    }

    /**
     * The same counts with no application: the tally's rows of the province's communes summed per commune, age and
     * measure (no scope object, no geography look-up, no refresh, no bands subtracted, no percentages or mapping).
     */
    public static final String COVERAGE = vn.phaodai.vaccination.coverage.CoverageTally.COUNTS;

    /** What the tally is kept from: each resident's spans with their birth and milestones. */
    public static final String FACTS = """
            select s.person_id, s.commune_code, s.village_id, s.since, s.until, p.date_of_birth, p.birth_year,
                   m.first_on, m.complete_on, m.boosted_on
            from residence_span_card s join person_card p on p.id = s.person_id
            left join vaccination_milestone m on m.person_id = s.person_id""";

    /** The residents of the commune on the day with everything the rules read, as one bare query. */
    public static final String DUE = """
            select p.id, p.full_name, p.birth_year, p.sex, r.village_id, v.name, p.phone, p.date_of_birth,
                   (select min(g.group_rank) from person_priority_group g where g.person_id = p.id) as priority,
                   d.doses,
                   (select string_agg(k.confirmed_on::text, ',') from case_card k where k.person_id = p.id
                      and k.status <> 'DISCARDED' and k.confirmed_on <= cast(:on as date)) as infections
            from residents_on(cast(:on as date)) r join person_card p on p.id = r.person_id
            left join village_card v on v.id = r.village_id
            left join lateral (select string_agg(x.dose_kind || ' ' || x.product_code || ' ' || x.given_on, ',') as doses,
                                      bool_or(x.dose_kind = 'BOOSTER_2') as done
                               from vaccine_dose x where x.person_id = p.id and x.given_on <= cast(:on as date)) d on true
            where r.commune_code = :commune and d.done is not true and d.doses is not null""";
}
