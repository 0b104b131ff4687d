-- Bitewing's data model. Every practice-owned row carries practice_id; every table fed by the
-- practice-management system (PMS) has external_id, the PMS's own key, unique per practice.
-- Money is integer cents (bigint). Instants are timestamptz; calendar dates are date.
-- Names follow Open Dental's entities so a sync adapter maps field for field.

create type patient_status as enum ('Patient', 'NonPatient', 'Inactive', 'Archived', 'Deceased', 'Prospective');
create type staff_role as enum ('admin', 'front_desk', 'provider');
create type appointment_status as enum ('Scheduled', 'Complete', 'UnschedList', 'Broken', 'Planned');
create type confirmation_status as enum ('Unconfirmed', 'AwaitingConfirmation', 'Confirmed');
create type recall_status as enum ('Due', 'Invited', 'Scheduled', 'Dismissed');
create type statement_status as enum ('Pending', 'Processed');
create type payment_status as enum ('Pending', 'Posted', 'Declined', 'Refunded');
create type treatment_plan_status as enum ('Saved', 'Active', 'Inactive');
create type message_direction as enum ('ToPractice', 'ToPatient');
create type message_kind as enum ('WebMail', 'SecureEmail');
create type clinical_status as enum ('Active', 'Resolved', 'Inactive', 'Completed');
create type immunization_status as enum ('Completed', 'Refused', 'NotAdministered');
create type procedure_status as enum ('Complete', 'Existing', 'Planned');
create type actor_type as enum ('portal_user', 'staff_user', 'system', 'sync', 'anonymous');
create type job_status as enum ('queued', 'running', 'done', 'failed');
create type email_status as enum ('queued', 'sent', 'failed', 'stored');

-- Practices, clinics, hours, providers ------------------------------------------------------

create table practices (
  id bigint generated always as identity primary key,
  name text not null,
  slug text not null unique,
  time_zone text not null default 'America/New_York',
  currency char(3) not null default 'USD',
  phone text,
  email text,
  address1 text,
  address2 text,
  city text,
  region text,
  postal_code text,
  country char(2) not null default 'US',
  created_at timestamptz not null default now()
);

create table clinics (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  name text not null,
  abbreviation text,
  phone text,
  email text,
  address1 text,
  address2 text,
  city text,
  region text,
  postal_code text,
  country char(2) not null default 'US',
  time_zone text,
  online_payments_enabled boolean not null default false,
  is_hidden boolean not null default false,
  unique (practice_id, external_id)
);
create index clinics_practice on clinics (practice_id);

-- Opening hours of the practice (clinic_id null) or of one clinic; weekday 0 = Sunday.
create table business_hours (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  clinic_id bigint references clinics (id) on delete cascade,
  weekday smallint not null check (weekday between 0 and 6),
  opens time not null,
  closes time not null,
  check (opens < closes)
);
create index business_hours_practice on business_hours (practice_id, clinic_id);

create table providers (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  first_name text not null,
  last_name text not null,
  suffix text,
  abbreviation text,
  specialty text,
  is_hygienist boolean not null default false,
  npi text,
  clinic_id bigint references clinics (id),
  is_hidden boolean not null default false,
  unique (practice_id, external_id)
);
create index providers_practice on providers (practice_id);

-- Patients, families, representatives -------------------------------------------------------

create table patients (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  -- Open Dental's Guarantor: the family head whose account receives statements; self for the head.
  guarantor_id bigint references patients (id),
  relationship_to_guarantor text,
  first_name text not null,
  middle_name text,
  last_name text not null,
  preferred_name text,
  birthdate date,
  -- Administrative sex for the care summary; null when not recorded.
  birth_sex char(1) check (birth_sex in ('F', 'M', 'U')),
  status patient_status not null default 'Patient',
  email text,
  phone_home text,
  phone_wireless text,
  phone_work text,
  address1 text,
  address2 text,
  city text,
  region text,
  postal_code text,
  country char(2) default 'US',
  language text,
  race_code text,
  ethnicity_code text,
  clinic_id bigint references clinics (id),
  primary_provider_id bigint references providers (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (practice_id, external_id)
);
create index patients_practice_name on patients (practice_id, lower(last_name), lower(first_name));
create index patients_guarantor on patients (practice_id, guarantor_id);
create index patients_birthdate on patients (practice_id, birthdate);

-- Who may view and act for whom (guarantor, parent, guardian, responsible party).
create table patient_representatives (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  representative_id bigint not null references patients (id) on delete cascade,
  patient_id bigint not null references patients (id) on delete cascade,
  relationship text not null default 'Guarantor',
  created_at timestamptz not null default now(),
  unique (practice_id, external_id),
  unique (representative_id, patient_id),
  check (representative_id <> patient_id)
);
create index patient_representatives_patient on patient_representatives (practice_id, patient_id);

-- Users, sessions, credentials --------------------------------------------------------------

create table portal_users (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  patient_id bigint not null references patients (id) on delete cascade,
  username text not null,
  password_hash text not null,
  -- Office-issued one-time password: must be replaced at the next sign-in.
  password_is_temporary boolean not null default true,
  -- True once the first sign-in has offered a new user name (the offer comes once only).
  username_change_offered boolean not null default false,
  created_by_staff_id bigint,
  created_at timestamptz not null default now(),
  password_changed_at timestamptz,
  last_sign_in_at timestamptz,
  removed_at timestamptz,
  unique (practice_id, patient_id)
);
create unique index portal_users_username on portal_users (practice_id, lower(username));

create table staff_users (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  username text not null,
  password_hash text not null,
  display_name text not null,
  email text,
  role staff_role not null,
  provider_id bigint references providers (id),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  last_sign_in_at timestamptz
);
create unique index staff_users_username on staff_users (practice_id, lower(username));
alter table portal_users add foreign key (created_by_staff_id) references staff_users (id);

create table sessions (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  -- SHA-256 of the random token in the cookie; the token itself is never stored.
  token_hash text not null unique,
  portal_user_id bigint references portal_users (id) on delete cascade,
  staff_user_id bigint references staff_users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  idle_timeout_minutes integer not null,
  personal_info_verified_at timestamptz,
  verification_failures integer not null default 0,
  ip text,
  user_agent text,
  ended_at timestamptz,
  check ((portal_user_id is null) <> (staff_user_id is null))
);
create index sessions_portal_user on sessions (portal_user_id) where portal_user_id is not null;
create index sessions_staff_user on sessions (staff_user_id) where staff_user_id is not null;

-- Failed sign-ins, counted per user name and per client address for throttling.
create table sign_in_failures (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  realm text not null check (realm in ('portal', 'office')),
  username_key text not null,
  ip text not null,
  failed_at timestamptz not null default now()
);
create index sign_in_failures_username on sign_in_failures (practice_id, realm, username_key, failed_at);
create index sign_in_failures_ip on sign_in_failures (ip, failed_at);

create table password_reset_codes (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  portal_user_id bigint not null references portal_users (id) on delete cascade,
  code_hash text not null,
  expires_at timestamptz not null,
  attempts integer not null default 0,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index password_reset_codes_user on password_reset_codes (portal_user_id, created_at);

-- Portal settings ---------------------------------------------------------------------------

create table portal_settings (
  practice_id bigint primary key references practices (id) on delete cascade,
  feature_make_payments boolean not null default true,
  feature_account boolean not null default true,
  feature_webmail boolean not null default true,
  feature_care_summary boolean not null default true,
  feature_images boolean not null default true,
  feature_appointments boolean not null default true,
  feature_treatment_plan boolean not null default true,
  idle_timeout_minutes integer not null default 15 check (idle_timeout_minutes between 1 and 720),
  verify_personal_info boolean not null default false,
  privacy_policy text not null default '',
  webmail_notification_subject text not null default 'You have a new message',
  webmail_notification_body text not null default 'You have a new secure message from your dental office. Sign in to the patient portal to read it.',
  payment_processor text,
  updated_at timestamptz not null default now(),
  updated_by_staff_id bigint references staff_users (id)
);

-- Appointments, recalls, Web Sched ----------------------------------------------------------

create table appointments (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  patient_id bigint not null references patients (id) on delete cascade,
  clinic_id bigint references clinics (id),
  provider_id bigint references providers (id),
  hygienist_id bigint references providers (id),
  starts_at timestamptz not null,
  length_minutes integer not null check (length_minutes > 0),
  status appointment_status not null default 'Scheduled',
  confirmation confirmation_status not null default 'Unconfirmed',
  confirmed_at timestamptz,
  confirmed_by_portal_user_id bigint references portal_users (id),
  procedure_description text,
  note text,
  is_new_patient boolean not null default false,
  booked_online boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (practice_id, external_id)
);
create index appointments_patient on appointments (practice_id, patient_id, starts_at);

create table procedure_codes (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  code text not null,
  description text not null,
  abbreviation text,
  default_fee_cents bigint,
  unique (practice_id, code)
);

create table appointment_procedures (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  appointment_id bigint not null references appointments (id) on delete cascade,
  code text not null,
  description text not null,
  tooth text,
  surface text,
  unique (practice_id, external_id)
);
create index appointment_procedures_appointment on appointment_procedures (appointment_id);

create table recall_types (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  description text not null,
  interval_months integer not null default 6,
  length_minutes integer not null default 60,
  procedure_codes text not null default '',
  unique (practice_id, external_id)
);

create table recalls (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  patient_id bigint not null references patients (id) on delete cascade,
  recall_type_id bigint not null references recall_types (id),
  date_due date not null,
  date_previous date,
  status recall_status not null default 'Due',
  invited_at timestamptz,
  web_sched_enabled boolean not null default true,
  scheduled_appointment_id bigint references appointments (id),
  unique (practice_id, external_id)
);
create index recalls_patient on recalls (practice_id, patient_id);

-- The practice's open times offered for Web Sched Recall; booked_appointment_id marks it taken.
create table web_sched_open_times (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  clinic_id bigint not null references clinics (id),
  provider_id bigint not null references providers (id),
  recall_type_id bigint references recall_types (id),
  starts_at timestamptz not null,
  length_minutes integer not null check (length_minutes > 0),
  booked_appointment_id bigint unique references appointments (id),
  unique (practice_id, external_id)
);
create index web_sched_open_times_when on web_sched_open_times (practice_id, recall_type_id, starts_at)
  where booked_appointment_id is null;

-- Account: statements, payments, saved cards ------------------------------------------------

create table statements (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  -- The guarantor whose family account the statement is for.
  patient_id bigint not null references patients (id) on delete cascade,
  statement_date date not null,
  balance_cents bigint not null,
  status statement_status not null default 'Pending',
  delivery text not null default 'Email',
  note text,
  pdf_storage_key text,
  created_at timestamptz not null default now(),
  unique (practice_id, external_id)
);
create index statements_patient on statements (practice_id, patient_id, statement_date desc);

create table payment_cards (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  patient_id bigint not null references patients (id) on delete cascade,
  processor_token text not null,
  brand text not null,
  last4 char(4) not null,
  exp_month smallint not null check (exp_month between 1 and 12),
  exp_year smallint not null,
  created_at timestamptz not null default now()
);
create index payment_cards_patient on payment_cards (practice_id, patient_id);

create table payments (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  patient_id bigint not null references patients (id) on delete cascade,
  statement_id bigint references statements (id),
  amount_cents bigint not null check (amount_cents > 0),
  paid_at timestamptz not null default now(),
  method text not null,
  status payment_status not null default 'Pending',
  note text,
  card_brand text,
  card_last4 char(4),
  processor_reference text,
  made_online boolean not null default false,
  made_by_portal_user_id bigint references portal_users (id),
  posted_at timestamptz,
  posted_by_staff_id bigint references staff_users (id),
  receipt_storage_key text,
  unique (practice_id, external_id)
);
create index payments_patient on payments (practice_id, patient_id, paid_at desc);

-- Saved treatment plans ---------------------------------------------------------------------

create table treatment_plans (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  patient_id bigint not null references patients (id) on delete cascade,
  heading text not null,
  plan_date date not null,
  note text,
  -- Only Saved plans reach the portal; Active is the PMS's working plan.
  status treatment_plan_status not null default 'Saved',
  unique (practice_id, external_id)
);
create index treatment_plans_patient on treatment_plans (practice_id, patient_id, plan_date desc);

create table treatment_plan_rows (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  treatment_plan_id bigint not null references treatment_plans (id) on delete cascade,
  row_order integer not null,
  priority text,
  tooth text,
  surface text,
  code text not null,
  description text not null,
  fee_cents bigint not null default 0,
  primary_insurance_cents bigint not null default 0,
  secondary_insurance_cents bigint not null default 0,
  discount_cents bigint not null default 0,
  patient_portion_cents bigint not null default 0,
  unique (treatment_plan_id, row_order)
);

-- Secure WebMail ----------------------------------------------------------------------------

create table messages (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  -- The patient the message is about ("Regarding patient").
  patient_id bigint not null references patients (id) on delete cascade,
  direction message_direction not null,
  kind message_kind not null default 'WebMail',
  sender_portal_user_id bigint references portal_users (id),
  sender_staff_user_id bigint references staff_users (id),
  provider_id bigint references providers (id),
  in_reply_to_id bigint references messages (id),
  subject text not null,
  body text not null,
  sent_at timestamptz not null default now(),
  read_by_patient_at timestamptz,
  read_by_practice_at timestamptz,
  unique (practice_id, external_id)
);
create index messages_patient on messages (practice_id, patient_id, sent_at desc);

create table message_attachments (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  message_id bigint not null references messages (id) on delete cascade,
  file_name text not null,
  content_type text not null,
  size_bytes bigint not null,
  storage_key text not null
);
create index message_attachments_message on message_attachments (message_id);

-- Images and documents ----------------------------------------------------------------------

create table image_categories (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  name text not null,
  show_in_portal boolean not null default false,
  sort_order integer not null default 0,
  unique (practice_id, external_id)
);

create table documents (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  patient_id bigint not null references patients (id) on delete cascade,
  category_id bigint not null references image_categories (id),
  description text not null default '',
  file_name text not null,
  content_type text not null,
  size_bytes bigint not null,
  sha256 text not null,
  storage_key text not null,
  thumbnail_storage_key text,
  taken_at timestamptz not null,
  created_at timestamptz not null default now(),
  unique (practice_id, external_id)
);
create index documents_patient on documents (practice_id, patient_id, taken_at);

-- Clinical data for care summaries ----------------------------------------------------------

create table problems (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  patient_id bigint not null references patients (id) on delete cascade,
  snomed_code text,
  icd10_code text,
  description text not null,
  onset_date date,
  resolved_date date,
  status clinical_status not null default 'Active',
  unique (practice_id, external_id)
);
create index problems_patient on problems (practice_id, patient_id);

create table medications (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  patient_id bigint not null references patients (id) on delete cascade,
  rxnorm_code text,
  description text not null,
  instructions text,
  start_date date,
  stop_date date,
  status clinical_status not null default 'Active',
  unique (practice_id, external_id)
);
create index medications_patient on medications (practice_id, patient_id);

create table allergies (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  patient_id bigint not null references patients (id) on delete cascade,
  allergen_code text,
  -- 'RxNorm', 'UNII' or 'SNOMED CT', as C-CDA's allergen value sets allow.
  allergen_code_system text,
  allergen text not null,
  reaction_snomed_code text,
  reaction text,
  severity text,
  onset_date date,
  status clinical_status not null default 'Active',
  unique (practice_id, external_id)
);
create index allergies_patient on allergies (practice_id, patient_id);

create table immunizations (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  patient_id bigint not null references patients (id) on delete cascade,
  cvx_code text not null,
  vaccine text not null,
  administered_on date not null,
  status immunization_status not null default 'Completed',
  lot_number text,
  manufacturer text,
  refusal_reason text,
  unique (practice_id, external_id)
);
create index immunizations_patient on immunizations (practice_id, patient_id);

create table vital_signs (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  patient_id bigint not null references patients (id) on delete cascade,
  measured_at timestamptz not null,
  height_cm double precision,
  weight_kg double precision,
  bmi double precision,
  systolic_mmhg integer,
  diastolic_mmhg integer,
  pulse_per_min integer,
  temperature_c double precision,
  respiratory_rate_per_min integer,
  oxygen_saturation_pct double precision,
  unique (practice_id, external_id)
);
create index vital_signs_patient on vital_signs (practice_id, patient_id, measured_at);

create table lab_results (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  patient_id bigint not null references patients (id) on delete cascade,
  loinc_code text not null,
  test_name text not null,
  value text not null,
  unit text,
  reference_range text,
  interpretation text,
  observed_at timestamptz not null,
  unique (practice_id, external_id)
);
create index lab_results_patient on lab_results (practice_id, patient_id, observed_at);

-- Procedures performed or charted (Open Dental's procedurelog), the source of the CCD's
-- procedures section.
create table clinical_procedures (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  patient_id bigint not null references patients (id) on delete cascade,
  appointment_id bigint references appointments (id),
  provider_id bigint references providers (id),
  code text not null,
  code_system text not null default 'CDT',
  description text not null,
  tooth text,
  surface text,
  performed_on date not null,
  status procedure_status not null default 'Complete',
  fee_cents bigint not null default 0,
  unique (practice_id, external_id)
);
create index clinical_procedures_patient on clinical_procedures (practice_id, patient_id, performed_on);

create table encounters (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  patient_id bigint not null references patients (id) on delete cascade,
  appointment_id bigint references appointments (id),
  provider_id bigint references providers (id),
  clinic_id bigint references clinics (id),
  encounter_date date not null,
  code text,
  code_system text,
  description text not null,
  unique (practice_id, external_id)
);
create index encounters_patient on encounters (practice_id, patient_id, encounter_date);

create table smoking_statuses (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  external_id text,
  patient_id bigint not null references patients (id) on delete cascade,
  snomed_code text not null,
  description text not null,
  recorded_on date not null,
  unique (practice_id, external_id)
);
create index smoking_statuses_patient on smoking_statuses (practice_id, patient_id, recorded_on);

-- Code systems and care summaries -----------------------------------------------------------

-- Codes are shared by all practices; each practice records its own (licensed) import.
create table code_system_codes (
  system text not null check (system in ('SNOMEDCT', 'CVX')),
  code text not null,
  display text not null,
  primary key (system, code)
);

create table code_system_imports (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  system text not null check (system in ('SNOMEDCT', 'CVX')),
  version text not null,
  code_count integer not null,
  imported_at timestamptz not null default now(),
  imported_by_staff_id bigint references staff_users (id)
);
create index code_system_imports_practice on code_system_imports (practice_id, system);

create table care_summaries (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  patient_id bigint not null references patients (id) on delete cascade,
  appointment_id bigint references appointments (id),
  reason text not null check (reason in ('visit', 'on_demand')),
  document_id text not null,
  effective_at timestamptz not null,
  xml_storage_key text not null,
  sha256 text not null,
  created_at timestamptz not null default now()
);
create index care_summaries_patient on care_summaries (practice_id, patient_id, effective_at desc);

-- Audit, jobs, email, sync ------------------------------------------------------------------

-- Security events and every read or export of health information. details holds ids and
-- outcomes, never health information.
create table audit_events (
  id bigint generated always as identity primary key,
  practice_id bigint references practices (id) on delete cascade,
  occurred_at timestamptz not null default now(),
  actor_type actor_type not null,
  portal_user_id bigint references portal_users (id) on delete set null,
  staff_user_id bigint references staff_users (id) on delete set null,
  action text not null,
  outcome text not null default 'success' check (outcome in ('success', 'failure')),
  patient_id bigint references patients (id) on delete set null,
  target_type text,
  target_id text,
  ip text,
  details jsonb not null default '{}'
);
create index audit_events_practice on audit_events (practice_id, occurred_at desc);
create index audit_events_patient on audit_events (practice_id, patient_id, occurred_at desc)
  where patient_id is not null;

create table jobs (
  id bigint generated always as identity primary key,
  practice_id bigint references practices (id) on delete cascade,
  kind text not null,
  payload jsonb not null default '{}',
  status job_status not null default 'queued',
  run_at timestamptz not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null default 5,
  locked_at timestamptz,
  locked_by text,
  last_error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_ready on jobs (run_at) where status = 'queued';

create table outgoing_emails (
  id bigint generated always as identity primary key,
  practice_id bigint references practices (id) on delete cascade,
  kind text not null,
  to_address text not null,
  subject text not null,
  text_body text not null,
  html_body text,
  attachments jsonb not null default '[]',
  status email_status not null default 'queued',
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index outgoing_emails_practice on outgoing_emails (practice_id, created_at desc);

create table sync_api_keys (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  name text not null,
  key_prefix text not null,
  key_hash text not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- What happened in the portal that the PMS must learn (confirmations, bookings, payments,
-- messages), pulled and acknowledged through the sync API.
create table sync_events (
  id bigint generated always as identity primary key,
  practice_id bigint not null references practices (id) on delete cascade,
  kind text not null,
  entity_type text not null,
  entity_id bigint not null,
  payload jsonb not null default '{}',
  created_at timestamptz not null default now(),
  acknowledged_at timestamptz
);
create index sync_events_pending on sync_events (practice_id, id) where acknowledged_at is null;

-- Foreign keys that deletes and family look-ups follow, not covered by a practice-first index.
create index patients_guarantor_id on patients (guarantor_id);
create index patient_representatives_patient_id on patient_representatives (patient_id);
create index portal_users_patient on portal_users (patient_id);
create index appointments_patient_id on appointments (patient_id);
create index appointments_clinic on appointments (clinic_id);
create index appointments_provider on appointments (provider_id);
create index recalls_patient_id on recalls (patient_id);
create index statements_patient_id on statements (patient_id);
create index payments_patient_id on payments (patient_id);
create index treatment_plans_patient_id on treatment_plans (patient_id);
create index messages_patient_id on messages (patient_id);
create index documents_patient_id on documents (patient_id);
create index audit_events_portal_user on audit_events (portal_user_id);
