package vn.phaodai.vaccination.bench;

/** The bare SQL of the vaccination scenarios' floors: the same rows read with no application around them. */
public final class VaccinationFloors {

    private VaccinationFloors() {
    }

    /**
     * The same counts with no application: the residents on the day with their age and their milestones (a dose,
     * the primary course, a booster), per commune and band (no scope object, no geography look-up, no percentages
     * or mapping).
     */
    public static final String COVERAGE = """
            with per_age as (
                select r.commune_code, case when p.date_of_birth is not null then extract(year from age(cast(:on as date), p.date_of_birth))::int
                                            else extract(year from cast(:on as date))::int - p.birth_year end as age,
                       count(*) as residents, count(*) filter (where m.first_on <= cast(:on as date)) as one,
                       count(*) filter (where m.complete_on <= cast(:on as date)) as complete,
                       count(*) filter (where m.boosted_on <= cast(:on as date)) as boosted
                from residents_on(cast(:on as date)) r join person_card p on p.id = r.person_id
                left join vaccination_milestone m on m.person_id = r.person_id
                where r.commune_code = any(cast(:communes as text[]))
                group by 1, 2)
            select b.code, a.commune_code, sum(residents) as residents, sum(one) as one, sum(complete) as complete, sum(boosted) as boosted
            from per_age a join coverage_age_band b on a.age >= b.min_age and (b.max_age is null or a.age <= b.max_age)
            where b.valid_from <= cast(:on as date) and (b.valid_to is null or b.valid_to > cast(:on as date))
            group by grouping sets ((b.code), (b.code, a.commune_code))""";

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
