-- The office assigns a patient's message to a colleague (issue 13): a staff user of the same
-- practice, or nobody. As everywhere since 0005, the reference includes practice_id.

alter table messages add column assigned_staff_id bigint;
alter table messages
  add constraint messages_assigned_staff_id_fkey
    foreign key (practice_id, assigned_staff_id) references staff_users (practice_id, id)
    on delete set null (assigned_staff_id);
create index messages_assigned on messages (practice_id, assigned_staff_id, sent_at desc)
  where assigned_staff_id is not null;
