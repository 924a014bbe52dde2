-- What other modules may read of a sample and its result (testing's published read model, docs/decisions/0011):
-- cases show a case's confirming sample, quarantine the tests of a stay.
create view sample_card as
select id, code, person_id, commune_code, village_id, test_type, reason, sampled_at, symptomatic, result, ct, result_at
from sample;
