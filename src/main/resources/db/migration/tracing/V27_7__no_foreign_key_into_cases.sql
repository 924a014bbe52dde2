-- A foreign key into another module goes only to person, commune or village (docs/decisions/0011): a cluster
-- names its cases by id, and the service checks that the case exists inside the user's area before adding it.
alter table cluster_case drop constraint cluster_case_case_id_fkey;
