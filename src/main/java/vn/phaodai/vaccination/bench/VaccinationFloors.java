package vn.phaodai.vaccination.bench;

/** The bare SQL of the vaccination scenarios' floors: the same rows read with no application around them. */
public final class VaccinationFloors {

    private VaccinationFloors() {
    }

    /**
     * The same counts with no application: the residents on the day with their age, their doses by then, per commune
     * and band (no scope object, no geography look-up, no percentages or mapping).
     */
    public static final String COVERAGE = """
            with per_person as (
                select r.commune_code, case when p.date_of_birth is not null then extract(year from age(cast(:on as date), p.date_of_birth))::int
                                            else extract(year from cast(:on as date))::int - p.birth_year end as age,
                       count(d.dose_kind) > 0 as any_dose,
                       coalesce(bool_or(d.dose_kind in ('ADDITIONAL', 'BOOSTER_1', 'BOOSTER_2'))
                         or (bool_or(d.dose_kind = 'PRIMARY_1')
                             and (max(pr.primary_doses) filter (where d.dose_kind = 'PRIMARY_1') < 2 or bool_or(d.dose_kind = 'PRIMARY_2'))
                             and (max(pr.primary_doses) filter (where d.dose_kind = 'PRIMARY_1') < 3 or bool_or(d.dose_kind = 'PRIMARY_3'))),
                         false) as complete,
                       coalesce(bool_or(d.dose_kind in ('BOOSTER_1', 'BOOSTER_2')), false) as boosted
                from residents_on(cast(:on as date)) r join person_card p on p.id = r.person_id
                left join vaccine_dose d on d.person_id = r.person_id and d.given_on <= cast(:on as date)
                left join vaccine_product pr on pr.code = d.product_code
                where r.commune_code = any(cast(:communes as text[]))
                group by r.person_id, r.commune_code, age)
            select b.code, a.commune_code, count(*) as residents, count(*) filter (where any_dose) as one,
                   count(*) filter (where complete) as complete, count(*) filter (where boosted) as boosted
            from per_person a join coverage_age_band b on a.age >= b.min_age and (b.max_age is null or a.age <= b.max_age)
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
