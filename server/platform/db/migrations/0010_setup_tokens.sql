-- First-run setup: `npm start` on an empty database (outside demo mode) prints a one-time link
-- to the office console's setup page. Only the SHA-256 of its token is kept; there is no practice
-- to belong to yet. Setting up a practice marks every unused token used, in the same transaction.
create table setup_tokens (
  id bigint generated always as identity primary key,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  used_at timestamptz
);
