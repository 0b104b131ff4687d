-- A statement's PDF arrives from the PMS through the sync API, the whole file with every PUT. Its
-- SHA-256 lets a replay with the same bytes write nothing (no new file, no changed row), as
-- documents already do with their own sha256. Null when the statement has no PDF, or its PDF was
-- stored before this column (the demo, older rows): the next PUT then stores the file once more.
alter table statements add column pdf_sha256 text;
