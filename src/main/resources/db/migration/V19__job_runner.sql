-- Which process runs a job (host, process id, process start), so that the next start of the application on
-- that host can tell the jobs a killed process left RUNNING or QUEUED from those of a live one.
alter table job add column runner text;
