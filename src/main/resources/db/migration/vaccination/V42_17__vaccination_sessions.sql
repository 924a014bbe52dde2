-- Vaccination sessions (issue 15 §7): a point on a day with its capacity and the lots it uses; the persons invited
-- from the due list, each with an unguessable token printed as a QR code; checked in and vaccinated, or no-show.
create table vaccination_session (
    id          bigint generated always as identity primary key,
    point_id    bigint   not null references vaccination_point,
    on_day      date     not null,
    capacity    integer  not null check (capacity between 1 and 5000),
    status      text     not null default 'PLANNED' check (status in ('PLANNED', 'OPEN', 'CLOSED')),
    created_by  text     not null,
    created_at  timestamptz not null default now(),
    closed_at   timestamptz,
    unique (point_id, on_day)   -- one session a day at a point: a retried creation finds it again
);

create table vaccination_session_lot (
    session_id  bigint not null references vaccination_session on delete cascade,
    lot_id      bigint not null references vaccine_lot,
    primary key (session_id, lot_id)
);

create table vaccination_invitation (
    id          bigint generated always as identity primary key,
    session_id  bigint not null references vaccination_session,
    person_id   bigint not null references person,
    token       text   not null unique,
    walk_in     boolean not null default false,
    status      text   not null default 'INVITED' check (status in ('INVITED', 'VACCINATED', 'NO_SHOW')),
    dose_id     bigint references vaccine_dose,
    created_at  timestamptz not null default now(),
    unique (session_id, person_id)
);
create index vaccination_session_day on vaccination_session (on_day, status);
