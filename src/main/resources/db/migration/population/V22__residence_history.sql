-- Residence over time (di biến động dân cư, docs/decisions/0010). The person row keeps the current (or last)
-- place as before, so a registry import by COPY writes one row per person and nothing else; a person without
-- a since-date has lived there always. Adding columns with constant defaults rewrites no row.
alter table person
    add column residence_kind text not null default 'PERMANENT',
    add column resident_since date,
    -- Set when the person left the province's registry (moved out) or died; the last period is then closed in
    -- residence_period and the row's place is only the last known one (it still decides who may see the record).
    add column resident_until date,
    add column died_on date;
alter table person add constraint person_residence_kind check (residence_kind in ('PERMANENT', 'TEMPORARY'));
alter table person add constraint person_residence_dates check (resident_until is null or resident_since is null
    or resident_since <= resident_until);

-- Every change of residence as the officer recorded it: the facts of the lists (arrivals, departures) and the
-- key that makes a retry harmless (one change of a kind per person and day).
create table residence_change (
    id             bigint generated always as identity primary key,
    person_id      bigint      not null references person,
    kind           text        not null check (kind in ('MOVE_AWAY', 'ARRIVE', 'CHANGE_KIND', 'DEATH')),
    on_date        date        not null,
    -- Where in the registry the person lived before and after (null: outside the province, or dead).
    from_commune   varchar(5)  references commune,
    from_village   bigint      references village,
    to_commune     varchar(5)  references commune,
    to_village     bigint      references village,
    -- A place outside the registry (province or district code): the origin of an arrival, the destination of a move out.
    place_code     varchar(3),
    -- The epidemic level (cấp độ dịch 1–4) of the origin on that day, as the officer typed it.
    place_level    smallint    check (place_level between 1 and 4),
    residence_kind text        check (residence_kind in ('PERMANENT', 'TEMPORARY')),
    recorded_by    text        not null,
    recorded_at    timestamptz not null default now(),
    unique (person_id, kind, on_date)
);
create index residence_change_arrivals on residence_change (to_commune, on_date) where kind in ('ARRIVE', 'MOVE_AWAY');
create index residence_change_departures on residence_change (from_commune, on_date) where kind = 'MOVE_AWAY';

-- Closed periods: where a person lived from since (null: always) until the day before "until".
create table residence_period (
    id           bigint generated always as identity primary key,
    person_id    bigint      not null references person,
    commune_code varchar(5)  not null references commune,
    village_id   bigint      references village,
    kind         text        not null check (kind in ('PERMANENT', 'TEMPORARY')),
    since        date,
    until        date        not null check (since is null or since <= until),
    ended_by     bigint      not null references residence_change
);
create index residence_period_place on residence_period (commune_code, until);
create index residence_period_person on residence_period (person_id, until);

-- Who lived where on a day: the one published answer for every denominator (coverage, rates per 100,000,
-- lists). A person counts for the place they resided at: the current one from its since-date, or the closed
-- period covering the day. Plain SQL, so PostgreSQL inlines it and a filter on commune or village reaches the
-- indexes of both halves.
create function residents_on(on_date date)
    returns table (person_id bigint, commune_code varchar(5), village_id bigint, residence_kind text)
    language sql stable as $$
    select p.id, p.commune_code, p.village_id, p.residence_kind from person p
    where p.merged_into is null and p.resident_until is null
      and (p.resident_since is null or p.resident_since <= on_date)
    union all
    select r.person_id, r.commune_code, r.village_id, r.kind from residence_period r
    join person p on p.id = r.person_id and p.merged_into is null
    where (r.since is null or r.since <= on_date) and r.until > on_date
$$;

-- The published card tells other capabilities who has died or left (columns added at the end: the view's contract).
create or replace view person_card as
select id, full_name, search_name, sex, date_of_birth, birth_year, national_id, phone, commune_code, village_id,
       address, household_id, workplace_id, pregnant, comorbidities, residence_kind, resident_since, resident_until, died_on
from person where merged_into is null;
