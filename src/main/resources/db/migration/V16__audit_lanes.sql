-- The audit trail is written in lanes, each its own hash chain, rather than in one: every write of the
-- application took the single chain's lock through its commit, which capped writes near 700 a second.
-- A connection always writes to the same lane (its backend's number modulo the lanes), so a transaction's
-- entries stay in one chain and it never waits for two lane locks. Entries written before stay in lane 0,
-- whose chain they continue.
alter table audit_log add column lane smallint not null default 0;
create index audit_log_lane on audit_log (lane, id desc);

-- One entry appended in one call: the lane's lock, then (in a statement of its own, so that it sees the
-- entry of whoever held the lock before) the lane's last hash, then the row.
create function audit_append(lanes integer, p_username text, p_address text, p_action text, p_entity text, p_entity_id text,
                             p_person_id bigint, p_details jsonb) returns void
    language plpgsql volatile
as $$
declare
    l smallint := pg_backend_pid() % lanes;
    t timestamptz;
    prev text;
begin
    perform pg_advisory_xact_lock(72010001, l);
    t := date_trunc('microseconds', clock_timestamp());
    select hash into prev from audit_log where lane = l order by id desc limit 1;
    prev := coalesce(prev, 'GENESIS');
    insert into audit_log (lane, at, username, address, action, entity, entity_id, person_id, details, prev_hash, hash)
    values (l, t, p_username, p_address, p_action, p_entity, p_entity_id, p_person_id, p_details, prev,
            audit_hash(prev, t, p_username, p_address, p_action, p_entity, p_entity_id, p_person_id, p_details));
end $$;
