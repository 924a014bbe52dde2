-- Issue 15 §4: a case's vaccination is read from the registry of doses (vaccination_on, VaccinationStatuses), never
-- typed on the case. The typed number of doses goes, and the published view with it.
drop view case_card;
alter table covid_case drop column vaccine_doses;
create view case_card as
select id, person_id, commune_code, village_id, status, confirmed_on, onset_date, symptomatic, severity, care_setting,
       outcome_on, confirming_sample_id, comorbidities, pregnant
from covid_case;
