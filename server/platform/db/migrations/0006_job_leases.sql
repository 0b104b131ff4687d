-- Job leases (issue 10): a claimed job is the worker's only until `locked_until`, which the worker
-- moves on while it works. A job whose lease ran out (its worker crashed or hangs) is claimed
-- again by any worker, so a crash no longer leaves it `running` for ever.
alter table jobs add column locked_until timestamptz;

-- Jobs a crash left running before leases existed are taken again a few minutes after the upgrade
-- (not at once: an instance still on the old code may be running them this minute).
update jobs set locked_until = coalesce(locked_at, now()) + interval '5 minutes'
  where status = 'running';

create index jobs_leased on jobs (locked_until) where status = 'running';
