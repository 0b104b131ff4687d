-- Outgoing email kept one-time passwords and reset codes readable, and the office's Outgoing
-- email page showed them to staff. From now on a kept email says where its secret was; the
-- secret itself waits, sealed with a key outside the database, only until the email is settled
-- (docs/decisions.md, "Secrets in outgoing email").
alter table outgoing_emails
  add column carries_secret boolean not null default false,
  add column sealed_secret text;

-- The secrets already kept are blanked the same way (the text must match HIDDEN_SECRET in
-- server/platform/mail/secrets.ts). Codes still waiting to be sent are lost with them: a patient
-- asks for a new code, the office sends a new invitation.
update outgoing_emails
set text_body = regexp_replace(
    text_body,
    '(reset code is: )\S+',
    '\1[hidden: only the email sent to the patient has it]',
    'g'
  ),
  carries_secret = true
where kind = 'password-reset';

update outgoing_emails
set text_body = regexp_replace(
    text_body,
    '(One-time password: )\S+',
    '\1[hidden: only the email sent to the patient has it]',
    'g'
  ),
  carries_secret = true
where kind = 'access-invitation';
