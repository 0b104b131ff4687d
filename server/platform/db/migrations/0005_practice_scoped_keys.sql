-- Cross-practice links are impossible in the database, whoever writes the rows (the app, the
-- sync API, a PMS writing the tables directly, a restore). Every reference from one practice's
-- row to another practice-owned row names the practice too: (practice_id, x_id) references the
-- parent's (practice_id, id), so a child can only point at a parent of its own practice. Before
-- this, an appointment of practice A could name a patient of practice B, and only the queries'
-- practice filters kept B's patient out of A's portal.
--
-- Every child table already carries practice_id (0001), so nothing is backfilled. A foreign key
-- with a null reference is not checked (MATCH SIMPLE), as before. Deletes behave as before
-- (cascade or refuse, per reference). Existing rows that link two practices make this migration
-- fail: they are damage to repair, not to carry forward.

-- The parents: (practice_id, id) is unique since id is; the constraint gives the references
-- something to point at.

alter table appointments add constraint appointments_practice_id_id_key unique (practice_id, id);
alter table clinics add constraint clinics_practice_id_id_key unique (practice_id, id);
alter table image_categories add constraint image_categories_practice_id_id_key unique (practice_id, id);
alter table messages add constraint messages_practice_id_id_key unique (practice_id, id);
alter table patients add constraint patients_practice_id_id_key unique (practice_id, id);
alter table portal_users add constraint portal_users_practice_id_id_key unique (practice_id, id);
alter table providers add constraint providers_practice_id_id_key unique (practice_id, id);
alter table recall_types add constraint recall_types_practice_id_id_key unique (practice_id, id);
alter table staff_users add constraint staff_users_practice_id_id_key unique (practice_id, id);
alter table statements add constraint statements_practice_id_id_key unique (practice_id, id);
alter table treatment_plans add constraint treatment_plans_practice_id_id_key unique (practice_id, id);

-- The references, each replaced under its own name by one that includes the practice.
alter table allergies
  drop constraint allergies_patient_id_fkey,
  add constraint allergies_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade;
alter table appointment_procedures
  drop constraint appointment_procedures_appointment_id_fkey,
  add constraint appointment_procedures_appointment_id_fkey
    foreign key (practice_id, appointment_id) references appointments (practice_id, id) on delete cascade;
alter table appointments
  drop constraint appointments_patient_id_fkey,
  drop constraint appointments_clinic_id_fkey,
  drop constraint appointments_provider_id_fkey,
  drop constraint appointments_hygienist_id_fkey,
  drop constraint appointments_confirmed_by_portal_user_id_fkey,
  add constraint appointments_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade,
  add constraint appointments_clinic_id_fkey
    foreign key (practice_id, clinic_id) references clinics (practice_id, id),
  add constraint appointments_provider_id_fkey
    foreign key (practice_id, provider_id) references providers (practice_id, id),
  add constraint appointments_hygienist_id_fkey
    foreign key (practice_id, hygienist_id) references providers (practice_id, id),
  add constraint appointments_confirmed_by_portal_user_id_fkey
    foreign key (practice_id, confirmed_by_portal_user_id) references portal_users (practice_id, id);
alter table business_hours
  drop constraint business_hours_clinic_id_fkey,
  add constraint business_hours_clinic_id_fkey
    foreign key (practice_id, clinic_id) references clinics (practice_id, id) on delete cascade;
alter table care_summaries
  drop constraint care_summaries_patient_id_fkey,
  drop constraint care_summaries_appointment_id_fkey,
  add constraint care_summaries_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade,
  add constraint care_summaries_appointment_id_fkey
    foreign key (practice_id, appointment_id) references appointments (practice_id, id);
alter table clinical_procedures
  drop constraint clinical_procedures_patient_id_fkey,
  drop constraint clinical_procedures_appointment_id_fkey,
  drop constraint clinical_procedures_provider_id_fkey,
  add constraint clinical_procedures_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade,
  add constraint clinical_procedures_appointment_id_fkey
    foreign key (practice_id, appointment_id) references appointments (practice_id, id),
  add constraint clinical_procedures_provider_id_fkey
    foreign key (practice_id, provider_id) references providers (practice_id, id);
alter table code_system_imports
  drop constraint code_system_imports_imported_by_staff_id_fkey,
  add constraint code_system_imports_imported_by_staff_id_fkey
    foreign key (practice_id, imported_by_staff_id) references staff_users (practice_id, id);
alter table documents
  drop constraint documents_patient_id_fkey,
  drop constraint documents_category_id_fkey,
  add constraint documents_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade,
  add constraint documents_category_id_fkey
    foreign key (practice_id, category_id) references image_categories (practice_id, id);
alter table encounters
  drop constraint encounters_patient_id_fkey,
  drop constraint encounters_appointment_id_fkey,
  drop constraint encounters_provider_id_fkey,
  drop constraint encounters_clinic_id_fkey,
  add constraint encounters_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade,
  add constraint encounters_appointment_id_fkey
    foreign key (practice_id, appointment_id) references appointments (practice_id, id),
  add constraint encounters_provider_id_fkey
    foreign key (practice_id, provider_id) references providers (practice_id, id),
  add constraint encounters_clinic_id_fkey
    foreign key (practice_id, clinic_id) references clinics (practice_id, id);
alter table immunizations
  drop constraint immunizations_patient_id_fkey,
  add constraint immunizations_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade;
alter table lab_results
  drop constraint lab_results_patient_id_fkey,
  add constraint lab_results_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade;
alter table medications
  drop constraint medications_patient_id_fkey,
  add constraint medications_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade;
alter table message_attachments
  drop constraint message_attachments_message_id_fkey,
  add constraint message_attachments_message_id_fkey
    foreign key (practice_id, message_id) references messages (practice_id, id) on delete cascade;
alter table messages
  drop constraint messages_patient_id_fkey,
  drop constraint messages_sender_portal_user_id_fkey,
  drop constraint messages_sender_staff_user_id_fkey,
  drop constraint messages_provider_id_fkey,
  drop constraint messages_in_reply_to_id_fkey,
  add constraint messages_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade,
  add constraint messages_sender_portal_user_id_fkey
    foreign key (practice_id, sender_portal_user_id) references portal_users (practice_id, id),
  add constraint messages_sender_staff_user_id_fkey
    foreign key (practice_id, sender_staff_user_id) references staff_users (practice_id, id),
  add constraint messages_provider_id_fkey
    foreign key (practice_id, provider_id) references providers (practice_id, id),
  add constraint messages_in_reply_to_id_fkey
    foreign key (practice_id, in_reply_to_id) references messages (practice_id, id);
alter table password_reset_codes
  drop constraint password_reset_codes_portal_user_id_fkey,
  add constraint password_reset_codes_portal_user_id_fkey
    foreign key (practice_id, portal_user_id) references portal_users (practice_id, id) on delete cascade;
alter table patient_representatives
  drop constraint patient_representatives_representative_id_fkey,
  drop constraint patient_representatives_patient_id_fkey,
  add constraint patient_representatives_representative_id_fkey
    foreign key (practice_id, representative_id) references patients (practice_id, id) on delete cascade,
  add constraint patient_representatives_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade;
alter table patients
  drop constraint patients_guarantor_id_fkey,
  drop constraint patients_clinic_id_fkey,
  drop constraint patients_primary_provider_id_fkey,
  add constraint patients_guarantor_id_fkey
    foreign key (practice_id, guarantor_id) references patients (practice_id, id),
  add constraint patients_clinic_id_fkey
    foreign key (practice_id, clinic_id) references clinics (practice_id, id),
  add constraint patients_primary_provider_id_fkey
    foreign key (practice_id, primary_provider_id) references providers (practice_id, id);
alter table payment_cards
  drop constraint payment_cards_patient_id_fkey,
  add constraint payment_cards_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade;
alter table payments
  drop constraint payments_patient_id_fkey,
  drop constraint payments_statement_id_fkey,
  drop constraint payments_made_by_portal_user_id_fkey,
  drop constraint payments_posted_by_staff_id_fkey,
  add constraint payments_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade,
  add constraint payments_statement_id_fkey
    foreign key (practice_id, statement_id) references statements (practice_id, id),
  add constraint payments_made_by_portal_user_id_fkey
    foreign key (practice_id, made_by_portal_user_id) references portal_users (practice_id, id),
  add constraint payments_posted_by_staff_id_fkey
    foreign key (practice_id, posted_by_staff_id) references staff_users (practice_id, id);
alter table portal_settings
  drop constraint portal_settings_updated_by_staff_id_fkey,
  add constraint portal_settings_updated_by_staff_id_fkey
    foreign key (practice_id, updated_by_staff_id) references staff_users (practice_id, id);
alter table portal_users
  drop constraint portal_users_patient_id_fkey,
  drop constraint portal_users_created_by_staff_id_fkey,
  add constraint portal_users_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade,
  add constraint portal_users_created_by_staff_id_fkey
    foreign key (practice_id, created_by_staff_id) references staff_users (practice_id, id);
alter table problems
  drop constraint problems_patient_id_fkey,
  add constraint problems_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade;
alter table providers
  drop constraint providers_clinic_id_fkey,
  add constraint providers_clinic_id_fkey
    foreign key (practice_id, clinic_id) references clinics (practice_id, id);
alter table recalls
  drop constraint recalls_patient_id_fkey,
  drop constraint recalls_recall_type_id_fkey,
  drop constraint recalls_scheduled_appointment_id_fkey,
  add constraint recalls_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade,
  add constraint recalls_recall_type_id_fkey
    foreign key (practice_id, recall_type_id) references recall_types (practice_id, id),
  add constraint recalls_scheduled_appointment_id_fkey
    foreign key (practice_id, scheduled_appointment_id) references appointments (practice_id, id);
alter table sessions
  drop constraint sessions_portal_user_id_fkey,
  drop constraint sessions_staff_user_id_fkey,
  add constraint sessions_portal_user_id_fkey
    foreign key (practice_id, portal_user_id) references portal_users (practice_id, id) on delete cascade,
  add constraint sessions_staff_user_id_fkey
    foreign key (practice_id, staff_user_id) references staff_users (practice_id, id) on delete cascade;
alter table smoking_statuses
  drop constraint smoking_statuses_patient_id_fkey,
  add constraint smoking_statuses_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade;
alter table staff_users
  drop constraint staff_users_provider_id_fkey,
  add constraint staff_users_provider_id_fkey
    foreign key (practice_id, provider_id) references providers (practice_id, id);
alter table statements
  drop constraint statements_patient_id_fkey,
  add constraint statements_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade;
alter table treatment_plan_rows
  drop constraint treatment_plan_rows_treatment_plan_id_fkey,
  add constraint treatment_plan_rows_treatment_plan_id_fkey
    foreign key (practice_id, treatment_plan_id) references treatment_plans (practice_id, id) on delete cascade;
alter table treatment_plans
  drop constraint treatment_plans_patient_id_fkey,
  add constraint treatment_plans_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade;
alter table vital_signs
  drop constraint vital_signs_patient_id_fkey,
  add constraint vital_signs_patient_id_fkey
    foreign key (practice_id, patient_id) references patients (practice_id, id) on delete cascade;
alter table web_sched_open_times
  drop constraint web_sched_open_times_clinic_id_fkey,
  drop constraint web_sched_open_times_provider_id_fkey,
  drop constraint web_sched_open_times_recall_type_id_fkey,
  drop constraint web_sched_open_times_booked_appointment_id_fkey,
  add constraint web_sched_open_times_clinic_id_fkey
    foreign key (practice_id, clinic_id) references clinics (practice_id, id),
  add constraint web_sched_open_times_provider_id_fkey
    foreign key (practice_id, provider_id) references providers (practice_id, id),
  add constraint web_sched_open_times_recall_type_id_fkey
    foreign key (practice_id, recall_type_id) references recall_types (practice_id, id),
  add constraint web_sched_open_times_booked_appointment_id_fkey
    foreign key (practice_id, booked_appointment_id) references appointments (practice_id, id);
