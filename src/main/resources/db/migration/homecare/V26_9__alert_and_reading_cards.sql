-- Alerts and readings as other modules may read them (home care's published read model, docs/decisions/0011):
-- the daily report and the benchmark's floors read them here, never from the tables.
create view alert_card as
select * from alert;

create view reading_card as
select * from reading;
