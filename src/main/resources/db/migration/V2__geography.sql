-- Administrative units keyed by their GSO codes. Units are never deleted: a unit that vanishes from a
-- newer official list becomes inactive, and records keep pointing at the code they had.
create table province (
    code        varchar(2) primary key,
    name        text        not null,
    name_en     text,
    kind        text        not null,
    active      boolean     not null default true,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create table district (
    code          varchar(3) primary key,
    province_code varchar(2)  not null references province,
    name          text        not null,
    name_en       text,
    kind          text        not null,
    active        boolean     not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index district_province on district (province_code);

create table commune (
    code          varchar(5) primary key,
    district_code varchar(3)  not null references district,
    name          text        not null,
    name_en       text,
    kind          text        not null,
    active        boolean     not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index commune_district on commune (district_code);
create index commune_name_search on commune using gin (fold_text(name) gin_trgm_ops);

-- Villages and residential groups (thôn, xóm, ấp, bản, tổ dân phố), kept by each commune.
create table village (
    id           bigint generated always as identity primary key,
    commune_code varchar(5)  not null references commune,
    name         text        not null,
    kind         text        not null,
    active       boolean     not null default true,
    created_at   timestamptz not null default now()
);
create unique index village_name_in_commune on village (commune_code, fold_text(name));

-- What each import of the official list changed: the history of names and of units that vanished.
create table geography_import (
    id          bigint generated always as identity primary key,
    file_name   text        not null,
    imported_by text        not null,
    imported_at timestamptz not null default now(),
    summary     jsonb       not null
);

create table geography_change (
    import_id  bigint     not null references geography_import,
    level      text       not null,
    code       varchar(5) not null,
    change     text       not null,
    old_name   text,
    new_name   text
);
create index geography_change_code on geography_change (code);
