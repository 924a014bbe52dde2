-- vaccine_dose had three indexes led by person_id: the unique (person_id, dose_kind), (person_id, given_on) and the
-- covering (person_id) include (given_on, dose_kind, product_code). The covering one answers every read by person and
-- day (an index-only scan filters given_on from the index), so (person_id, given_on) only slowed each insert: an
-- import of a million doses wrote it a million times.
drop index vaccine_dose_person;
