-- Quarantine: facilities, the quarantine policy table (effective-dated data), arrivals and stays.

-- Concentrated quarantine sites, hotels used as paid quarantine, treatment facilities and hospitals.
-- A site can be converted (seed 003): its kind changes, its earlier kind is kept.
create table quarantine_facility (
    id             bigint generated always as identity primary key,
    code           text        not null unique,
    name           text        not null,
    kind           text        not null check (kind in ('CONCENTRATED', 'HOTEL', 'TREATMENT', 'HOSPITAL')),
    converted_from text        check (converted_from in ('CONCENTRATED', 'HOTEL', 'TREATMENT', 'HOSPITAL')),
    commune_code   varchar(5)  not null references commune,
    capacity       integer     not null check (capacity >= 0),
    rooms          integer     check (rooms >= 0),
    address        text,
    active         boolean     not null default true,
    created_by     text        not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create index quarantine_facility_commune on quarantine_facility (commune_code);

-- Who is quarantined how, by the start day of the stay. Figures marked [check] in RULES.md: the provincial
-- health department corrects them (QUARANTINE_POLICY_ADMIN); a stay keeps the figures it started under.
create table quarantine_policy (
    id                   bigint generated always as identity primary key,
    subject              text    not null check (subject in ('F1', 'ARRIVAL_ABROAD', 'ARRIVAL_PROVINCE')),
    vaccination          text    not null default 'ANY' check (vaccination in ('ANY', 'VACCINATED', 'UNVACCINATED')),
    valid_from           date    not null,
    valid_to             date,
    -- FACILITY: concentrated; HOME: at home (or the place of residence); NONE: no quarantine, self-monitoring only.
    place                text    not null check (place in ('FACILITY', 'HOME', 'NONE')),
    quarantine_days      integer not null check (quarantine_days >= 0),
    home_monitoring_days integer not null default 0 check (home_monitoring_days >= 0),
    self_monitoring_days integer not null default 0 check (self_monitoring_days >= 0),
    -- Day 1 is the first day of the stay.
    test_days            integer[] not null default '{}',
    document             text    not null,
    note                 text,
    updated_by           text    not null default 'system',
    updated_at           timestamptz not null default now(),
    check (valid_to is null or valid_to >= valid_from),
    check ((place = 'NONE') = (quarantine_days = 0))
);
create index quarantine_policy_lookup on quarantine_policy (subject, valid_from);

insert into quarantine_policy (subject, vaccination, valid_from, valid_to, place, quarantine_days, home_monitoring_days,
                               self_monitoring_days, test_days, document, note) values
    ('F1', 'ANY', '2021-05-01', '2021-07-13', 'FACILITY', 21, 0, 0, '{1,14,21}',
     'Hướng dẫn của Bộ Y tế (05/2021) [check]', '21 ngày cách ly tập trung'),
    ('F1', 'ANY', '2021-07-14', '2021-12-15', 'FACILITY', 14, 14, 0, '{1,7,14}',
     '5599/BYT-MT (14/7/2021)', '14 ngày cách ly tập trung + 14 ngày theo dõi tại nhà; thí điểm cách ly tại nhà'),
    ('F1', 'VACCINATED', '2021-12-16', '2022-02-20', 'HOME', 7, 0, 7, '{1,7}',
     '10696/BYT-MT (16/12/2021)', 'Tiêm đủ liều (mũi cuối 14 ngày – 6 tháng) hoặc khỏi bệnh < 6 tháng: 7 ngày tại nhà + 7 ngày tự theo dõi'),
    ('F1', 'UNVACCINATED', '2021-12-16', '2022-02-20', 'HOME', 14, 0, 0, '{1,7,14}',
     '10696/BYT-MT (16/12/2021)', 'Chưa tiêm đủ liều: 14 ngày [check]'),
    ('F1', 'VACCINATED', '2022-02-21', '2022-04-14', 'HOME', 5, 0, 5, '{5}',
     'Hướng dẫn của Bộ Y tế (21/02/2022) [check]', '≥ 2 mũi hoặc khỏi bệnh < 3 tháng: 5 ngày + 5 ngày tự theo dõi'),
    ('F1', 'UNVACCINATED', '2022-02-21', '2022-04-14', 'HOME', 7, 0, 3, '{7}',
     'Hướng dẫn của Bộ Y tế (21/02/2022) [check]', 'Các trường hợp khác: 7 ngày + 3 ngày tự theo dõi'),
    ('F1', 'ANY', '2022-04-15', null, 'NONE', 0, 0, 0, '{}',
     '1909/BYT-DP (15/4/2022)', 'F1 không phải cách ly, tự theo dõi sức khỏe'),
    ('ARRIVAL_ABROAD', 'ANY', '2021-05-01', '2021-12-15', 'FACILITY', 21, 7, 0, '{1,7,14,21}',
     'Hướng dẫn của Bộ Y tế về cách ly người nhập cảnh (05/2021) [check]', '21 ngày cách ly tập trung + 7 ngày theo dõi tại nhà'),
    ('ARRIVAL_ABROAD', 'VACCINATED', '2021-12-16', '2022-03-14', 'HOME', 7, 0, 7, '{1,3,7}',
     'Hướng dẫn của Bộ Y tế về người nhập cảnh (12/2021) [check]', '7 ngày tại nhà/nơi lưu trú + 7 ngày tự theo dõi'),
    ('ARRIVAL_ABROAD', 'UNVACCINATED', '2021-12-16', '2022-03-14', 'FACILITY', 14, 0, 0, '{1,7,14}',
     'Hướng dẫn của Bộ Y tế về người nhập cảnh (12/2021) [check]', '14 ngày cách ly tập trung'),
    ('ARRIVAL_ABROAD', 'ANY', '2022-03-15', null, 'NONE', 0, 0, 0, '{}',
     'Công điện 11/CĐ-TTg (02/3/2022) [check]', 'Người nhập cảnh không phải cách ly, tự theo dõi 10 ngày'),
    ('ARRIVAL_PROVINCE', 'ANY', '2021-05-01', '2021-07-31', 'FACILITY', 21, 0, 0, '{1,14,21}',
     'Hướng dẫn của Bộ Y tế (05/2021) [check]', 'Đến từ vùng có dịch: như F1'),
    ('ARRIVAL_PROVINCE', 'VACCINATED', '2021-08-01', '2021-12-15', 'HOME', 7, 0, 7, '{1,7}',
     'Hướng dẫn của Bộ Y tế (08/2021) [check]', 'Đến từ vùng có dịch, tiêm đủ liều hoặc đã khỏi bệnh: 7 ngày tại nhà'),
    ('ARRIVAL_PROVINCE', 'UNVACCINATED', '2021-08-01', '2021-12-15', 'FACILITY', 14, 14, 0, '{1,7,14}',
     'Hướng dẫn của Bộ Y tế (08/2021) [check]', 'Đến từ vùng có dịch, chưa tiêm đủ liều: 14 ngày tập trung + 14 ngày tại nhà'),
    ('ARRIVAL_PROVINCE', 'ANY', '2021-12-16', '2022-04-14', 'HOME', 7, 0, 7, '{1,7}',
     '10696/BYT-MT (16/12/2021) [check]', 'Đến từ địa bàn cấp độ 4: 7 ngày tại nhà [check]'),
    ('ARRIVAL_PROVINCE', 'ANY', '2022-04-15', null, 'NONE', 0, 0, 0, '{}',
     '1909/BYT-DP (15/4/2022)', 'Không cách ly, tự theo dõi sức khỏe');

-- People entering from abroad or from another province, registered by checkpoint officers (seed 000).
create table quarantine_arrival (
    id            bigint generated always as identity primary key,
    person_id     bigint      not null references person,
    commune_code  varchar(5)  not null references commune,
    village_id    bigint      references village,
    origin_kind   text        not null check (origin_kind in ('ABROAD', 'PROVINCE')),
    origin        text        not null,
    outbreak_area boolean     not null default false,
    arrived_on    date        not null,
    checkpoint    text,
    vaccinated    boolean,
    note          text,
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    unique (person_id, arrived_on, origin)
);
create index quarantine_arrival_commune on quarantine_arrival (commune_code, arrived_on);

-- A person in quarantine at a facility or at home. commune_code and village_id are the person's at admission
-- (the jurisdiction of the stay). The computed days are kept: a later change of the policy does not move them.
create table quarantine_stay (
    id                    bigint generated always as identity primary key,
    person_id             bigint      not null references person,
    commune_code          varchar(5)  not null references commune,
    village_id            bigint      references village,
    subject               text        not null check (subject in ('F1', 'ARRIVAL_ABROAD', 'ARRIVAL_PROVINCE')),
    vaccinated            boolean     not null default false,
    group_name            text,
    arrival_id            bigint      references quarantine_arrival,
    facility_id           bigint      references quarantine_facility,
    home_approved_by      text,
    start_on              date        not null,
    end_on                date        not null check (end_on >= start_on),
    home_monitoring_until date,
    self_monitoring_until date,
    test_days             integer[]   not null,
    policy_id             bigint      not null references quarantine_policy,
    policy_document       text        not null,
    status                text        not null default 'ACTIVE' check (status in ('ACTIVE', 'RELEASED', 'TURNED_CASE')),
    ended_on              date,
    case_id               bigint,
    over_capacity_reason  text,
    decision_commune      varchar(5),
    decision_year         smallint,
    decision_number       integer,
    decision_issued_on    date,
    decision_issued_by    text,
    created_by            text        not null,
    created_at            timestamptz not null default now(),
    check ((facility_id is null) = (home_approved_by is not null)),
    check ((status = 'ACTIVE') = (ended_on is null)),
    unique (decision_commune, decision_year, decision_number)
);
-- One stay at a time per person, even under concurrent admissions.
create unique index quarantine_stay_one_active on quarantine_stay (person_id) where status = 'ACTIVE';
create index quarantine_stay_person on quarantine_stay (person_id, start_on);
create index quarantine_stay_commune on quarantine_stay (commune_code, start_on);
create index quarantine_stay_facility on quarantine_stay (facility_id) where status = 'ACTIVE';
create index quarantine_stay_arrival on quarantine_stay (arrival_id) where arrival_id is not null;

-- Where a stay was, from which day: the admission and every transfer (facility, or home when null).
create table quarantine_movement (
    id           bigint generated always as identity primary key,
    stay_id      bigint      not null references quarantine_stay on delete cascade,
    facility_id  bigint      references quarantine_facility,
    from_on      date        not null,
    reason       text,
    over_capacity_reason text,
    moved_by     text        not null,
    moved_at     timestamptz not null default now()
);
create index quarantine_movement_stay on quarantine_movement (stay_id, id);
