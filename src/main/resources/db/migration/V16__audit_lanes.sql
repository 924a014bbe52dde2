-- The audit trail is written in eight hash chains (lanes) rather than one: every write of the application
-- took the single chain's lock through its commit, which capped writes near 700 a second. Entries written
-- before stay in lane 0, whose chain they continue.
alter table audit_log add column lane smallint not null default 0;
create index audit_log_lane on audit_log (lane, id desc);
