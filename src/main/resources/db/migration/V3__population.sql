-- Enterprises: workplaces of persons (needed for factory periodic testing).
create table enterprise (
    id               bigint generated always as identity primary key,
    name             text        not null,
    tax_code         varchar(14) unique,
    commune_code     varchar(5)  references commune,
    address          text,
    industrial_park  text,
    created_at       timestamptz not null default now()
);

-- Reference list of comorbidities (4038/QĐ-BYT annex), used by person records and, later, eligibility rules.
create table comorbidity (
    code    text primary key,
    name_vi text not null,
    name_en text not null
);
insert into comorbidity (code, name_vi, name_en) values
    ('DIABETES', 'Đái tháo đường', 'Diabetes'),
    ('HYPERTENSION', 'Tăng huyết áp', 'Hypertension'),
    ('CARDIOVASCULAR', 'Bệnh tim mạch', 'Cardiovascular disease'),
    ('CHRONIC_LUNG', 'Bệnh phổi mạn tính (COPD, hen)', 'Chronic lung disease (COPD, asthma)'),
    ('CHRONIC_KIDNEY', 'Bệnh thận mạn tính', 'Chronic kidney disease'),
    ('CHRONIC_LIVER', 'Bệnh gan mạn tính', 'Chronic liver disease'),
    ('CANCER', 'Ung thư', 'Cancer'),
    ('IMMUNODEFICIENCY', 'Suy giảm miễn dịch, HIV', 'Immunodeficiency, HIV'),
    ('OBESITY', 'Béo phì', 'Obesity'),
    ('CEREBROVASCULAR', 'Bệnh mạch máu não', 'Cerebrovascular disease'),
    ('ORGAN_TRANSPLANT', 'Ghép tạng', 'Organ transplant'),
    ('DOWN_SYNDROME', 'Hội chứng Down', 'Down syndrome'),
    ('NEUROLOGICAL', 'Bệnh thần kinh mạn tính', 'Chronic neurological disease'),
    ('BLOOD_DISORDER', 'Bệnh máu mạn tính', 'Chronic blood disorder');

create table household (
    id             bigint generated always as identity primary key,
    commune_code   varchar(5)  not null references commune,
    village_id     bigint      references village,
    code           text,
    address        text,
    head_person_id bigint,
    created_at     timestamptz not null default now()
);
-- The household book number (or an import's household key) is unique within its commune.
create unique index household_code_in_commune on household (commune_code, code);

create table person (
    id               bigint generated always as identity primary key,
    version          integer     not null default 0,
    full_name        text        not null,
    search_name      text        generated always as (fold_text(full_name)) stored,
    sex              varchar(6)  not null check (sex in ('MALE', 'FEMALE')),
    date_of_birth    date,
    birth_year       smallint    not null,
    national_id      varchar(12),
    phone            varchar(13),
    commune_code     varchar(5)  not null references commune,
    village_id       bigint      references village,
    address          text,
    household_id     bigint      references household,
    relation_to_head text,
    occupation       text,
    workplace_id     bigint      references enterprise,
    pregnant         boolean     not null default false,
    comorbidities    text[]      not null default '{}',
    merged_into      bigint      references person,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check (date_of_birth is null or extract(year from date_of_birth) = birth_year),
    check (not pregnant or sex = 'FEMALE')
);
alter table household add foreign key (head_person_id) references person;

-- One living record per ID number; merged records keep theirs for the history.
create unique index person_national_id on person (national_id) where merged_into is null and national_id is not null;
create index person_phone on person (phone) where phone is not null;
create index person_commune on person (commune_code, id);
create index person_household on person (household_id);
create index person_identity on person (commune_code, search_name, birth_year);
create index person_search_name on person using gin (search_name gin_trgm_ops);

-- Possible duplicates found on entry or import, waiting for an officer to merge or dismiss them.
create table person_duplicate (
    id           bigint generated always as identity primary key,
    person_id    bigint      not null references person,
    candidate_id bigint      not null references person,
    reason       text        not null,
    score        real        not null,
    status       text        not null default 'OPEN' check (status in ('OPEN', 'MERGED', 'DISMISSED')),
    created_at   timestamptz not null default now(),
    unique (person_id, candidate_id)
);
create index person_duplicate_open on person_duplicate (status) where status = 'OPEN';

-- Every merge, with the loser as it was, so that a merge can be understood later.
create table person_merge (
    id         bigint generated always as identity primary key,
    winner_id  bigint      not null references person,
    loser_id   bigint      not null references person,
    merged_by  text        not null,
    merged_at  timestamptz not null default now(),
    loser      jsonb       not null
);
