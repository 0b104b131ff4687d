-- Online payments (issue 14): every attempt to charge a card, keyed by the page's idempotency key
-- so a double click, a retry or a refresh charges once; saved cards as processor tokens with the
-- patient's consent; refunds; the practice's maximum; and the sandbox processor's own records.
-- Card numbers are never stored: the processor (sandbox or Stripe) keeps them (PCI SAQ-A).

alter table portal_settings
  add column payment_maximum_cents bigint not null default 500000
    check (payment_maximum_cents between 100 and 10000000);

-- One row per attempt to charge. The unique key is the "never twice" rule: the first request with
-- a key inserts the row and talks to the processor; any other with the same key finds it.
create table payment_attempts (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  idempotency_key text not null check (length(idempotency_key) between 8 and 100),
  -- The account holder (the family's guarantor) whose account the payment is on.
  patient_id bigint not null references patients (id) on delete cascade,
  -- Who paid: the signed-in user's patient, or the patient verified without signing in.
  payer_patient_id bigint references patients (id) on delete set null,
  statement_id bigint references statements (id) on delete set null,
  -- Null when paid without signing in (from the sign-in page or a statement link).
  portal_user_id bigint references portal_users (id) on delete set null,
  amount_cents bigint not null check (amount_cents > 0),
  currency char(3) not null,
  note text,
  processor text not null,
  -- pending: being charged; unknown: the processor did not answer (reconciled later).
  status text not null default 'pending'
    check (status in ('pending', 'succeeded', 'failed', 'unknown', 'refunded')),
  failure_code text,
  processor_reference text,
  card_brand text,
  card_last4 char(4),
  -- Save the card (processor tokens only) once the charge succeeds: the patient's consent.
  save_card boolean not null default false,
  payment_id bigint references payments (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (practice_id, idempotency_key)
);
create index payment_attempts_patient on payment_attempts (practice_id, patient_id, created_at desc);
create index payment_attempts_unknown on payment_attempts (practice_id) where status = 'unknown';

alter table payments add column payment_attempt_id bigint references payment_attempts (id);
create unique index payments_attempt on payments (payment_attempt_id)
  where payment_attempt_id is not null;

-- Saved cards hold the processor's tokens only (customer + payment method), and when and by whom
-- the patient agreed to keep the card.
alter table payment_cards
  add column processor text not null default 'sandbox',
  add column customer_token text,
  add column consented_at timestamptz not null default now(),
  add column consented_by_portal_user_id bigint references portal_users (id) on delete set null,
  add column removed_at timestamptz;

create table payment_refunds (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  payment_attempt_id bigint not null references payment_attempts (id) on delete cascade,
  amount_cents bigint not null check (amount_cents > 0),
  reason text not null,
  processor_reference text,
  staff_id bigint references staff_users (id) on delete set null,
  created_at timestamptz not null default now()
);
create unique index payment_refunds_one on payment_refunds (payment_attempt_id);

-- The sandbox processor (demo and browser tests): the test cards its card page tokenized (last
-- four digits and what the card does, never the number), and every charge it was asked for.
create table sandbox_cards (
  token text primary key,
  brand text not null,
  last4 char(4) not null,
  exp_month smallint not null,
  exp_year smallint not null,
  behaviour text not null,
  created_at timestamptz not null default now()
);

create table sandbox_charges (
  id bigint generated always as identity primary key,
  reference text not null unique,
  idempotency_key text not null,
  card_token text not null references sandbox_cards (token),
  amount_cents bigint not null,
  currency char(3) not null,
  outcome text not null,
  refunded_cents bigint not null default 0,
  created_at timestamptz not null default now()
);
create index sandbox_charges_key on sandbox_charges (idempotency_key);
