-- Roles and their rights are data: an administrator edits them; these are the defaults.
create table role (
    code    text primary key,
    name_vi text   not null,
    name_en text   not null,
    rights  text[] not null
);
insert into role (code, name_vi, name_en, rights) values
    ('ADMIN', 'Quản trị hệ thống', 'System administrator',
        '{PERSON_READ,PERSON_READ_BASIC,PERSON_WRITE,PERSON_MERGE,PERSON_IMPORT,PERSON_EXPORT,AGGREGATE_READ,GEOGRAPHY_ADMIN,USER_ADMIN,AUDIT_READ}'),
    ('PROVINCIAL_COMMITTEE', 'Ban Chỉ đạo tỉnh', 'Provincial steering committee',
        '{PERSON_READ,PERSON_READ_BASIC,PERSON_EXPORT,AGGREGATE_READ}'),
    ('HEALTH_DEPARTMENT', 'Sở Y tế / CDC tỉnh', 'Provincial health department / CDC',
        '{PERSON_READ,PERSON_READ_BASIC,PERSON_WRITE,PERSON_MERGE,PERSON_IMPORT,PERSON_EXPORT,AGGREGATE_READ}'),
    ('DISTRICT_OFFICER', 'Cán bộ huyện (TTYT huyện)', 'District officer',
        '{PERSON_READ,PERSON_READ_BASIC,PERSON_WRITE,PERSON_MERGE,PERSON_IMPORT,PERSON_EXPORT,AGGREGATE_READ}'),
    ('COMMUNE_OFFICER', 'Cán bộ xã (Trạm y tế, BCĐ xã)', 'Commune officer',
        '{PERSON_READ,PERSON_READ_BASIC,PERSON_WRITE,PERSON_MERGE,PERSON_IMPORT,PERSON_EXPORT,AGGREGATE_READ}'),
    ('LOCAL_ADMIN', 'Quản trị địa phương (huyện, xã)', 'Local administrator (district, commune)',
        '{USER_ADMIN,PERSON_READ,PERSON_READ_BASIC,PERSON_WRITE,PERSON_MERGE,PERSON_IMPORT,PERSON_EXPORT,AGGREGATE_READ}'),
    ('COMMUNITY_TEAM', 'Tổ Covid cộng đồng', 'Community COVID team', '{PERSON_READ_BASIC}'),
    ('CARE_TEAM', 'Trạm y tế lưu động / Tổ chăm sóc F0', 'Care-team worker', '{PERSON_READ,PERSON_READ_BASIC}'),
    ('LAB_TECHNICIAN', 'Kỹ thuật viên xét nghiệm', 'Laboratory technician', '{}'),
    ('FACILITY_MANAGER', 'Quản lý cơ sở cách ly/điều trị', 'Facility manager', '{}'),
    ('CHECKPOINT_OFFICER', 'Cán bộ chốt kiểm soát', 'Checkpoint officer', '{}'),
    ('ANALYST', 'Phân tích số liệu', 'Analyst', '{AGGREGATE_READ}');

-- Where a user works: the whole province(s), districts, communes, villages (ids) or facilities (codes).
alter table app_user
    add column jurisdiction_level text not null default 'PROVINCE'
        check (jurisdiction_level in ('PROVINCE', 'DISTRICT', 'COMMUNE', 'VILLAGE', 'FACILITY')),
    add column jurisdiction_codes text[] not null default '{}',
    add column failed_logins integer not null default 0,
    add column locked_until timestamptz,
    -- Changes when the account is disabled or its password or rights change: open sessions then end.
    add column stamp integer not null default 0,
    add column created_by text;

-- Personal API tokens: only a hash is kept; the token is shown once.
create table api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint      not null references app_user,
    name         text        not null,
    token_hash   text        not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- The audit trail: append-only, each entry chained to the previous one by a hash.
create table audit_log (
    id         bigint generated always as identity primary key,
    at         timestamptz not null default now(),
    username   text        not null,
    address    text,
    action     text        not null,
    entity     text        not null,
    entity_id  text,
    person_id  bigint,
    details    jsonb,
    prev_hash  text        not null,
    hash       text        not null
);
create index audit_log_person on audit_log (person_id, at);
create index audit_log_user on audit_log (username, at);
create index audit_log_at on audit_log (at);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

-- The hash of an entry covers the previous entry's hash and every field, as a JSON array: unambiguous
-- (a null is not an empty string, a separator inside a field cannot shift the others).
create function audit_hash(prev text, at timestamptz, username text, address text, action text, entity text,
                           entity_id text, person_id bigint, details jsonb) returns text
    language sql immutable parallel safe
as $$
select encode(sha256(convert_to(jsonb_build_array(prev, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
       username, address, action, entity, entity_id, person_id, details)::text, 'UTF8')), 'hex')
$$;
