-- Facilities with their beds, and stays, as other modules may read them (quarantine's published read model,
-- docs/decisions/0011): the home page counts free beds, people in quarantine and the tests due today here.
create view facility_card as
select f.id, f.code, f.name, f.kind, f.commune_code, f.capacity, f.active,
       (select count(*) from quarantine_stay s where s.facility_id = f.id and s.status = 'ACTIVE') as occupied
from quarantine_facility f;

create view quarantine_stay_card as
select id, person_id, commune_code, village_id, subject, facility_id, start_on, end_on, test_days, status, ended_on
from quarantine_stay;
