-- Placing a case at home: the eligibility found by the rule of the day, with its reasons, and the officer's
-- reason when the case goes home although it is not eligible.
create table home_placement (
    id              bigint generated always as identity primary key,
    case_id         bigint      not null references covid_case,
    placed_on       date        not null,
    rule            text        not null,
    eligible        boolean     not null,
    reasons         text[]      not null,
    facts           jsonb       not null,
    override_reason text,
    placed_by       text        not null,
    placed_at       timestamptz not null default now(),
    check (eligible or override_reason is not null)
);
create index home_placement_case on home_placement (case_id, placed_at desc);

-- One open alert per case, held by the database: two readings with warning signs at once raise the same alert.
create unique index alert_one_open on alert (case_id) where status <> 'RESOLVED';

-- The unique (case_id, taken_at) index already serves a case's readings newest first.
drop index reading_case;

-- A reading copies its case's commune and village for the lists; the case holds those references. Checked
-- again on every reading they locked the commune's row, which every worker of the commune shares.
alter table reading drop constraint reading_commune_code_fkey, drop constraint reading_village_id_fkey;
