-- Which persons changed where they live, when they were born or whether they still count (docs/decisions/0014):
-- for a module that keeps counts of its own over the residents (vaccination's coverage tally), so it recounts
-- only those persons instead of the whole registry. Written by the registry's own statement triggers, in the
-- same transaction as the change, whatever wrote it (a form, an import, a merge, a move).
-- A reader remembers the oldest transaction still running when it last read (pg_snapshot_xmin) and next reads
-- every row of a transaction from that one on: a transaction that commits late is never skipped, and a row read
-- twice only recounts a person twice.
create table person_change (
    seq        bigint generated always as identity primary key,
    person_id  bigint      not null,
    xid        xid8        not null default pg_current_xact_id(),
    changed_at timestamptz not null default now()
);
create index person_change_xid on person_change (xid);

create view person_change_card as select seq, person_id, xid, changed_at from person_change;

-- Where each live person resided, over time: the current place from its since-date (open: until is null), and
-- every closed period. The same halves as residents_on(date), without the day: residents_on(d) are the spans
-- with since null or <= d, and until null or > d.
create view residence_span_card as
select p.id as person_id, p.commune_code, p.village_id, p.residence_kind, p.resident_since as since, cast(null as date) as until
from person p where p.merged_into is null and p.resident_until is null
union all
select r.person_id, r.commune_code, r.village_id, r.kind, r.since, r.until
from residence_period r join person p on p.id = r.person_id and p.merged_into is null;

create function person_changes_inserted() returns trigger language plpgsql as $$
begin
    insert into person_change (person_id) select id from new_persons;
    return null;
end $$;

-- Only the columns a count over residents reads: a new phone number recounts nobody.
create function person_changes_updated() returns trigger language plpgsql as $$
begin
    insert into person_change (person_id)
    select n.id from new_persons n join old_persons o on o.id = n.id
    where (n.commune_code, n.village_id, n.date_of_birth, n.birth_year, n.resident_since, n.resident_until, n.merged_into)
          is distinct from (o.commune_code, o.village_id, o.date_of_birth, o.birth_year, o.resident_since, o.resident_until, o.merged_into);
    return null;
end $$;

create function person_changes_deleted() returns trigger language plpgsql as $$
begin
    insert into person_change (person_id) select id from old_persons;
    return null;
end $$;

create function person_changes_of_periods() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into person_change (person_id) select person_id from new_periods;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into person_change (person_id) select person_id from old_periods;
    end if;
    return null;
end $$;

-- An emptied registry (the tests' reset) empties its changes: the persons they named are gone.
create function person_changes_truncated() returns trigger language plpgsql as $$
begin
    truncate person_change;
    return null;
end $$;

create trigger person_changes_insert after insert on person
    referencing new table as new_persons for each statement execute function person_changes_inserted();
create trigger person_changes_update after update on person
    referencing old table as old_persons new table as new_persons for each statement execute function person_changes_updated();
create trigger person_changes_delete after delete on person
    referencing old table as old_persons for each statement execute function person_changes_deleted();
create trigger person_changes_truncate after truncate on person
    for each statement execute function person_changes_truncated();
create trigger residence_period_changes_insert after insert on residence_period
    referencing new table as new_periods for each statement execute function person_changes_of_periods();
create trigger residence_period_changes_update after update on residence_period
    referencing old table as old_periods new table as new_periods for each statement execute function person_changes_of_periods();
create trigger residence_period_changes_delete after delete on residence_period
    referencing old table as old_periods for each statement execute function person_changes_of_periods();
