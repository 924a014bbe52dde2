-- Vaccination (issue 15): the products, the vaccination points and the registry of doses. The rules that judge a
-- dose (intervals, mixes, ages, boosters, the wait after an infection) are effective-dated rows of their own tables.

-- A product as the Ministry allocated it: a table, not an enum, since new products arrived every few months.
create table vaccine_product (
    code            text primary key,
    name            text     not null,            -- as printed on certificates and the national platform
    platform_names  text[]   not null,            -- the spellings of "Tên vắc xin" in the national platform's export, folded
    primary_doses   smallint not null check (primary_doses between 1 and 3),
    doses_per_vial  smallint not null check (doses_per_vial between 1 and 20),
    platform        text     not null check (platform in ('VIRAL_VECTOR', 'MRNA', 'INACTIVATED', 'PROTEIN_SUBUNIT')),
    note            text
);
insert into vaccine_product (code, name, platform_names, primary_doses, doses_per_vial, platform, note) values
    ('ASTRAZENECA', 'AstraZeneca (Vaxzevria)', '{astrazeneca,vaxzevria,az,covishield}', 2, 10, 'VIRAL_VECTOR', null),
    ('COMIRNATY_30', 'Pfizer-BioNTech (Comirnaty) 30 µg', '{pfizer,comirnaty,pfizer-biontech,pfizer biontech,comirnaty 30}', 2, 6, 'MRNA', null),
    ('COMIRNATY_10', 'Pfizer-BioNTech (Comirnaty) 10 µg, cho trẻ 5–11 tuổi', '{pfizer 10,comirnaty 10,pfizer tre em,pfizer (tre em)}', 2, 10, 'MRNA', null),
    ('SPIKEVAX', 'Moderna (Spikevax)', '{moderna,spikevax}', 2, 10, 'MRNA', null),
    ('VERO_CELL', 'Sinopharm (Vero Cell)', '{vero cell,verocell,sinopharm,vero-cell}', 2, 1, 'INACTIVATED', null),
    ('SPUTNIK_V', 'Gam-COVID-Vac (Sputnik V)', '{sputnik v,sputnik,gam-covid-vac}', 2, 5, 'VIRAL_VECTOR', 'Liều 1 và liều 2 là hai thành phần khác nhau'),
    ('ABDALA', 'Abdala', '{abdala}', 3, 10, 'PROTEIN_SUBUNIT', 'Ba liều cơ bản, cách nhau 14 ngày'),
    ('HAYAT_VAX', 'Hayat-Vax', '{hayat-vax,hayat vax,hayatvax}', 2, 1, 'INACTIVATED', null),
    ('COVAXIN', 'Covaxin', '{covaxin}', 2, 10, 'INACTIVATED', null);

-- Where doses are given: the commune health station, a school, an enterprise, a mobile team, a home visit.
create table vaccination_point (
    id            bigint generated always as identity primary key,
    commune_code  varchar(5) not null references commune,
    name          text       not null,
    kind          text       not null check (kind in ('HEALTH_STATION', 'SCHOOL', 'ENTERPRISE', 'MOBILE', 'HOME', 'HOSPITAL')),
    address       text,
    active        boolean    not null default true,
    created_at    timestamptz not null default now(),
    unique (commune_code, name)
);

-- Every dose of every resident: given at a session, recorded by hand (given elsewhere), or imported from the national
-- platform. One dose of a kind per person, so a retry or the same file twice adds nothing.
create table vaccine_dose (
    id              bigint generated always as identity primary key,
    person_id       bigint     not null references person,
    given_on        date       not null,
    product_code    text       not null references vaccine_product,
    lot_number      text,
    lot_expiry      date,
    dose_kind       text       not null check (dose_kind in ('PRIMARY_1', 'PRIMARY_2', 'PRIMARY_3', 'ADDITIONAL', 'BOOSTER_1', 'BOOSTER_2')),
    point_id        bigint     references vaccination_point,
    given_at        text,                          -- where, when not one of our points (another province, abroad)
    vaccinator      text,
    reaction        text       not null default 'NONE' check (reaction in ('NONE', 'MILD', 'SERIOUS')),
    reaction_note   text,
    source          text       not null check (source in ('SESSION', 'MANUAL', 'IMPORT')),
    broken_rules    text[]     not null default '{}', -- the rules this dose breaks, recorded with the reason given
    override_reason text,
    recorded_by     text       not null,
    recorded_at     timestamptz not null default now(),
    unique (person_id, dose_kind),
    check (cardinality(broken_rules) = 0 or override_reason is not null)
);
create index vaccine_dose_person on vaccine_dose (person_id, given_on);
create index vaccine_dose_given_on on vaccine_dose (given_on);
create index vaccine_dose_point on vaccine_dose (point_id) where point_id is not null;
