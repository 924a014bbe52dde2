-- The audit trail's hashes become keyed (an HMAC computed by the application with a key kept outside the
-- database), so that nobody with the database alone can recompute a chain after rewriting it. Entries written
-- before stay verifiable by audit_hash() and are marked as such; in each lane they all come before the first
-- keyed entry, whose hash covers the last of them.
alter table audit_log add column keyed boolean not null default false;

-- The lane's lock, then (in a statement of its own, so that it sees the entry of whoever held the lock before)
-- the lane's last hash; and the details as the database will store and return them, for the application to hash.
create function audit_lane_head(lanes integer, p_details jsonb, out o_lane smallint, out o_prev text, out o_details text)
    language plpgsql volatile
as $$
begin
    o_lane := pg_backend_pid() % lanes;
    perform pg_advisory_xact_lock(72010001, o_lane);
    select hash into o_prev from audit_log where lane = o_lane order by id desc limit 1;
    o_prev := coalesce(o_prev, 'GENESIS');
    o_details := p_details::text;
end $$;

-- The unkeyed append is gone: an entry is only ever written with the application's keyed hash.
drop function audit_append(integer, text, text, text, text, text, bigint, jsonb);
