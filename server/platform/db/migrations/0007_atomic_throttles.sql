-- Throttles count attempts, not failures, and decide in the statement that counts (issue 10):
-- reading the failures and inserting one afterwards let 15 parallel guesses all be checked
-- against a limit of 5. One row per (scope, key), updated with insert … on conflict do update,
-- so the row lock orders concurrent attempts and each one's `returning` is its own decision.
create table attempt_counters (
  -- What is counted: 'portal-sign-in', 'address', 'reset-request-address', …
  scope text not null,
  -- Whom it is counted for: a user name (with its practice), a user id or a client address.
  key text not null,
  -- Attempts let through since the counter last went quiet for a whole window.
  attempts integer not null,
  last_attempt_at timestamptz not null,
  -- Further attempts are refused until then (and not counted).
  locked_until timestamptz,
  -- The decision on the latest attempt, which `returning` hands to that attempt.
  allowed boolean not null,
  primary key (scope, key)
);
create index attempt_counters_last_attempt on attempt_counters (last_attempt_at);

drop table sign_in_failures;

-- Verify personal information locks the account, not the session: signing in again must not
-- give three more tries. Unlocked by the office, or once the lock has run out.
alter table portal_users
  add column verification_failures integer not null default 0,
  add column verification_failed_at timestamptz;
alter table sessions drop column verification_failures;
