-- The path from the F0 (person ids) joins the published tiers: a case's F1/F2 list, read by the benchmark's floor,
-- shows it (docs/decisions/0011).
create or replace view tier_card as
select person_id, root_case_id, tier, exposure_date, via from person_tier;
