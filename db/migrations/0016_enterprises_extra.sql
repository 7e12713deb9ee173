-- Issue 6 (enterprises): programme parameters for jobs.
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'jobs.keepReminderDays',
  '{"days": [60, 14], "soonWindowDays": 60}'::jsonb,
  '2020-01-01',
  NULL,
  'Zasady finansowania miejsc pracy (umowy o dotację na utworzenie stanowiska pracy, np. FEW 2021–2027, art. 46 ustawy o promocji zatrudnienia): obowiązek utrzymania stanowiska przez wskazany okres; terminy przypomnień są ustawieniem platformy',
  false,
  'Reminder days before a job''s keep-until date; soonWindowDays: the "obligation ends soon" figure on the jobs page. Check against the funder''s agreement.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
