-- A care summary may cover a date range the patient chose (ONC 170.315(e)(1)): the bounds are
-- kept with it (null = open), so the list, the activity history and the document agree.
alter table care_summaries
  add column range_from date,
  add column range_to date,
  add constraint care_summaries_range_order
    check (range_from is null or range_to is null or range_from <= range_to);
