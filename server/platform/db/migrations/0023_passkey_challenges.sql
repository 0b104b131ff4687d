-- Passkeys (issue 17): the challenges the server hands a browser before it registers a passkey or
-- signs in with one. Only their SHA-256 is kept; each is used once (the statement that claims it
-- deletes it) and expires after five minutes. A sign-in challenge belongs to nobody yet; the
-- others to the person adding a passkey or answering the second-factor step.
create table passkey_challenges (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  challenge_hash text not null unique,
  purpose text not null check (purpose in ('register', 'sign-in', 'second-factor')),
  realm text not null check (realm in ('portal', 'office')),
  portal_user_id bigint,
  staff_user_id bigint,
  expires_at timestamptz not null,
  check (portal_user_id is null or staff_user_id is null),
  -- Practice-scoped like every reference since migration 0005: a challenge cannot name another
  -- practice's person.
  constraint passkey_challenges_portal_user_id_fkey
    foreign key (practice_id, portal_user_id) references portal_users (practice_id, id) on delete cascade,
  constraint passkey_challenges_staff_user_id_fkey
    foreign key (practice_id, staff_user_id) references staff_users (practice_id, id) on delete cascade
);
create index passkey_challenges_expiry on passkey_challenges (expires_at);
