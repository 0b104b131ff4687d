-- Two-factor sign-in and the readable audit log (issue 17; docs/decisions.md, "Second factors").

-- A person's second factors: an authenticator app (TOTP) or a passkey (WebAuthn). The TOTP key
-- is sealed with the server's key (server/platform/mail/secrets.ts), never stored readable.
create table second_factors (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  portal_user_id bigint references portal_users (id) on delete cascade,
  staff_user_id bigint references staff_users (id) on delete cascade,
  kind text not null check (kind in ('totp', 'passkey')),
  label text not null default '',
  sealed_secret text,
  -- The last 30-second step a code was accepted for: a code for it, or for an earlier step, is a
  -- replay. Moved forward by the one statement that accepts the code.
  last_used_step bigint,
  credential_id text unique,
  public_key text,
  sign_count bigint not null default 0,
  transports text not null default '',
  -- An authenticator app counts once a code from it was typed back; a passkey once registered.
  confirmed_at timestamptz,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  check ((portal_user_id is null) <> (staff_user_id is null)),
  check (kind <> 'totp' or sealed_secret is not null),
  check (kind <> 'passkey' or (credential_id is not null and public_key is not null))
);
-- One authenticator app per person (a new enrolment replaces an unconfirmed one).
create unique index second_factors_one_app_portal on second_factors (portal_user_id)
  where kind = 'totp' and portal_user_id is not null;
create unique index second_factors_one_app_staff on second_factors (staff_user_id)
  where kind = 'totp' and staff_user_id is not null;
create index second_factors_staff_user on second_factors (staff_user_id)
  where staff_user_id is not null;

-- One-time recovery codes: only their SHA-256 is kept (they are 50 random bits, not passwords).
create table recovery_codes (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  portal_user_id bigint references portal_users (id) on delete cascade,
  staff_user_id bigint references staff_users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  check ((portal_user_id is null) <> (staff_user_id is null))
);
create index recovery_codes_portal_user on recovery_codes (portal_user_id, code_hash)
  where portal_user_id is not null;
create index recovery_codes_staff_user on recovery_codes (staff_user_id, code_hash)
  where staff_user_id is not null;

-- "Remember this browser for 30 days": a random token in a cookie, only its hash kept here.
create table remembered_browsers (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  portal_user_id bigint references portal_users (id) on delete cascade,
  staff_user_id bigint references staff_users (id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  check ((portal_user_id is null) <> (staff_user_id is null))
);

-- What a session opened by a password alone still owes: 'answer' (a code or a passkey) or
-- 'enroll' (the practice requires a second factor and the person has none). Until it is 'none'
-- the session can do nothing else.
alter table sessions add column second_factor_step text not null default 'none'
  check (second_factor_step in ('none', 'answer', 'enroll'));

-- The practice's policy. Existing practices (and the demo) keep everything optional; first-run
-- setup turns it on for a new practice's administrators.
alter table portal_settings
  add column second_factor_patients text not null default 'optional'
    check (second_factor_patients in ('optional', 'required')),
  add column second_factor_admins boolean not null default false;

-- The Audit log page pages by (occurred_at, id) newest first, for the whole practice or one
-- patient, one user or one action; each filter has an index ending in the paging key.
drop index audit_events_practice;
create index audit_events_practice on audit_events (practice_id, occurred_at desc, id desc);
drop index audit_events_patient;
create index audit_events_patient on audit_events (practice_id, patient_id, occurred_at desc, id desc)
  where patient_id is not null;
create index audit_events_staff_user on audit_events (practice_id, staff_user_id, occurred_at desc, id desc)
  where staff_user_id is not null;
create index audit_events_portal_user on audit_events (practice_id, portal_user_id, occurred_at desc, id desc)
  where portal_user_id is not null;
create index audit_events_action on audit_events (practice_id, action, occurred_at desc, id desc);
