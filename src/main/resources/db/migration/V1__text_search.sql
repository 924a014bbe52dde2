-- Accent-insensitive, typo-tolerant search of Vietnamese names.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only STABLE (its dictionary can change); the explicit dictionary makes this safe to
-- declare IMMUTABLE so that generated columns and indexes can use it. đ/Đ fold to d by unaccent's rules.
create or replace function fold_text(t text) returns text
    language sql immutable strict parallel safe
as $$ select lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;
