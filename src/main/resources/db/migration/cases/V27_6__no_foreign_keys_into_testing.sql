-- A foreign key into another module goes only to person, commune or village (docs/decisions/0011): a case names
-- its samples by id, written only by the confirmation that read them from testing in the same transaction.
alter table covid_case drop constraint covid_case_confirming_sample_id_fkey;
alter table case_test drop constraint case_test_sample_id_fkey;
