-- Support to F0 households (seed 001 §4): food and necessities, medicine, waste collection, asked for by the health
-- worker or through the patient's own link, taken and done by the commune's mass organisations (MTTQ, Hội Phụ nữ,
-- Đoàn Thanh niên...), who work in the community COVID teams.

update role set rights = rights || '{SUPPORT_READ,SUPPORT_HANDLE}'
    where code in ('ADMIN', 'HEALTH_DEPARTMENT', 'DISTRICT_OFFICER', 'COMMUNE_OFFICER', 'LOCAL_ADMIN', 'COMMUNITY_TEAM');
update role set rights = rights || '{SUPPORT_READ}' where code = 'CARE_TEAM';

-- A request: OPEN, TAKEN by an organisation, then DONE; or CANCELLED before it is done.
create table support_request (
    id           bigint generated always as identity primary key,
    case_id      bigint      not null references covid_case,
    commune_code varchar(5)  not null references commune,
    village_id   bigint      references village,
    kind         text        not null check (kind in ('FOOD', 'MEDICINE', 'WASTE', 'OTHER')),
    detail       text        check (length(detail) <= 500),
    raised_by    text        not null,   -- a username, or 'patient-link'
    raised_at    timestamptz not null default now(),
    status       text        not null default 'OPEN' check (status in ('OPEN', 'TAKEN', 'DONE', 'CANCELLED')),
    handled_by   text,                   -- the organisation or person who took it ("Hội Phụ nữ xã")
    taken_at     timestamptz,
    done_at      timestamptz,
    cancelled_at timestamptz,
    note         text        check (length(note) <= 500)
);
create index support_request_open on support_request (commune_code, raised_at) where status in ('OPEN', 'TAKEN');
create index support_request_case on support_request (case_id);
-- The same need sent again while still open (a retry from a phone on 3G) is the same request.
create unique index support_request_open_once on support_request (case_id, kind, coalesce(detail, '')) where status = 'OPEN';
