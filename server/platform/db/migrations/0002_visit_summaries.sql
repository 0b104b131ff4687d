-- A visit summary for every appointment that becomes Complete, whoever writes the row (the sync
-- API, a PMS writing the table some other way, the office): the trigger queues the job that
-- builds it (server/portal/summary/create.ts, kind 'care-summary.create'); the job checks again
-- that the visit is complete, that the practice has SNOMED CT and CVX, and that the visit has no
-- summary yet.

-- At most one visit summary per appointment, even if two instances run its jobs at once.
create unique index care_summaries_one_per_visit on care_summaries (appointment_id)
  where reason = 'visit';

create function queue_visit_summary() returns trigger
language plpgsql as $$
begin
  -- History being loaded is not a visit being completed: a demo or an initial import says so
  -- with `set local bitewing.loading_history = 'on'`, and a visit that began more than two
  -- weeks before it was marked complete is taken as history too (a summary made now would show
  -- today's chart, not that visit's).
  if current_setting('bitewing.loading_history', true) = 'on'
    or new.starts_at < now() - interval '14 days' then
    return null;
  end if;
  insert into jobs (practice_id, kind, payload)
  values (new.practice_id, 'care-summary.create', jsonb_build_object('appointmentId', new.id));
  return null;
end
$$;

create trigger appointments_completed_on_insert
  after insert on appointments
  for each row when (new.status = 'Complete')
  execute function queue_visit_summary();

create trigger appointments_completed_on_update
  after update of status on appointments
  for each row when (new.status = 'Complete' and old.status <> 'Complete')
  execute function queue_visit_summary();
