-- Coverage's tally (docs/decisions/0014): the province's coverage by commune and age band on any day from a few
-- thousand pre-summed rows instead of 1,300,000 residents (5.7 s before).
--
-- Per resident and residence span, coverage_fact holds what the counts read: the place, the span's days, the birth
-- and the three milestones. A span counts in "aged k or more, measure m" from the day
-- s = greatest(since, the k-th birthday, the milestone of m) until the day before e = until. So each span adds +1
-- on s and -1 on e to the key (commune, k, m), and the count on a day D is the sum of the key's changes on days
-- <= D. A band k..j is the key k less the key j + 1. The ks are the bands' own ages (coverage_age_band), so a band
-- added later only rebuilds the tally.
--
-- The changes are kept summed per year, per month and per day (grain Y, M, D): a day's count reads the years before
-- its year, the months of its year before its month and the days of its month up to it, about 50 rows a key. Days
-- before 01/01/2021 (before any dose in Vietnam) are summed into that day, so the tally answers from 01/01/2021;
-- earlier days are counted from the facts.
create table coverage_fact (
    person_id     bigint     not null references person,
    commune_code  varchar(5) not null,
    village_id    bigint,
    since         date,
    until         date,
    date_of_birth date,
    birth_year    integer,
    first_on      date,
    complete_on   date,
    boosted_on    date
);
create index coverage_fact_person on coverage_fact (person_id);
create index coverage_fact_commune on coverage_fact (commune_code, village_id);

create table coverage_tally (
    grain        char(1)    not null check (grain in ('Y', 'M', 'D')),
    day          date       not null, -- the first day of the year or month for Y and M
    commune_code varchar(5) not null,
    from_age     smallint   not null, -- k: the residents aged k or more on the day
    measure      smallint   not null check (measure between 0 and 3), -- residents, >= 1 dose, primary complete, booster
    n            integer    not null,
    primary key (grain, day, commune_code, from_age, measure)
);

-- The persons to recount: written by the milestones' function, taken by coverage_refresh().
create table coverage_dirty (person_id bigint not null);

-- How far the registry's changes (person_change_card) were read; rebuild: recount everyone on the next refresh.
create table coverage_mark (
    only_row boolean     primary key default true check (only_row),
    read_xmin xid8       not null,
    read_at  timestamptz not null,
    rebuild  boolean     not null
);

create function coverage_tally_floor() returns date language sql immutable as $$ select date '2021-01-01' $$;

-- The day a person born on dob (or only in birth_year) turns k, as age() counts it (born on 29/02: 01/03).
create function coverage_aged_on(dob date, birth_year integer, k integer) returns date language sql immutable as $$
    select case when dob is not null then
                    cast(dob + make_interval(years => k) as date)
                    + case when extract(day from dob + make_interval(years => k)) <> extract(day from dob) then 1 else 0 end
                when birth_year is not null then make_date(birth_year + k, 1, 1) end
$$;

-- The tally's changes of the persons' facts (of every fact when persons is null), times sign (+1 to add them, -1 to
-- take them back).
create function coverage_changes(persons bigint[], sign integer)
    returns table (commune_code varchar(5), from_age smallint, measure smallint, day date, n bigint)
    language sql stable as $$
    with ages as (select min_age as k from coverage_age_band union select max_age + 1 from coverage_age_band where max_age is not null),
         spans as (
             select f.commune_code, a.k, m.measure, f.until,
                    greatest(coverage_tally_floor(), f.since, coverage_aged_on(f.date_of_birth, f.birth_year, a.k),
                             case m.measure when 1 then f.first_on when 2 then f.complete_on when 3 then f.boosted_on end) as s
             from coverage_fact f cross join ages a cross join (values (0), (1), (2), (3)) m(measure)
             where (persons is null or f.person_id = any(persons))
               and coverage_aged_on(f.date_of_birth, f.birth_year, a.k) is not null
               and (m.measure = 0 or case m.measure when 1 then f.first_on when 2 then f.complete_on when 3 then f.boosted_on end is not null)),
         live as (select * from spans where until is null or until > s)
    select commune_code, cast(k as smallint), cast(measure as smallint), day, sum(n) * sign
    from (select commune_code, k, measure, s as day, 1 as n from live
          union all
          select commune_code, k, measure, until, -1 from live where until is not null) c
    group by 1, 2, 3, 4
$$;

-- Adds the changes, each to its day, its month and its year.
create function coverage_tally_add(persons bigint[], sign integer) returns void language sql as $$
    insert into coverage_tally as t (grain, day, commune_code, from_age, measure, n)
    select g.grain, case g.grain when 'Y' then cast(date_trunc('year', c.day) as date)
                                 when 'M' then cast(date_trunc('month', c.day) as date) else c.day end,
           c.commune_code, c.from_age, c.measure, sum(c.n)
    from coverage_changes(persons, sign) c cross join (values ('Y'), ('M'), ('D')) g(grain)
    group by 1, 2, 3, 4, 5
    on conflict (grain, day, commune_code, from_age, measure) do update set n = t.n + excluded.n
$$;

-- Recounts the persons: takes their old facts' changes back, replaces their facts from their spans now
-- (population's residence_span_card), their birth and milestones, and adds the new facts' changes.
create function coverage_recount(persons bigint[]) returns void language plpgsql as $$
begin
    perform coverage_tally_add(persons, -1);
    delete from coverage_fact where person_id = any(persons);
    insert into coverage_fact
    select s.person_id, s.commune_code, s.village_id, s.since, s.until, p.date_of_birth, p.birth_year,
           m.first_on, m.complete_on, m.boosted_on
    from unnest(persons) x(id) join residence_span_card s on s.person_id = x.id join person_card p on p.id = x.id
    left join vaccination_milestone m on m.person_id = x.id;
    perform coverage_tally_add(persons, 1);
end $$;

-- Everyone again, from empty: after a change of the bands, or when the registry's changes were not read for days.
create function coverage_rebuild() returns void language plpgsql as $$
begin
    truncate coverage_fact; -- its trigger empties the tally and the persons to recount
    insert into coverage_fact
    select s.person_id, s.commune_code, s.village_id, s.since, s.until, p.date_of_birth, p.birth_year,
           m.first_on, m.complete_on, m.boosted_on
    from residence_span_card s join person_card p on p.id = s.person_id
    left join vaccination_milestone m on m.person_id = s.person_id;
    perform coverage_tally_add(null, 1);
end $$;

-- Brings the tally up to date: the persons whose doses changed and those the registry changed since the last read.
-- One refresh at a time (a transaction lock); returns how many persons were recounted (-1: everyone).
create function coverage_refresh() returns integer language plpgsql as $$
declare
    mark coverage_mark;
    persons bigint[];
begin
    perform pg_advisory_xact_lock(hashtext('coverage_refresh'));
    select * into mark from coverage_mark;
    if mark.rebuild or mark.read_at < now() - interval '6 days' then
        update coverage_mark set read_xmin = pg_snapshot_xmin(pg_current_snapshot()), read_at = now(), rebuild = false;
        perform coverage_rebuild();
        return -1;
    end if;
    with taken as (delete from coverage_dirty returning person_id)
    select array_agg(distinct person_id) into persons
    from (select person_id from taken union all select person_id from person_change_card where xid >= mark.read_xmin) x;
    update coverage_mark set read_xmin = pg_snapshot_xmin(pg_current_snapshot()), read_at = now();
    if persons is null then return 0; end if;
    perform coverage_recount(persons);
    return cardinality(persons);
end $$;

-- An emptied registry (its truncate cascades here) empties the tally with it.
create function coverage_facts_truncated() returns trigger language plpgsql as $$
begin
    truncate coverage_tally, coverage_dirty;
    return null;
end $$;
create trigger coverage_fact_truncate after truncate on coverage_fact
    for each statement execute function coverage_facts_truncated();

-- A band added, moved or dropped changes the ages the tally is kept for.
create function coverage_bands_changed() returns trigger language plpgsql as $$
begin
    update coverage_mark set rebuild = true;
    return null;
end $$;
create trigger coverage_age_band_changed after insert or update or delete on coverage_age_band
    for each statement execute function coverage_bands_changed();

-- The milestones' function also names the persons to recount.
create or replace function vaccination_milestones_of(persons bigint[]) returns void language sql as $$
    delete from vaccination_milestone where person_id = any(persons);
    insert into vaccination_milestone (person_id, first_on, complete_on, boosted_on)
    select person_id, first_on,
           least(later_on, case when p1 is null or (n >= 2 and p2 is null) or (n >= 3 and p3 is null) then null
                                else greatest(p1, case when n >= 2 then p2 end, case when n >= 3 then p3 end) end),
           boosted_on
    from (select d.person_id, min(d.given_on) as first_on,
                 min(d.given_on) filter (where d.dose_kind in ('ADDITIONAL', 'BOOSTER_1', 'BOOSTER_2')) as later_on,
                 min(d.given_on) filter (where d.dose_kind in ('BOOSTER_1', 'BOOSTER_2')) as boosted_on,
                 min(d.given_on) filter (where d.dose_kind = 'PRIMARY_1') as p1,
                 min(d.given_on) filter (where d.dose_kind = 'PRIMARY_2') as p2,
                 min(d.given_on) filter (where d.dose_kind = 'PRIMARY_3') as p3,
                 max(pr.primary_doses) filter (where d.dose_kind = 'PRIMARY_1') as n
          from vaccine_dose d join vaccine_product pr on pr.code = d.product_code
          where d.person_id = any(persons)
          group by d.person_id) x;
    insert into coverage_dirty (person_id) select unnest(persons);
$$;

-- Doses all gone (a truncate): their persons are recounted too.
create or replace function vaccination_milestones_truncated() returns trigger language plpgsql as $$
begin
    insert into coverage_dirty (person_id) select person_id from vaccination_milestone;
    delete from vaccination_milestone; -- not truncate: a truncate of person cascading here is emptying it already
    return null;
end $$;

insert into coverage_mark (read_xmin, read_at, rebuild) values (pg_snapshot_xmin(pg_current_snapshot()), now(), false);
select coverage_rebuild();
