-- The rights of contact tracing and quarantine, given to the default roles. Community teams trace and
-- follow their village's contacts; facility managers and checkpoint officers admit and register.
update role set rights = rights || '{TRACING_READ,TRACING_WRITE,QUARANTINE_READ,QUARANTINE_WRITE}'
    where code in ('ADMIN', 'HEALTH_DEPARTMENT', 'DISTRICT_OFFICER', 'COMMUNE_OFFICER', 'LOCAL_ADMIN');
update role set rights = rights || '{QUARANTINE_POLICY_ADMIN}' where code in ('ADMIN', 'HEALTH_DEPARTMENT');
update role set rights = rights || '{TRACING_READ,QUARANTINE_READ}' where code = 'PROVINCIAL_COMMITTEE';
update role set rights = rights || '{TRACING_READ,TRACING_WRITE}' where code = 'COMMUNITY_TEAM';
update role set rights = rights || '{TRACING_READ,QUARANTINE_READ}' where code = 'CARE_TEAM';
update role set rights = rights || '{QUARANTINE_READ,QUARANTINE_WRITE}' where code in ('FACILITY_MANAGER', 'CHECKPOINT_OFFICER');
