-- The worklist "Thiếu CCCD/CMND": living persons without an ID number, by commune and name. Only they are in the
-- index, so the list and its total read a few rows of the commune instead of every resident.
create index person_missing_national_id on person (commune_code, search_name, id) where national_id is null and merged_into is null;
