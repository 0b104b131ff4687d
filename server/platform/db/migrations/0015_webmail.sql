-- Secure WebMail (issue 13): the patient's Inbox and Sent and the office's inboxes are read newest
-- first a page at a time (keyset on sent_at, id); the office marks messages handled and the
-- audit log says who read them; a practice may let patients attach images and PDFs.

alter table messages
  add column read_by_staff_user_id bigint,
  add column handled_at timestamptz,
  add constraint messages_read_by_staff_user_id_fkey
    foreign key (practice_id, read_by_staff_user_id) references staff_users (practice_id, id);

-- A family's Inbox or Sent: the family's patients, one direction, newest first.
create index messages_family_box on messages (practice_id, patient_id, direction, sent_at desc, id desc);
-- The office's inboxes (shared and per provider): one direction, newest first.
create index messages_office_box on messages (practice_id, direction, sent_at desc, id desc);
-- Unread counts on both sides stay small reads whatever the number of messages.
create index messages_unread_by_patient on messages (practice_id, patient_id)
  where direction = 'ToPatient' and read_by_patient_at is null;
create index messages_unread_by_practice on messages (practice_id, provider_id)
  where direction = 'ToPractice' and read_by_practice_at is null;
create index messages_in_reply_to on messages (practice_id, in_reply_to_id)
  where in_reply_to_id is not null;

-- Patients may attach images or PDFs to their messages only when the practice allows it.
alter table portal_settings
  add column webmail_patient_attachments boolean not null default false,
  add column webmail_attachment_max_bytes integer not null default 5242880
    check (webmail_attachment_max_bytes between 1 and 26214400);
