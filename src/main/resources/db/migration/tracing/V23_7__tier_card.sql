-- The derived tiers as other modules may read them (tracing's published read model, docs/decisions/0011).
create view tier_card as
select person_id, root_case_id, tier, exposure_date from person_tier;
