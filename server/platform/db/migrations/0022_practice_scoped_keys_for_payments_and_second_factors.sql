-- The tables added for payments (0016) and second factors (0017) referred to their parents by id
-- alone. As everywhere since 0005, a reference includes practice_id, so a row can only point at a
-- parent of its own practice (server/platform/db/practice-keys.test.ts checks every one).

alter table payment_attempts add constraint payment_attempts_practice_id_id_key unique (practice_id, id);
alter table payments add constraint payments_practice_id_id_key unique (practice_id, id);

alter table payment_attempts
  drop constraint payment_attempts_patient_id_fkey,
  drop constraint payment_attempts_payer_patient_id_fkey,
  drop constraint payment_attempts_statement_id_fkey,
  drop constraint payment_attempts_portal_user_id_fkey,
  drop constraint payment_attempts_payment_id_fkey,
  add constraint payment_attempts_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade,
  add constraint payment_attempts_payer_patient_id_fkey
    foreign key (practice_id, payer_patient_id) references patients (practice_id, id) on delete set null (payer_patient_id),
  add constraint payment_attempts_statement_id_fkey
    foreign key (practice_id, statement_id) references statements (practice_id, id) on delete set null (statement_id),
  add constraint payment_attempts_portal_user_id_fkey
    foreign key (practice_id, portal_user_id) references portal_users (practice_id, id) on delete set null (portal_user_id),
  add constraint payment_attempts_payment_id_fkey
    foreign key (practice_id, payment_id) references payments (practice_id, id) on delete set null (payment_id);
alter table payments
  drop constraint payments_payment_attempt_id_fkey,
  add constraint payments_payment_attempt_id_fkey
    foreign key (practice_id, payment_attempt_id) references payment_attempts (practice_id, id);
alter table payment_cards
  drop constraint payment_cards_consented_by_portal_user_id_fkey,
  add constraint payment_cards_consented_by_portal_user_id_fkey
    foreign key (practice_id, consented_by_portal_user_id) references portal_users (practice_id, id) on delete set null (consented_by_portal_user_id);
alter table payment_refunds
  drop constraint payment_refunds_payment_attempt_id_fkey,
  drop constraint payment_refunds_staff_id_fkey,
  add constraint payment_refunds_payment_attempt_id_fkey
    foreign key (practice_id, payment_attempt_id) references payment_attempts (practice_id, id) on delete cascade,
  add constraint payment_refunds_staff_id_fkey
    foreign key (practice_id, staff_id) references staff_users (practice_id, id) on delete set null (staff_id);
alter table second_factors
  drop constraint second_factors_portal_user_id_fkey,
  drop constraint second_factors_staff_user_id_fkey,
  add constraint second_factors_portal_user_id_fkey
    foreign key (practice_id, portal_user_id) references portal_users (practice_id, id) on delete cascade,
  add constraint second_factors_staff_user_id_fkey
    foreign key (practice_id, staff_user_id) references staff_users (practice_id, id) on delete cascade;
alter table recovery_codes
  drop constraint recovery_codes_portal_user_id_fkey,
  drop constraint recovery_codes_staff_user_id_fkey,
  add constraint recovery_codes_portal_user_id_fkey
    foreign key (practice_id, portal_user_id) references portal_users (practice_id, id) on delete cascade,
  add constraint recovery_codes_staff_user_id_fkey
    foreign key (practice_id, staff_user_id) references staff_users (practice_id, id) on delete cascade;
alter table remembered_browsers
  drop constraint remembered_browsers_portal_user_id_fkey,
  drop constraint remembered_browsers_staff_user_id_fkey,
  add constraint remembered_browsers_portal_user_id_fkey
    foreign key (practice_id, portal_user_id) references portal_users (practice_id, id) on delete cascade,
  add constraint remembered_browsers_staff_user_id_fkey
    foreign key (practice_id, staff_user_id) references staff_users (practice_id, id) on delete cascade;
