-- Contacts as other modules may read them (tracing's published read model, docs/decisions/0011): the daily
-- report and the benchmark's floors read them here, never from the table.
create view contact_card as
select * from contact;
