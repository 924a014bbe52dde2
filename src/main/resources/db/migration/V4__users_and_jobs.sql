create table app_user (
    id            bigint generated always as identity primary key,
    username      text        not null unique,
    password_hash text        not null,
    full_name     text,
    roles         text[]      not null default '{}',
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now()
);

-- Long work (imports) runs as a job whose progress the UI polls.
create table job (
    id            uuid primary key,
    kind          text        not null,
    status        text        not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    file_name     text,
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    finished_at   timestamptz,
    rows_total    integer     not null default 0,
    rows_done     integer     not null default 0,
    rows_rejected integer     not null default 0,
    phase         text,
    result        jsonb,
    error         text
);

create table job_rejection (
    job_id uuid    not null references job on delete cascade,
    line   integer not null,
    reason text    not null
);
create index job_rejection_job on job_rejection (job_id, line);
