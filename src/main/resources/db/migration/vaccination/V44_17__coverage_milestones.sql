-- Per person, the three days coverage counts (issue 15 §5): the first dose, the primary course complete, the first
-- booster. A person is covered on a day when the day is on or after the milestone, so the coverage of any day reads
-- one narrow row per resident instead of folding every dose (15 s for the province at 1,300,000 persons before).
-- Kept by the doses' own statement triggers, in the same transaction, set-based (an import of a million doses
-- recomputes each person once).
create table vaccination_milestone (
    person_id    bigint primary key references person,
    first_on     date not null,
    complete_on  date,
    boosted_on   date
);

-- The primary course is complete with PRIMARY_1 up to PRIMARY_n, n the primary doses of PRIMARY_1's product; an
-- additional dose or a booster implies it (the same rule as the coverage query had).
create function vaccination_milestones_of(persons bigint[]) returns void language sql as $$
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
$$;

create function vaccination_milestones_inserted() returns trigger language plpgsql as $$
begin
    perform vaccination_milestones_of(array(select distinct person_id from new_doses));
    return null;
end $$;

create function vaccination_milestones_deleted() returns trigger language plpgsql as $$
begin
    perform vaccination_milestones_of(array(select distinct person_id from old_doses));
    return null;
end $$;

create function vaccination_milestones_updated() returns trigger language plpgsql as $$
begin
    perform vaccination_milestones_of(array(select person_id from old_doses union select person_id from new_doses));
    return null;
end $$;

create function vaccination_milestones_truncated() returns trigger language plpgsql as $$
begin
    delete from vaccination_milestone; -- not truncate: a truncate of person cascading here is emptying it already
    return null;
end $$;

create trigger vaccine_dose_milestones_insert after insert on vaccine_dose
    referencing new table as new_doses for each statement execute function vaccination_milestones_inserted();
create trigger vaccine_dose_milestones_delete after delete on vaccine_dose
    referencing old table as old_doses for each statement execute function vaccination_milestones_deleted();
create trigger vaccine_dose_milestones_update after update on vaccine_dose
    referencing old table as old_doses new table as new_doses for each statement execute function vaccination_milestones_updated();
create trigger vaccine_dose_milestones_truncate after truncate on vaccine_dose
    for each statement execute function vaccination_milestones_truncated();

select vaccination_milestones_of(array(select distinct person_id from vaccine_dose));
