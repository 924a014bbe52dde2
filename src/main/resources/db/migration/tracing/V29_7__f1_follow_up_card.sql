-- Each F1's follow-up period under the definition of its exposure day (tracing's published read model,
-- docs/decisions/0011): the home page counts the F1 followed today, as the follow-up list finds them.
create view f1_follow_up_card as
select distinct on (t.person_id, t.exposure_date) t.person_id, t.exposure_date, t.exposure_date + d.follow_up_days as until
from person_tier t
join f1_definition d on t.exposure_date >= d.valid_from and (d.valid_to is null or t.exposure_date <= d.valid_to)
where t.tier = 1
order by t.person_id, t.exposure_date, t.root_case_id;
