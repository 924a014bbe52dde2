-- Vaccination (issue 15 §2): the lines of the national platform's export that name nobody of the registry (no such ID
-- number in the area, several persons alike, none), kept for an officer to match to a person or to register one.
-- A line is known by its key (its folded fields and the area it belongs to): the same file imported twice adds no line,
-- and a line once matched is matched again by the officer's choice (person_id) the next time the file comes.
create table vaccine_import_unmatched (
    id            bigint generated always as identity primary key,
    line_key      text        not null unique,
    job_id        uuid        not null,               -- the import that first read it (jobs: no foreign key across modules)
    line          int         not null,
    full_name     text        not null,
    date_of_birth date,
    sex           text,                               -- as written: Nam, Nữ
    national_id   text,
    phone         text,
    product_code  text        not null references vaccine_product,
    lot_number    text,
    given_on      date        not null,
    dose_kind     text        not null,
    point_id      bigint      references vaccination_point,
    given_at      text,                               -- "Điểm tiêm" as written
    commune_code  varchar(5)  references commune,     -- whose list it is: the point's commune, or the importer's one commune
    reason        text        not null check (reason in ('NO_SUCH_ID', 'SEVERAL', 'NONE')),
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    person_id     bigint      references person,      -- once matched or registered
    dose_id       bigint      references vaccine_dose on delete set null,
    resolved_by   text,
    resolved_at   timestamptz,
    check ((person_id is null) = (resolved_at is null))
);
create index vaccine_import_unmatched_open on vaccine_import_unmatched (commune_code, line) where resolved_at is null;
create index vaccine_import_unmatched_importer on vaccine_import_unmatched (created_by) where resolved_at is null;
