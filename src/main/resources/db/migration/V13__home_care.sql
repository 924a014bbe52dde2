-- F0 cared for at home: the twice-daily readings, the warning signs they raise, and the alerts that follow.

update role set rights = rights || '{HOME_CARE_READ,HOME_CARE_WRITE}'
    where code in ('ADMIN', 'HEALTH_DEPARTMENT', 'DISTRICT_OFFICER', 'COMMUNE_OFFICER', 'LOCAL_ADMIN', 'CARE_TEAM');
update role set rights = rights || '{HOME_CARE_READ}' where code = 'PROVINCIAL_COMMITTEE';

-- Warning signs by age band (4038/QĐ-BYT for adults, 528/QĐ-BYT for children), effective-dated data:
-- a reading at or beyond a threshold raises the sign. Ages in months, from inclusive, to exclusive.
create table warning_sign_rule (
    id                   bigint generated always as identity primary key,
    valid_from           date         not null,
    valid_to             date,
    band                 text         not null,
    age_from_months      integer      not null,
    age_to_months        integer,
    breathing_rate_min   integer      not null,   -- breaths a minute at or above: a sign
    spo2_max             integer      not null,   -- % at or below: a sign
    pulse_above          integer,                  -- null: not a sign in this band (the documents give
    pulse_below          integer,                  -- pulse and blood pressure limits for adults only)
    systolic_below       integer,
    diastolic_below      integer,
    temperature_above    numeric(3, 1),            -- children: fever above this
    symptoms             text[]       not null,   -- symptoms that are warning signs in this band
    document             text         not null
);
insert into warning_sign_rule (valid_from, band, age_from_months, age_to_months, breathing_rate_min, spo2_max, pulse_above,
                               pulse_below, systolic_below, diastolic_below, temperature_above, symptoms, document) values
    ('2021-08-21', 'ADULT', 144, null, 20, 96, 120, 50, 90, 60, null,
        '{SHORTNESS_OF_BREATH,CHEST_PAIN,CONFUSION,CYANOSIS}', '4038/QĐ-BYT (21/8/2021)'),
    ('2021-08-21', 'CHILD_5_12', 60, 144, 30, 96, null, null, null, null, 39.0,
        '{SHORTNESS_OF_BREATH,CHEST_PAIN,CONFUSION,CYANOSIS,POOR_FEEDING,VOMITING}', '4038/QĐ-BYT; 528/QĐ-BYT (3/3/2022)'),
    ('2021-08-21', 'CHILD_1_5', 12, 60, 40, 96, null, null, null, null, 39.0,
        '{SHORTNESS_OF_BREATH,CONFUSION,CYANOSIS,POOR_FEEDING,VOMITING}', '4038/QĐ-BYT; 528/QĐ-BYT (3/3/2022)'),
    ('2021-08-21', 'INFANT_2_12M', 2, 12, 50, 96, null, null, null, null, 39.0,
        '{SHORTNESS_OF_BREATH,CYANOSIS,POOR_FEEDING,VOMITING}', '4038/QĐ-BYT; 528/QĐ-BYT (3/3/2022)'),
    ('2021-08-21', 'NEWBORN_0_2M', 0, 2, 60, 96, null, null, null, null, 39.0,
        '{SHORTNESS_OF_BREATH,CYANOSIS,POOR_FEEDING,VOMITING}', '4038/QĐ-BYT; 528/QĐ-BYT (3/3/2022)');

-- Bảng nhật ký theo dõi hằng ngày: a reading, by the health worker or the patient's own link.
create table reading (
    id             bigint generated always as identity primary key,
    case_id        bigint        not null references covid_case,
    commune_code   varchar(5)    not null references commune,
    village_id     bigint        references village,
    taken_at       timestamptz   not null,
    temperature    numeric(3, 1) check (temperature between 30 and 45),
    spo2           smallint      check (spo2 between 50 and 100),
    breathing_rate smallint      check (breathing_rate between 5 and 120),
    pulse          smallint      check (pulse between 20 and 250),
    systolic       smallint      check (systolic between 40 and 260),
    diastolic      smallint      check (diastolic between 20 and 180),
    symptoms       text[]        not null default '{}',
    signs          text[]        not null default '{}',
    entered_by     text          not null,
    created_at     timestamptz   not null default now(),
    unique (case_id, taken_at)
);
create index reading_case on reading (case_id, taken_at desc);

-- An alert: raised by a reading with warning signs, acknowledged, then resolved by an action.
create table alert (
    id              bigint generated always as identity primary key,
    case_id         bigint      not null references covid_case,
    reading_id      bigint      not null references reading,
    commune_code    varchar(5)  not null references commune,
    village_id      bigint      references village,
    severity        smallint    not null,
    signs           text[]      not null,
    status          text        not null default 'OPEN' check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    raised_at       timestamptz not null default now(),
    acknowledged_at timestamptz,
    acknowledged_by text,
    escalated_at    timestamptz,
    resolved_at     timestamptz,
    resolved_by     text,
    action          text        check (action in ('VISIT', 'PHONE_CALL', 'TRANSFER')),
    note            text
);
create index alert_open on alert (commune_code, severity desc, raised_at) where status <> 'RESOLVED';
create index alert_case on alert (case_id);

-- Who may be cared for at home, by the date of placement (4038/4156 from Aug 2021, 261 from 31 Jan 2022,
-- 528 for children from 3 Mar 2022, 604 from 14 Mar 2022). Figures marked [check] in RULES.md.
create table home_care_eligibility_rule (
    id                           bigint generated always as identity primary key,
    valid_from                   date    not null,
    valid_to                     date,
    document                     text    not null,
    max_breathing_rate           integer not null,   -- adults: at most this many breaths a minute
    min_spo2                     integer not null,   -- at least this % on room air
    severities                   text[]  not null,   -- the severities that may stay at home
    -- 4038: without full vaccination, only if older than 1 year, younger than 50, no comorbidity, not pregnant.
    unvaccinated_min_age_months  integer,
    unvaccinated_max_age_years   integer,
    comorbidity                  text    not null check (comorbidity in ('NONE_IF_UNVACCINATED', 'STABLE')),
    requires_care                boolean not null,   -- able to self-care, or has a carer (261)
    children_by_band             boolean not null,   -- 528: a child's breathing judged by its age band, a carer needed
    min_age_months               integer,            -- 528: the youngest children are not cared for at home [check]
    note                         text
);
insert into home_care_eligibility_rule (valid_from, valid_to, document, max_breathing_rate, min_spo2, severities,
        unvaccinated_min_age_months, unvaccinated_max_age_years, comorbidity, requires_care, children_by_band, min_age_months, note) values
    ('2021-08-21', '2022-01-30', '4038/QĐ-BYT (21/8/2021), 4156/QĐ-BYT (28/8/2021)', 20, 96, '{ASYMPTOMATIC,MILD}', 13, 49,
        'NONE_IF_UNVACCINATED', false, false, null, null),
    ('2022-01-31', '2022-03-02', '261/QĐ-BYT (31/01/2022)', 20, 96, '{ASYMPTOMATIC,MILD}', null, null, 'STABLE', true, false, null,
        'Bệnh nền đã điều trị ổn định được chăm sóc tại nhà; tự chăm sóc được hoặc có người chăm sóc'),
    ('2022-03-03', '2022-03-13', '261/QĐ-BYT (31/01/2022); 528/QĐ-BYT (03/3/2022) cho trẻ em', 20, 96, '{ASYMPTOMATIC,MILD}',
        null, null, 'STABLE', true, true, 3, 'Trẻ dưới 3 tháng tuổi không điều trị tại nhà [check]'),
    ('2022-03-14', null, '604/QĐ-BYT (14/3/2022); 528/QĐ-BYT cho trẻ em', 20, 96, '{ASYMPTOMATIC,MILD}', null, null, 'STABLE', true,
        true, 3, 'Như 261, cập nhật bởi 604 [check]');

-- The end of isolation at home: a negative rapid test after the minimum days (home_care_rule), else extended.
alter table home_care_rule add column extended_days_vaccinated integer, add column extended_days_unvaccinated integer;
update home_care_rule set extended_days_vaccinated = 10, extended_days_unvaccinated = 14 where valid_from = '2022-02-21';

-- A patient's (or carer's) own link to the reading form: a secret per case, stored hashed, revocable,
-- valid while the case is open and until it expires.
create table patient_link (
    id          bigint generated always as identity primary key,
    case_id     bigint      not null references covid_case,
    token_hash  text        not null unique,
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    revoked_at  timestamptz
);
create index patient_link_case on patient_link (case_id);

-- Care organisation (seed 001): mobile medical stations and home-care teams of a commune, their health
-- workers and the villages each serves; each F0 at home has a responsible worker.
create table care_team (
    id           bigint generated always as identity primary key,
    commune_code varchar(5)  not null references commune,
    kind         text        not null check (kind in ('MOBILE_STATION', 'HOME_CARE_TEAM')),
    name         text        not null,
    created_at   timestamptz not null default now(),
    unique (commune_code, name)
);
create table care_worker (
    id        bigint generated always as identity primary key,
    team_id   bigint not null references care_team,
    full_name text   not null,
    phone     varchar(13),
    username  text,
    active    boolean not null default true
);
create table care_worker_village (
    worker_id  bigint not null references care_worker,
    village_id bigint not null references village,
    primary key (worker_id, village_id)
);
create index care_worker_village_village on care_worker_village (village_id);
create table care_assignment (
    case_id     bigint primary key references covid_case,
    worker_id   bigint      not null references care_worker,
    assigned_at timestamptz not null default now(),
    assigned_by text        not null
);
create index care_assignment_worker on care_assignment (worker_id);
