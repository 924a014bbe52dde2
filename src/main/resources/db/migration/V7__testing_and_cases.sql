-- Testing (samples, pools, screening campaigns, factory periodic testing) and confirmed cases (F0).

-- The rights these capabilities check, given to the default roles.
update role set rights = rights || '{TESTING_READ,TESTING_WRITE,LAB_RESULT_WRITE,CASE_READ,CASE_WRITE,DECISION_ISSUE}'
    where code in ('ADMIN', 'HEALTH_DEPARTMENT', 'DISTRICT_OFFICER');
-- The local administrator holds what it may hand to the commune's officers.
update role set rights = rights || '{TESTING_READ,TESTING_WRITE,CASE_READ,CASE_WRITE,DECISION_ISSUE}' where code in ('COMMUNE_OFFICER', 'LOCAL_ADMIN');
update role set rights = rights || '{TESTING_READ,CASE_READ}' where code = 'PROVINCIAL_COMMITTEE';
update role set rights = rights || '{TESTING_READ,TESTING_WRITE,CASE_READ}' where code = 'CARE_TEAM';
update role set rights = rights || '{LAB_RESULT_WRITE}' where code = 'LAB_TECHNICIAN';

-- What other capabilities may read of the registry (population's published read model, docs/decisions/0003).
create view person_card as
select id, full_name, search_name, sex, date_of_birth, birth_year, national_id, phone, commune_code, village_id,
       address, household_id, workplace_id, pregnant, comorbidities
from person where merged_into is null;

create view enterprise_card as
select id, name, tax_code, commune_code, industrial_park from enterprise;

-- Screening campaigns: an area (communes, or villages) and a period; the registry says who should be tested.
create table screening_campaign (
    id            bigint generated always as identity primary key,
    name          text        not null,
    commune_codes varchar(5)[] not null,
    village_ids   bigint[]    not null default '{}',
    starts_on     date        not null,
    ends_on       date        not null check (ends_on >= starts_on),
    test_type     text        not null check (test_type in ('RAPID', 'PCR')),
    pool_size     smallint    check (pool_size between 2 and 20),
    created_by    text        not null,
    created_at    timestamptz not null default now()
);

-- A pool (gộp mẫu): N samples tested together; its result decides its members' (3486/QĐ-BYT).
create table sample_pool (
    id           bigint generated always as identity primary key,
    code         text        not null unique,
    kind         text        not null default 'MIXED' check (kind in ('MIXED', 'HOUSEHOLD')),
    test_type    text        not null default 'PCR' check (test_type in ('RAPID', 'PCR')),
    commune_code varchar(5)  not null references commune,
    sampled_at   timestamptz not null,
    lab_code     text,
    result       text        check (result in ('NEGATIVE', 'POSITIVE', 'INVALID')),
    ct           numeric(4, 1),
    result_at    timestamptz,
    revision     integer     not null default 0,
    created_at   timestamptz not null default now()
);

create table sample (
    id              bigint generated always as identity primary key,
    code            text        not null unique,
    person_id       bigint      not null references person,
    commune_code    varchar(5)  not null references commune,
    village_id      bigint      references village,
    test_type       text        not null check (test_type in ('RAPID', 'PCR')),
    reason          text        not null default 'OTHER' check (reason in
                        ('SCREENING', 'SYMPTOMS', 'F1_FOLLOW_UP', 'TRAVEL', 'PAID_SERVICE', 'FACTORY', 'RETEST', 'OTHER')),
    sampled_at      timestamptz not null,
    place           text,
    symptomatic     boolean     not null default false,
    lab_code        text,
    pool_id         bigint      references sample_pool,
    campaign_id     bigint      references screening_campaign,
    -- Its own result, or for a pooled sample its pool's conclusion: never NEGATIVE when the pool was positive.
    result          text        check (result in ('NEGATIVE', 'POSITIVE', 'INVALID')),
    ct              numeric(4, 1),
    result_at       timestamptz,
    -- A member of a positive pool, owed a single test until one has a result.
    retest_required boolean     not null default false,
    revision        integer     not null default 0,
    created_at      timestamptz not null default now(),
    check (not (retest_required and result is not null))
);
create index sample_person on sample (person_id, sampled_at);
create index sample_commune on sample (commune_code, sampled_at);
create index sample_pool_members on sample (pool_id) where pool_id is not null;
create index sample_campaign on sample (campaign_id, person_id) where campaign_id is not null;
create index sample_retest on sample (commune_code) where retest_required;

-- A corrected result is an amendment with its history, never a second result.
create table result_amendment (
    id            bigint generated always as identity primary key,
    sample_id     bigint      references sample,
    pool_id       bigint      references sample_pool,
    result_before text,
    ct_before     numeric(4, 1),
    result_after  text,
    ct_after      numeric(4, 1),
    source        text        not null,
    amended_by    text        not null,
    amended_at    timestamptz not null default now(),
    check ((sample_id is null) <> (pool_id is null))
);
create index result_amendment_sample on result_amendment (sample_id);

-- Factory periodic testing: the share of workers to test per period (4352/BYT-MT, 8228/BYT-MT; seed 000).
create table factory_testing_rule (
    id            bigint generated always as identity primary key,
    valid_from    date         not null,
    valid_to      date,
    share_percent numeric(5, 2) not null check (share_percent > 0 and share_percent <= 100),
    period_days   integer      not null check (period_days > 0),
    document      text         not null,
    note          text
);
insert into factory_testing_rule (valid_from, valid_to, share_percent, period_days, document, note) values
    ('2021-05-28', '2021-09-29', 20, 7, '4352/BYT-MT (28/5/2021)', 'Test nhanh hằng tuần 20% người lao động ở doanh nghiệp nguy cơ cao'),
    ('2021-09-30', null, 20, 7, '8228/BYT-MT (30/9/2021)', 'Tỉnh nguy cơ rất cao: ít nhất 20% mỗi tuần (nơi khác 5–10% mỗi 2 tuần)');
-- An enterprise can be given its own share and period by the district.
alter table enterprise add column testing_share_percent numeric(5, 2) check (testing_share_percent > 0 and testing_share_percent <= 100),
                       add column testing_period_days integer check (testing_period_days > 0);

-- Which positive test confirms a case, by date. Figures marked [check] in RULES.md: editable data.
create table confirmation_rule (
    id             bigint generated always as identity primary key,
    valid_from     date    not null,
    valid_to       date,
    rapid_positive text    not null check (rapid_positive in ('NOT_ENOUGH', 'WITH_SYMPTOMS', 'ENOUGH')),
    -- A positive within this many days of a case's confirmation belongs to the same episode.
    episode_days   integer not null check (episode_days > 0),
    document       text    not null,
    note           text
);
insert into confirmation_rule (valid_from, valid_to, rapid_positive, episode_days, document, note) values
    ('2020-01-23', '2022-01-27', 'NOT_ENOUGH', 90, '4689/QĐ-BYT (06/10/2021)',
        'Ca bệnh xác định: xét nghiệm RT-PCR dương tính; test nhanh dương tính phải khẳng định bằng RT-PCR'),
    ('2022-01-28', null, 'WITH_SYMPTOMS', 90, '250/QĐ-BYT (28/01/2022)',
        'RT-PCR dương tính, hoặc test nhanh kháng nguyên dương tính và có triệu chứng [check]');

create table covid_case (
    id                  bigint generated always as identity primary key,
    version             integer     not null default 0,
    person_id           bigint      not null references person,
    commune_code        varchar(5)  not null references commune,
    village_id          bigint      references village,
    status              text        not null default 'ACTIVE'
                            check (status in ('ACTIVE', 'RECOVERED', 'DIED', 'TRANSFERRED_OUT', 'DISCARDED')),
    confirmed_on        date        not null,
    confirming_sample_id bigint     references sample,
    basis               text        not null check (basis in ('PCR', 'RAPID_WITH_SYMPTOMS', 'RAPID', 'MANUAL')),
    rule_document       text,
    evidence            text,
    source              text        not null default 'COMMUNITY'
                            check (source in ('COMMUNITY', 'QUARANTINE', 'IMPORTED_PROVINCE', 'IMPORTED_ABROAD')),
    symptomatic         boolean     not null default false,
    onset_date          date,
    severity            text        not null default 'ASYMPTOMATIC'
                            check (severity in ('ASYMPTOMATIC', 'MILD', 'MODERATE', 'SEVERE', 'CRITICAL')),
    care_setting        text        not null default 'HOME'
                            check (care_setting in ('HOME', 'QUARANTINE_FACILITY', 'TREATMENT_FACILITY', 'HOSPITAL', 'ICU')),
    facility            text,
    comorbidities       text[]      not null default '{}',
    pregnant            boolean     not null default false,
    vaccine_doses       smallint    check (vaccine_doses between 0 and 5),
    responsible_worker  text,
    outcome_on          date,
    discarded_reason    text,
    created_by          text        not null,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check ((status in ('ACTIVE', 'DISCARDED')) = (outcome_on is null))
);
-- One open case per person: a second positive in the same episode cannot open another, even concurrently.
create unique index covid_case_one_active on covid_case (person_id) where status = 'ACTIVE';
create index covid_case_person on covid_case (person_id, confirmed_on);
create index covid_case_commune on covid_case (commune_code, confirmed_on);
create index covid_case_sample on covid_case (confirming_sample_id);

-- What other capabilities may read of a case (cases' published read model, docs/decisions/0003).
create view case_card as
select id, person_id, commune_code, village_id, status, confirmed_on, onset_date, symptomatic, severity, care_setting,
       outcome_on, confirming_sample_id, comorbidities, pregnant, vaccine_doses
from covid_case;

-- The tests that make up a case (the confirming one and later positives of the same episode).
create table case_test (
    case_id   bigint not null references covid_case,
    sample_id bigint not null references sample,
    primary key (case_id, sample_id)
);
create index case_test_sample on case_test (sample_id);

-- Care setting and severity over time: transfers keep their history, and daily counts read it.
create table case_state (
    id           bigint generated always as identity primary key,
    case_id      bigint      not null references covid_case,
    valid_from   timestamptz not null,
    care_setting text        not null,
    facility     text,
    severity     text        not null,
    note         text,
    changed_by   text        not null
);
create index case_state_case on case_state (case_id, valid_from);

-- Official decisions, numbered per issuing commune and year without gaps.
create table decision_counter (
    commune_code varchar(5) not null references commune,
    year         smallint   not null,
    last_number  integer    not null,
    primary key (commune_code, year)
);
create table case_decision (
    id           bigint generated always as identity primary key,
    case_id      bigint      not null references covid_case,
    kind         text        not null check (kind in ('ISOLATION', 'END_OF_ISOLATION')),
    commune_code varchar(5)  not null references commune,
    year         smallint    not null,
    number       integer     not null,
    issued_on    date        not null,
    issued_by    text        not null,
    created_at   timestamptz not null default now(),
    unique (case_id, kind),
    unique (commune_code, year, number)
);
