-- Every change to a table the app keeps reads of (server/platform/db/read-cache.ts) is announced
-- on the channel `bitewing_changes`, whoever makes it: this app, another instance of it, the sync
-- API, or a PMS writing the tables directly. PostgreSQL delivers a notification only once its
-- transaction has committed, in commit order, so a cached read is dropped no later than the
-- change becomes visible to a new query.
--
-- The payload is the table's name, then a space and the keys the statement touched (the id of
-- the patient, session, practice… named by the trigger's argument), comma-separated. A table's
-- name alone means "any row may have changed": a TRUNCATE, a statement touching more rows than
-- fit, or a table whose every row is read by everyone (clinics, providers).
--
-- One notification per statement, not per row: an import of a million appointments announces
-- its batches, not a million rows.

create function announce_changes() returns trigger
language plpgsql as $$
declare
  key_column text := TG_ARGV[0];
  -- For a child table without the key: the parent table and the parent's key column.
  parent_table text := TG_ARGV[1];
  parent_key text := TG_ARGV[2];
  rows_sql text;
  keys bigint[];
begin
  if key_column is null or TG_OP = 'TRUNCATE' then
    perform pg_notify('bitewing_changes', TG_TABLE_NAME);
    return null;
  end if;
  rows_sql := case TG_OP
    when 'INSERT' then 'select * from new_rows'
    when 'DELETE' then 'select * from old_rows'
    else 'select * from old_rows union all select * from new_rows'
  end;
  if parent_table is null then
    execute format('select array_agg(distinct changed.%I) from (%s) changed', key_column, rows_sql)
      into keys;
  else
    execute format(
      'select array_agg(distinct parent.%I) from (%s) changed
         join %I.%I parent on parent.id = changed.%I',
      parent_key, rows_sql, TG_TABLE_SCHEMA, parent_table, key_column)
      into keys;
  end if;
  if keys is null then
    -- A child row whose parent is already gone: the parent's own delete announced it.
    return null;
  end if;
  -- A notification carries at most 8000 bytes; past a few hundred keys the whole table is named.
  if cardinality(keys) > 400 then
    perform pg_notify('bitewing_changes', TG_TABLE_NAME);
  else
    perform pg_notify('bitewing_changes', TG_TABLE_NAME || ' ' || array_to_string(keys, ','));
  end if;
  return null;
end
$$;

-- Creates the four statement triggers of one table: insert, update, delete (each with the rows
-- it changed) and truncate.
create function announce_changes_of(
  table_name text,
  key_column text default null,
  parent_table text default null,
  parent_key text default null
) returns void
language plpgsql as $$
declare
  args text := concat_ws(', ',
    quote_literal(key_column), quote_literal(parent_table), quote_literal(parent_key));
begin
  if key_column is null then
    execute format(
      'create trigger %I after insert or update or delete or truncate on %I
         for each statement execute function announce_changes()',
      table_name || '_announce_changes', table_name);
    return;
  end if;
  execute format(
    'create trigger %I after insert on %I referencing new table as new_rows
       for each statement execute function announce_changes(%s)',
    table_name || '_announce_inserts', table_name, args);
  execute format(
    'create trigger %I after update on %I referencing old table as old_rows new table as new_rows
       for each statement execute function announce_changes(%s)',
    table_name || '_announce_updates', table_name, args);
  execute format(
    'create trigger %I after delete on %I referencing old table as old_rows
       for each statement execute function announce_changes(%s)',
    table_name || '_announce_deletes', table_name, args);
  execute format(
    'create trigger %I after truncate on %I for each statement execute function announce_changes()',
    table_name || '_announce_truncates', table_name);
end
$$;

-- What the access guard reads for every signed-in request.
select announce_changes_of('sessions', 'id');
select announce_changes_of('portal_users', 'id');
select announce_changes_of('portal_settings', 'practice_id');
select announce_changes_of('practices', 'id');
select announce_changes_of('patients', 'id');
select announce_changes_of('patient_representatives', 'representative_id');

-- What the patient's tabs read, by patient.
select announce_changes_of('appointments', 'patient_id');
select announce_changes_of('appointment_procedures', 'appointment_id', 'appointments', 'patient_id');
select announce_changes_of('recalls', 'patient_id');
select announce_changes_of('statements', 'patient_id');
select announce_changes_of('payments', 'patient_id');
select announce_changes_of('treatment_plans', 'patient_id');
select announce_changes_of('treatment_plan_rows', 'treatment_plan_id', 'treatment_plans', 'patient_id');
select announce_changes_of('documents', 'patient_id');

-- Shared by every patient's tabs.
select announce_changes_of('providers');
select announce_changes_of('clinics');
select announce_changes_of('recall_types');
select announce_changes_of('image_categories');
