-- The case's responsible worker was written twice: as free text on the case, and as home care's assignment of a
-- worker of the village (care_assignment). The assignment stays; the case page and export show it.
alter table covid_case drop column responsible_worker;
