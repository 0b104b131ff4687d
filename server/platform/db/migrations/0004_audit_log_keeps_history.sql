-- The audit log records who did what to which patient, as it was at the time. Foreign keys made
-- it change with the rows it names (deleting a user or patient set its ids to null: the history
-- was rewritten) and cost every event three lookups and a share lock on the practice's row, which
-- was most of a patient read's database time. The ids stay as recorded; readers left-join.
alter table audit_events
  drop constraint audit_events_practice_id_fkey,
  drop constraint audit_events_portal_user_id_fkey,
  drop constraint audit_events_staff_user_id_fkey,
  drop constraint audit_events_patient_id_fkey;

-- It served the foreign key's "on delete set null"; nothing looks events up by portal user alone.
drop index audit_events_portal_user;
