-- Contact tracing: contacts between persons, the F1 definition by period, the derived tiers (F0, F1, F2),
-- clusters (ổ dịch, chùm ca) and the daily follow-up of F1 by the community teams.

-- Who was close to whom, when and how. The source is the person traced from (an F0, or an F1 for F2).
create table contact (
    id                bigint generated always as identity primary key,
    source_person_id  bigint      not null references person,
    exposed_person_id bigint      not null references person,
    exposure_date     date        not null,
    last_exposure_date date,
    place             text,
    setting           text        not null default 'OTHER' check (setting in
                          ('HOUSEHOLD', 'WORKPLACE', 'SCHOOL', 'MARKET', 'VEHICLE', 'HEALTH_CARE', 'OTHER')),
    proximity         text        not null default 'WITHIN_2M' check (proximity in
                          ('PHYSICAL', 'WITHIN_1M', 'WITHIN_2M', 'SAME_CLOSED_SPACE', 'CARE_WITHOUT_PROTECTION')),
    duration_minutes  integer     check (duration_minutes >= 0),
    masked            boolean     not null default false,
    cluster_id        bigint,
    recorded_by       text        not null,
    created_at        timestamptz not null default now(),
    check (source_person_id <> exposed_person_id),
    check (last_exposure_date is null or last_exposure_date >= exposure_date),
    -- The same contact sent twice (a retry) is one contact.
    unique (source_person_id, exposed_person_id, exposure_date)
);
create index contact_exposed on contact (exposed_person_id, exposure_date);

-- The F1 definition in force by period (effective-dated, each citing its document; figures marked [check]
-- in RULES.md are data an administrator may correct).
create table f1_definition (
    id                     bigint generated always as identity primary key,
    valid_from             date    not null,
    valid_to               date,
    document               text    not null,
    -- Close contact within this many metres (WITHIN_1M always counts; WITHIN_2M when 2).
    distance_m             numeric(3, 1) not null check (distance_m > 0),
    -- Being in the same closed space counts.
    closed_space           boolean not null default true,
    -- A masked contact counts only from this many minutes (null: a masked contact counts like any other).
    masked_min_minutes     integer check (masked_min_minutes >= 0),
    -- The infectious period starts this many days before onset (or the positive sample when asymptomatic).
    infectious_days_before integer not null default 2,
    -- F2 (contacts of F1) traced for exposures in this period.
    f2_traced              boolean not null,
    f1_quarantined         boolean not null,
    -- F1 are followed (called, visited) this many days from their exposure.
    follow_up_days         integer not null check (follow_up_days > 0),
    note                   text,
    check (valid_to is null or valid_to >= valid_from)
);
insert into f1_definition (valid_from, valid_to, document, distance_m, closed_space, masked_min_minutes, f2_traced, f1_quarantined,
                           follow_up_days, note) values
    ('2020-01-23', '2021-07-29', 'Hướng dẫn giám sát COVID-19 của Bộ Y tế (2020) [check]', 2, true, null, true, true, 14,
        'Tiếp xúc gần trong vòng 2 m với F0'),
    ('2021-07-30', '2021-12-28', '3638/QĐ-BYT (30/7/2021)', 2, true, null, true, true, 14,
        'F1: tiếp xúc gần (trong vòng 2 m) với F0; F2: tiếp xúc gần với F1'),
    ('2021-12-29', '2022-04-14', 'Hướng dẫn của Bộ Y tế ngày 29/12/2021 [check]', 2, true, 15, true, true, 7,
        'Tiếp xúc cơ thể; đeo khẩu trang trong 2 m hoặc cùng không gian kín từ 15 phút; không đeo khẩu trang trong 2 m hoặc cùng không gian kín; chăm sóc F0 không bảo hộ'),
    ('2022-04-15', null, '1909/BYT-DP (15/4/2022)', 1, true, 15, false, false, 7,
        'Khoảng cách 1 m; F1 không cách ly, tự theo dõi sức khỏe; không truy vết F2');

-- The derived tiers: for each person and each F0 case it descends from, the lowest tier and the path of
-- persons from the F0 (via[1] is the F0's person, the last element the person). Recomputed set-based.
create table person_tier (
    person_id     bigint      not null,
    root_case_id  bigint      not null,
    tier          smallint    not null check (tier between 0 and 2),
    via           bigint[]    not null,
    exposure_date date        not null,
    computed_at   timestamptz not null default now(),
    primary key (person_id, root_case_id)
);
create index person_tier_root on person_tier (root_case_id, tier, person_id);
create index person_tier_f1 on person_tier (exposure_date, person_id) where tier = 1;

-- Clusters: a place where cases gather, opened and closed by an officer.
create table cluster (
    id           bigint generated always as identity primary key,
    name         text        not null,
    kind         text        not null check (kind in
                     ('ENTERPRISE', 'INDUSTRIAL_PARK', 'MARKET', 'HAMLET', 'SCHOOL', 'CARE_HOME', 'OTHER')),
    commune_code varchar(5)  not null references commune,
    village_id   bigint      references village,
    address      text,
    opened_on    date        not null,
    opened_by    text        not null,
    closed_on    date,
    closed_by    text,
    note         text,
    created_at   timestamptz not null default now(),
    check (closed_on is null or closed_on >= opened_on)
);
create index cluster_commune on cluster (commune_code, opened_on);
alter table contact add foreign key (cluster_id) references cluster;

create table cluster_case (
    cluster_id bigint      not null references cluster,
    case_id    bigint      not null references covid_case,
    added_by   text        not null,
    added_at   timestamptz not null default now(),
    primary key (cluster_id, case_id)
);

-- A call or visit to an F1, one per person and day.
create table follow_up (
    person_id   bigint      not null references person,
    day         date        not null,
    kind        text        not null check (kind in ('CALL', 'VISIT')),
    outcome     text        not null check (outcome in ('WELL', 'SYMPTOMS', 'NOT_REACHED')),
    note        text,
    recorded_by text        not null,
    recorded_at timestamptz not null default now(),
    primary key (person_id, day)
);
