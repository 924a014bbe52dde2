-- Only persons not merged into another are listed or counted; with the condition in the index, a count of
-- the province's persons (the directory's total) reads the index alone instead of every row of the table:
-- 1.3 million persons counted in a fraction of the time.
drop index person_commune;
create index person_commune on person (commune_code, id) where merged_into is null;
