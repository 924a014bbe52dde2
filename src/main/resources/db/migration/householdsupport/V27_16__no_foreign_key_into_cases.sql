-- A foreign key into another module goes only to person, commune or village (docs/decisions/0011): a request
-- names its case by id, and the service checks that the case exists inside the user's area before writing.
alter table support_request drop constraint support_request_case_id_fkey;
