-- Issue 6, initiatives: a business plan may explain why break-even comes after 24 months,
-- and the programme rule for the move from incubation to self-sufficient.
ALTER TABLE "business_plans" ADD COLUMN IF NOT EXISTS "break_even_note" text DEFAULT '' NOT NULL;
--> statement-breakpoint
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'initiatives.selfSufficiency',
  '{"months": 3, "minOwnRevenueShare": 1.0}'::jsonb,
  '2020-01-01',
  NULL,
  'Rezultat EQUAL D0104 „Ekonomia Społeczna w Praktyce”: model inkubacji przedsiębiorstwa społecznego (samodzielność, gdy przychody własne pokrywają koszty); liczba miesięcy i udział są ustawieniem domyślnym programu, nie przepisem prawa',
  false,
  'A programme rule, not a law: own revenue covering costs in each of the last 3 months before an initiative leaves incubation. The Centre may set its own rule as a new dated row.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
