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
-- The persons one refresh is recounting (under its lock): joined, never passed as an array.
create table coverage_recounting (person_id bigint primary key);

-- How far the registry's changes (person_change_card) were read; rebuild: recount everyone on the next refresh.
-- horizon: the last day the tally holds changes for. Birthdays far ahead (everyone under 65 has a 65th) would
-- otherwise be most of its rows; it is kept about a year ahead of the application's day, and a day after it is
-- counted from the facts.
create table coverage_mark (
    only_row  boolean     primary key default true check (only_row),
    read_xmin xid8        not null,
    read_at   timestamptz not null,
    rebuild   boolean     not null,
    horizon   date        not null
);

create function coverage_tally_floor() returns date language sql immutable as $$ select date '2021-01-01' $$;

-- The day a person born on dob (or only in birth_year) turns k, as age() counts it (born on 29/02: 01/03).
create function coverage_aged_on(dob date, birth_year integer, k integer) returns date language sql immutable as $$
    select case when dob is not null then
                    cast(dob + make_interval(years => k) as date)
                    + case when extract(day from dob + make_interval(years => k)) <> extract(day from dob) then 1 else 0 end
                when birth_year is not null then make_date(birth_year + k, 1, 1) end
$$;

-- The changes a refresh adds to the tally, summed per key and day, before they go to their day, month and year.
create unlogged table coverage_change (
    commune_code varchar(5) not null,
    from_age     smallint   not null,
    measure      smallint   not null,
    day          date       not null,
    n            bigint     not null
);

-- The facts' changes on the days after after_day up to up_to, times sign, into coverage_change: of the persons being
-- recounted, or of every fact. Per span
-- and age k the bands start or end at: the day it enters "aged k or more" (the latest of the floor, since and the
-- k-th birthday), then per measure the later of that and its milestone; +1 on that day and -1 on until, if after.
-- Written as plain scans of a few materialised rows per span (a lateral function per span was three times slower).
create function coverage_changes_of(everyone boolean, sign integer, after_day date, up_to date) returns void language plpgsql as $$
begin
    execute format($q$
        insert into coverage_change
        with aged as (
            select f.commune_code, f.until, f.first_on, f.complete_on, f.boosted_on, a.k,
                   greatest(coverage_tally_floor(), f.since, coverage_aged_on(f.date_of_birth, f.birth_year, a.k)) as s
            from %s
            cross join (select min_age as k from coverage_age_band
                        union select max_age + 1 from coverage_age_band where max_age is not null) a
            where coverage_aged_on(f.date_of_birth, f.birth_year, a.k) is not null),
        entered as (
            select commune_code, k, 0 as measure, s, until from aged
            union all select commune_code, k, 1, greatest(s, first_on), until from aged where first_on is not null
            union all select commune_code, k, 2, greatest(s, complete_on), until from aged where complete_on is not null
            union all select commune_code, k, 3, greatest(s, boosted_on), until from aged where boosted_on is not null)
        select commune_code, k, measure, day, sum(n) * %s
        from (select commune_code, k, measure, s as day, 1 as n from entered where until is null or until > s
              union all
              select commune_code, k, measure, until, -1 from entered where until > s) c
        where day > %L and day <= %L
        group by 1, 2, 3, 4$q$,
        case when everyone then 'coverage_fact f'
             else 'coverage_recounting x join coverage_fact f on f.person_id = x.person_id' end,
        sign, after_day, up_to);
end $$;

-- Adds coverage_change to the tally, each change to its day, its month and its year, and empties it. Into an empty
-- tally (fresh) as plain rows in its key's order, without the upsert's lookups (2,300,000 rows: 15 s, the upsert 18 s).
create function coverage_tally_apply(fresh boolean) returns void language plpgsql as $$
begin
    execute format($q$
        insert into coverage_tally as t (grain, day, commune_code, from_age, measure, n)
        select g.grain, case g.grain when 'Y' then cast(date_trunc('year', c.day) as date)
                                     when 'M' then cast(date_trunc('month', c.day) as date) else c.day end,
               c.commune_code, c.from_age, c.measure, sum(c.n)
        from coverage_change c cross join (values ('Y'), ('M'), ('D')) g(grain)
        group by 1, 2, 3, 4, 5 %s$q$,
        case when fresh then 'order by 1, 2, 3, 4, 5'
             else 'on conflict (grain, day, commune_code, from_age, measure) do update set n = t.n + excluded.n' end);
    delete from coverage_change;
end $$;

-- The facts of the persons being recounted, from their spans now (population's residence_span_card), birth and
-- milestones; of everyone when everyone.
create function coverage_facts_write(everyone boolean) returns void language plpgsql as $$
begin
    if everyone then
        insert into coverage_fact
        select s.person_id, s.commune_code, s.village_id, s.since, s.until, p.date_of_birth, p.birth_year,
               m.first_on, m.complete_on, m.boosted_on
        from residence_span_card s join person_card p on p.id = s.person_id
        left join vaccination_milestone m on m.person_id = s.person_id;
    else
        insert into coverage_fact
        select s.person_id, s.commune_code, s.village_id, s.since, s.until, p.date_of_birth, p.birth_year,
               m.first_on, m.complete_on, m.boosted_on
        from coverage_recounting x join residence_span_card s on s.person_id = x.person_id join person_card p on p.id = x.person_id
        left join vaccination_milestone m on m.person_id = x.person_id;
    end if;
end $$;

-- Recounts the persons of coverage_recounting: takes their old facts' changes back, rewrites their facts, adds the
-- new facts' changes.
create function coverage_recount(horizon date) returns void language plpgsql as $$
begin
    perform coverage_changes_of(false, -1, '-infinity', horizon);
    delete from coverage_fact where person_id in (select person_id from coverage_recounting);
    perform coverage_facts_write(false);
    perform coverage_changes_of(false, 1, '-infinity', horizon);
    perform coverage_tally_apply(false);
end $$;

-- Everyone again, from empty: after a change of the bands, a large import, or when the registry's changes were not
-- read for days.
create function coverage_rebuild(horizon date) returns void language plpgsql as $$
begin
    perform set_config('work_mem', '256MB', true); -- the changes of every resident summed in memory, not on disk
    truncate coverage_fact; -- its trigger empties the tally and the persons to recount
    perform coverage_facts_write(true);
    perform coverage_changes_of(true, 1, '-infinity', horizon);
    perform coverage_tally_apply(true);
    analyze coverage_fact; -- the plans of the next reads see what was just written
    analyze coverage_tally;
end $$;

-- Brings the tally up to date on the application's day: the persons whose doses changed and those the registry
-- changed since the last read; then, when the day comes within 30 days of the horizon, the changes of the next year.
-- One refresh at a time (a transaction lock); returns how many persons were recounted (-1: everyone). Past 200,000
-- persons (an import of the registry or of a province's doses) rebuilding from empty is the shorter way.
-- patience: how long to wait for another refresh to end (null: as long as it takes); past it, null, and the caller
-- reads the tally as that other refresh found it (a reader does not wait a minute for a rebuild after an import).
create function coverage_refresh(today date, patience interval) returns integer language plpgsql as $$
declare
    mark coverage_mark;
    persons integer;
    ahead date := today + 400;
    saved text := current_setting('lock_timeout');
begin
    if patience is not null then
        perform set_config('lock_timeout', cast(greatest(1, extract(epoch from patience) * 1000) as bigint)::text, true);
    end if;
    begin
        perform pg_advisory_xact_lock(hashtext('coverage_refresh'));
    exception when lock_not_available then
        return null;
    end;
    perform set_config('lock_timeout', saved, true);
    select * into mark from coverage_mark;
    delete from coverage_recounting;
    with taken as (delete from coverage_dirty returning person_id)
    insert into coverage_recounting
    select person_id from taken union select person_id from person_change_card where xid >= mark.read_xmin;
    get diagnostics persons = row_count;
    update coverage_mark set read_xmin = pg_snapshot_xmin(pg_current_snapshot()), read_at = now(), rebuild = false;
    if mark.rebuild or mark.read_at < now() - interval '6 days' or persons > 200000 then
        delete from coverage_recounting;
        update coverage_mark set horizon = ahead;
        perform coverage_rebuild(ahead);
        return -1;
    end if;
    if persons > 0 then
        perform coverage_recount(mark.horizon);
        delete from coverage_recounting;
    end if;
    if today + 30 > mark.horizon then
        perform coverage_changes_of(true, 1, mark.horizon, ahead);
        perform coverage_tally_apply(false);
        update coverage_mark set horizon = ahead;
    end if;
    return persons;
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

insert into coverage_mark (read_xmin, read_at, rebuild, horizon)
values (pg_snapshot_xmin(pg_current_snapshot()), now(), false, current_date + 400);
select coverage_rebuild(current_date + 400);
