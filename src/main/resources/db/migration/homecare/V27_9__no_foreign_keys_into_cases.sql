-- A foreign key into another module goes only to person, commune or village (docs/decisions/0011): home care's
-- rows name their case by id, and the services check that the case exists inside the user's area before writing.
alter table reading drop constraint reading_case_id_fkey;
alter table alert drop constraint alert_case_id_fkey;
alter table patient_link drop constraint patient_link_case_id_fkey;
alter table care_assignment drop constraint care_assignment_case_id_fkey;
alter table home_placement drop constraint home_placement_case_id_fkey;
