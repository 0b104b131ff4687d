-- The change triggers of migration 0003 fire in every session_replication_role, `replica`
-- included. A trigger is normally skipped in replica mode, which bulk loaders use to skip foreign
-- key checks (the demo generator does; a restore or an import may): their writes were never
-- announced and kept reads (server/platform/db/read-cache.ts) went on showing what they had
-- replaced, e.g. a child whose representative link had been removed. `enable always` makes a
-- replica-mode write announce itself like any other.

create or replace function announce_changes_of(
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
  else
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
  end if;
  perform announce_changes_always();
end
$$;

-- Every trigger that calls announce_changes() in this schema fires in every replication role.
create function announce_changes_always() returns void
language plpgsql as $$
declare
  found record;
begin
  for found in
    select c.relname as table_name, t.tgname as trigger_name
    from pg_trigger t
    join pg_class c on c.oid = t.tgrelid
    where c.relnamespace = current_schema()::regnamespace
      and t.tgfoid = 'announce_changes'::regproc
      and t.tgenabled <> 'A'
  loop
    execute format('alter table %I enable always trigger %I', found.table_name, found.trigger_name);
  end loop;
end
$$;

select announce_changes_always();
