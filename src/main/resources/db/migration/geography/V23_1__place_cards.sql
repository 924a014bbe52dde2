-- What other modules may read of the places (geography's published read model, docs/decisions/0011): a commune
-- with its district's name and province, a village with its commune. The district is a left join on its key,
-- so a query that uses none of its columns does not read it.
create view commune_card as
select c.code, c.name, c.kind, c.active, c.district_code, d.name as district_name, d.province_code
from commune c left join district d on d.code = c.district_code;

create view village_card as
select id, commune_code, name, kind, active from village;
