-- A list that showed persons is audited with their ids (details -> 'persons'); a search of the trail by person
-- finds those entries too.
create index audit_log_persons_shown on audit_log using gin ((details -> 'persons') jsonb_path_ops);
