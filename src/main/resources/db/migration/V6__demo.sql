-- Synthetic provinces loaded into this installation: their data is demo data, and the UI says so.
create table demo_load (
    id            bigint generated always as identity primary key,
    province_code varchar(2)  not null,
    persons       integer     not null,
    seed          bigint      not null,
    loaded_at     timestamptz not null default now()
);
