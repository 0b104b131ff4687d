-- The sync API (issue 12).

-- Requests per sync API key, as a token bucket: `tokens` refill at the configured rate up to the
-- burst, each request takes one. One row per key, updated with insert … on conflict do update, so
-- the row lock orders parallel requests and each one's `returning` is its own decision.
create table sync_rate_buckets (
  key_id bigint primary key references sync_api_keys (id) on delete cascade,
  tokens double precision not null,
  refilled_at timestamptz not null,
  -- The decision on the latest request, which `returning` hands to that request.
  allowed boolean not null
);

-- Tables every patient reads as a whole (clinics, providers, recall types, image categories) were
-- announced by a statement trigger without transition tables: it fired for every statement, also
-- one that changed no row, such as a sync upsert replaying what is stored (`insert … on conflict
-- do update … where (stored) is distinct from (sent)`). Every replay then dropped every patient's
-- kept reads. The key column '*' now means "announce the table's name, if any row changed".
create or replace function announce_changes() returns trigger
language plpgsql as $$
declare
  key_column text := TG_ARGV[0];
  -- For a child table without the key: the parent table and the parent's key column.
  parent_table text := TG_ARGV[1];
  parent_key text := TG_ARGV[2];
  rows_sql text;
  keys bigint[];
  changed boolean;
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
  if key_column = '*' then
    execute format('select exists (%s)', rows_sql) into changed;
    if changed then
      perform pg_notify('bitewing_changes', TG_TABLE_NAME);
    end if;
    return null;
  end if;
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

drop trigger providers_announce_changes on providers;
drop trigger clinics_announce_changes on clinics;
drop trigger recall_types_announce_changes on recall_types;
drop trigger image_categories_announce_changes on image_categories;
select announce_changes_of('providers', '*');
select announce_changes_of('clinics', '*');
select announce_changes_of('recall_types', '*');
select announce_changes_of('image_categories', '*');

-- A sync upsert resolves the PMS's references inside its own statement:
-- `coalesce((select id … where external_id = $1), sync_unknown_reference('field', 'patients', $1))`.
-- Only a reference that finds nothing calls this, which fails the statement (and its batch) with
-- SQLSTATE BW422; the API answers 422 naming the field. External ids are the PMS's keys, not
-- health information.
create function sync_unknown_reference(field text, collection text, external_id text)
returns bigint
language plpgsql as $$
begin
  raise exception using errcode = 'BW422', message = field, detail = collection || '/' || external_id;
end
$$;
