-- Support requests as other modules may read them (household support's published read model, docs/decisions/0011):
-- the home page counts the commune's open ones.
create view support_request_card as
select id, case_id, commune_code, village_id, kind, status, raised_at from support_request;
