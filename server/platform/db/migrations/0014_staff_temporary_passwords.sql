-- Staff accounts an administrator creates or resets get a one-time password (issue 12): at the
-- next sign-in the member chooses their own before the console lets them do anything else. The
-- first administrator (setup) and the demo's staff chose theirs, hence the default.
alter table staff_users add column password_is_temporary boolean not null default false;
