-- Vaccination certificates (issue 15 §9): one row per person and content certified. The QR code's token carries the
-- row's id, the person and the digest, signed with the installation's Ed25519 key (a file in the data directory, never
-- in the database): whoever can write this table still cannot make a code that verifies.
create table vaccination_certificate (
    id          bigint generated always as identity primary key,
    person_id   bigint      not null references person,
    digest      bytea       not null check (length(digest) = 16), -- SHA-256 (first 16 bytes) of the holder and the doses
    issued_at   timestamptz not null default now(),
    issued_by   text        not null,
    -- The same content printed again is the same certificate: its code stays valid.
    unique (person_id, digest)
);
