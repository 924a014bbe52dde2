-- Vaccination (issue 15): who records doses and who keeps the vaccine, as data.
insert into role (code, name_vi, name_en, rights) values
    ('VACCINATOR', 'Cán bộ tiêm chủng', 'Vaccinator', '{PERSON_READ_BASIC,VACCINATION_READ,VACCINATION_WRITE}'),
    ('STOCK_KEEPER', 'Cán bộ quản lý vắc xin', 'Vaccine stock keeper', '{VACCINE_STOCK_READ,VACCINE_STOCK_WRITE,AGGREGATE_READ}');
update role set rights = rights || '{VACCINATION_READ,VACCINATION_WRITE,VACCINE_STOCK_READ,VACCINE_STOCK_WRITE}'
    where code in ('ADMIN', 'HEALTH_DEPARTMENT', 'COMMUNE_OFFICER', 'LOCAL_ADMIN');
update role set rights = rights || '{VACCINATION_READ,VACCINE_STOCK_READ}' where code in ('PROVINCIAL_COMMITTEE', 'DISTRICT_OFFICER');
update role set rights = rights || '{VACCINATION_READ}' where code in ('CARE_TEAM', 'COMMUNITY_TEAM');
