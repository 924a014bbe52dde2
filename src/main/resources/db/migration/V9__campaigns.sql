-- Screening campaigns and factory periodic testing.

-- The district may give an enterprise its own testing share and period (V7): testing reads them through
-- population's published view (docs/decisions/0003), so the view gains the two columns, at its end.
create or replace view enterprise_card as
select id, name, tax_code, commune_code, industrial_park, testing_share_percent, testing_period_days from enterprise;

-- The workers of an enterprise: factory compliance counts them for every enterprise of a jurisdiction,
-- which without this index reads the whole registry.
create index person_workplace on person (workplace_id) where workplace_id is not null and merged_into is null;
