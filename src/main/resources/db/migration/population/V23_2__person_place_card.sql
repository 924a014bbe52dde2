-- Where every person of the registry lives, merged ones included (population's published read model,
-- docs/decisions/0011): the audit trail keeps naming a person merged since, and an area's auditor still
-- sees the entries about the persons of the area. person_card holds the live persons only.
create view person_place_card as
select id, commune_code, village_id, merged_into from person;
