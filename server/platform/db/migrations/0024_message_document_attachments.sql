-- Messages written in the PMS (sync API `messages`) attach documents already sent through the
-- `documents` collection: the attachment names the document instead of holding a copy of its
-- file, so a document whose file is replaced or removed never leaves an attachment pointing at a
-- file that is gone. Deleting the document removes the attachment with it.

alter table documents add constraint documents_practice_id_id_key unique (practice_id, id);

alter table message_attachments
  add column document_id bigint,
  add constraint message_attachments_document_id_fkey
    foreign key (practice_id, document_id) references documents (practice_id, id) on delete cascade,
  alter column file_name drop not null,
  alter column content_type drop not null,
  alter column size_bytes drop not null,
  alter column storage_key drop not null,
  add constraint message_attachments_file_or_document check (
    document_id is not null
    or (file_name is not null and content_type is not null and size_bytes is not null
        and storage_key is not null)
  ),
  -- A position, so the PMS's attachments read back in the order it sent them.
  add column sort_order integer not null default 0;

create index message_attachments_document on message_attachments (document_id)
  where document_id is not null;
