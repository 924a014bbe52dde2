-- Which worker answers for a case at home (home care's published read model, docs/decisions/0011): the home page
-- counts the commune's F0 at home that nobody answers for yet.
create view care_assignment_card as
select a.case_id, a.worker_id, w.team_id, w.username
from care_assignment a join care_worker w on w.id = a.worker_id;
