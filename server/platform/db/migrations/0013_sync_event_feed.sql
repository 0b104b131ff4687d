-- The event feed of the sync API (issue 12): acknowledged events are deleted after a retention
-- period, a practice may have events announced to a webhook, and the retention job runs once per
-- period whatever the number of instances (docs/decisions.md, "Sync events").

-- A practice's webhook: where new events are POSTed, and the secret their signature is made
-- with. The secret is sealed with the server's key (server/platform/mail/secrets.ts), never
-- stored readable: the worker opens it to sign, nobody reads it back.
create table sync_webhooks (
  practice_id bigint primary key references practices (id) on delete cascade,
  url text not null,
  sealed_secret text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The retention job deletes acknowledged events by age.
create index sync_events_acknowledged on sync_events (acknowledged_at)
  where acknowledged_at is not null;

-- At most one retention run waits in the queue: every instance schedules one at start and each
-- run schedules the next, and the extra ones are dropped by this index (on conflict do nothing).
create unique index jobs_one_queued_sync_prune on jobs (kind)
  where kind = 'sync.prune-events' and status = 'queued';
