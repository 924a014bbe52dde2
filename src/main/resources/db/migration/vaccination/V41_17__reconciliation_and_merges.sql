-- Reconciliation (issue 15 §2): what a vaccination point reported it gave, per day and product (the tally sheet the
-- points sent up in 2021), set beside the registry's doses and the stock issued to the point, so missing doses show.

-- One count per point, day and product: a second report of the same corrects it (the row keeps the latest count,
-- every earlier one stays in the revisions below).
create table vaccination_point_report (
    id            bigint generated always as identity primary key,
    point_id      bigint      not null references vaccination_point,
    day           date        not null,
    product_code  text        not null references vaccine_product,
    doses         integer     not null check (doses between 0 and 100000),
    reported_by   text        not null,
    reported_at   timestamptz not null default now(),
    corrected_by  text,
    corrected_at  timestamptz,
    unique (point_id, day, product_code)
);
create index vaccination_point_report_day on vaccination_point_report (day, point_id);

-- Every count a report ever had, appended: who changed it from what to what, and when.
create table vaccination_point_report_revision (
    id           bigint generated always as identity primary key,
    report_id    bigint      not null references vaccination_point_report,
    doses_before integer     not null,
    doses_after  integer     not null,
    changed_by   text        not null,
    changed_at   timestamptz not null default now()
);
create index vaccination_point_report_revision_report on vaccination_point_report_revision (report_id);

-- Persons merged (population's PersonsMerged): the merged-away record's doses move to the survivor. When both hold a
-- dose of the same kind, the survivor keeps the earlier one and the other is set aside here, whole, never dropped in
-- silence: a DUPLICATE (same day and product: one dose recorded twice) or a CONFLICT (an officer should look: it may
-- be a dose recorded under the wrong kind).
create table vaccine_dose_set_aside (
    id            bigint generated always as identity primary key,
    dose_id       bigint      not null,           -- the vaccine_dose row it was, now deleted
    person_id     bigint      not null references person,  -- the merged-away record it belonged to
    survivor_id   bigint      not null references person,
    kept_dose_id  bigint      not null references vaccine_dose on delete cascade,
    dose_kind     text        not null,
    given_on      date        not null,
    product_code  text        not null references vaccine_product,
    lot_number    text,
    point_id      bigint      references vaccination_point,
    reason        text        not null check (reason in ('DUPLICATE', 'CONFLICT')),
    dose          jsonb       not null,           -- the whole row as it was
    set_aside_at  timestamptz not null default now()
);
create index vaccine_dose_set_aside_survivor on vaccine_dose_set_aside (survivor_id);
