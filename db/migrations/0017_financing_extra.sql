-- Financing (issue 6): reminder windows and the files an application may carry, as dated parameters.
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'financing.reminders',
  '{"deadlineDaysBefore": 7, "obligationDaysBefore": 30}'::jsonb,
  '2020-01-01',
  NULL,
  'Zasady programu platformy (nie przepis prawa): przypomnienie o terminie naboru 7 dni wcześniej, o końcu zobowiązania z dotacji 30 dni wcześniej',
  false,
  'A programme rule of the platform, not a statute; each funder''s agreement may require more notice.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
--> statement-breakpoint
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'financing.documentFiles',
  '{"maxBytes": 10485760, "types": ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "png", "jpg"]}'::jsonb,
  '2020-01-01',
  NULL,
  'Ustawienie platformy (nie przepis prawa): dokumenty wniosków — PDF, DOC(X), ODT, XLS(X), ODS, obrazy; do 10 MB na plik',
  true,
  'A platform setting kept with the other dated parameters so a change is recorded with its date.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
