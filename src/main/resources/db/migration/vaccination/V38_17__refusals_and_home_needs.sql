-- Issue 15 §6–7: residents who refused vaccination, and those who cannot come to a point (vaccinated at home by a
-- team). Neither is closed by hand: a dose given on or after the day recorded ends it, so the lists never go stale.

-- A refusal as the official heard it: the day, a reason from the list plus the words said, who talked to the person.
create table vaccination_refusal (
    id           bigint generated always as identity primary key,
    person_id    bigint      not null references person,
    refused_on   date        not null,
    reason       text        not null check (reason in ('SIDE_EFFECTS', 'HEALTH', 'DISTRUST', 'BELIEF', 'WAITING', 'OTHER')),
    reason_text  text,
    talked_by    text        not null,             -- the user who talked to the person
    note         text,
    recorded_at  timestamptz not null default now(),
    unique (person_id, refused_on)                 -- a retry of the same day changes nothing new
);
create index vaccination_refusal_person on vaccination_refusal (person_id, refused_on);

-- A resident to be vaccinated at home; the team is a vaccination point of kind HOME or MOBILE. One open need a person.
create table vaccination_home_need (
    id           bigint generated always as identity primary key,
    person_id    bigint      not null unique references person,
    noted_on     date        not null,
    reason       text        not null check (reason in ('BEDRIDDEN', 'ELDERLY', 'DISABILITY', 'OTHER')),
    note         text,
    point_id     bigint      references vaccination_point,
    assigned_at  timestamptz,
    recorded_by  text        not null,
    recorded_at  timestamptz not null default now()
);
create index vaccination_home_need_point on vaccination_home_need (point_id) where point_id is not null;
