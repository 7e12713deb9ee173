-- Issue 6, legal checks: the dated parameters of the social-enterprise (PS) status and of social
-- cooperatives. Sources: polish-law-and-data.md §1, §2, §11 and polish-law-verification.md §2–3.
-- `verified` follows the source tags of §11 ([V] true; [S]/[M]/[U] false); the note says what is
-- still to be checked in ISAP. Which legal forms are PES reuses the keys of `pes.entities` (0003).
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'ps.minEmployees',
  '{"min": 3, "contractTypes": ["employment", "cooperative_employment"], "minFte": 0.5}'::jsonb,
  '2022-10-30',
  NULL,
  'Ustawa z 5 sierpnia 2022 r. o ekonomii społecznej, art. 5 ust. 1 (Dz.U. 2022 poz. 1812; t.j. Dz.U. 2024 poz. 113): co najmniej 3 osoby na podstawie umowy o pracę lub spółdzielczej umowy o pracę, każda co najmniej w 1/2 pełnego wymiaru czasu pracy',
  true,
  'Tagged V in §11. Art. 5 ust. 3 and further (exceptions, counting period) not yet read in ISAP.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
--> statement-breakpoint
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'ps.minAtRiskShare',
  '{"minShare": 0.3, "aim": "reintegration", "denominator": "headcount_all"}'::jsonb,
  '2022-10-30',
  NULL,
  'Ustawa z 5 sierpnia 2022 r. o ekonomii społecznej, art. 5 ust. 2 w zw. z art. 4 ust. 1 pkt 1 (Dz.U. 2024 poz. 113): co najmniej 30% ogółu osób zatrudnionych to osoby zagrożone wykluczeniem społecznym (umowa o pracę lub spółdzielcza umowa o pracę, co najmniej 1/2 etatu)',
  true,
  'Tagged V in §11. The base "ogółu osób zatrudnionych" (headcount or FTE, with or without those below 1/2 FTE) is not settled: denominator is configurable — headcount_all (every person with a job on the date), headcount_eligible (only employment contracts at 1/2 FTE or more) or fte_all.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
--> statement-breakpoint
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'ps.eligibleForms',
  '{"letters": ["a", "d", "e", "f"], "legalForms": ["social_cooperative", "worker_cooperative", "disabled_or_blind_cooperative", "agricultural_production_cooperative", "association", "foundation", "rural_housewives_circle", "church_legal_person", "local_government_association", "non_profit_company"]}'::jsonb,
  '2022-10-30',
  NULL,
  'Ustawa z 5 sierpnia 2022 r. o ekonomii społecznej, art. 3 ust. 1 w zw. z art. 2 pkt 5 lit. a i d–f (Dz.U. 2024 poz. 113); brak kontroli Skarbu Państwa lub JST: art. 3 ust. 2',
  false,
  'Art. 3 ust. 1 is tagged V, but the list of forms reuses pes.entities (unverified: KGW under lit. e; lit. f companies only when not for profit). The founding body of a WTZ/ZAZ/CIS/KIS (jednostka tworząca) may also apply; not modelled.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
--> statement-breakpoint
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'ps.annualReport',
  '{"dueMonth": 3, "dueDay": 31, "remindMonth": 3, "remindDay": 1}'::jsonb,
  '2022-10-30',
  NULL,
  'Ustawa z 5 sierpnia 2022 r. o ekonomii społecznej, art. 10 ust. 1: roczne sprawozdanie składane wojewodzie w postaci elektronicznej do 31 marca następnego roku',
  false,
  'Tagged S in §11 (Wikipedia mirror, gazetaprawna); check art. 10 in ISAP. The reminder on 1 March is a platform setting.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
--> statement-breakpoint
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'ps.reapplyWait',
  '{"years": 1, "from": "final_decision"}'::jsonb,
  '2022-10-30',
  NULL,
  'Ustawa z 5 sierpnia 2022 r. o ekonomii społecznej, art. 18: ponowne uzyskanie statusu nie wcześniej niż po upływie 1 roku od dnia, w którym decyzja o utracie statusu stała się ostateczna',
  false,
  'Tagged S in §11 (Wikipedia mirror); the article number and wording are not yet checked in ISAP.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
--> statement-breakpoint
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'coop.founders',
  '{"minNatural": 3, "minLegal": 2, "maxNotAtRiskShare": 0.5}'::jsonb,
  '2018-03-31',
  NULL,
  'Ustawa z 27 kwietnia 2006 r. o spółdzielniach socjalnych, art. 5 ust. 1 (co najmniej 3 osoby fizyczne albo 2 osoby prawne) i art. 4 ust. 2 (osoby spoza grup z art. 4 ust. 1 nie więcej niż 50% założycieli) (t.j. Dz.U. 2020 poz. 2085 ze zm.)',
  true,
  'Tagged V in §11 (art. 4 ust. 2 V/S: wording seen is pre-2018). In force in this form since the amendment Dz.U. 2017 poz. 2494 (31 March 2018).'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
--> statement-breakpoint
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'coop.members',
  '{"minNatural": 5, "minLegal": 2, "max": 50, "monthsBelowMinimum": 3}'::jsonb,
  '2018-03-31',
  NULL,
  'Ustawa z 27 kwietnia 2006 r. o spółdzielniach socjalnych, art. 5 ust. 2–3 (co najmniej 5 członków – osób fizycznych albo 2 – osób prawnych, nie więcej niż 50) i art. 18 pkt 2 (likwidacja, gdy stan poniżej minimum trwa dłużej niż 3 miesiące) (Dz.U. 2025 poz. 178)',
  true,
  'Tagged V in §11 and in the verification (art. 18). A coop converted from a disabled/blind persons'' coop may exceed 50 (art. 5 ust. 3); not modelled.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
--> statement-breakpoint
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'coop.addMembersDeadline',
  '{"months": 12, "from": "krs_entry", "atRiskPersons": 2, "foundedBy": "natural"}'::jsonb,
  '2018-03-31',
  NULL,
  'Ustawa z 27 kwietnia 2006 r. o spółdzielniach socjalnych, art. 5 ust. 1a: spółdzielnia założona przez 3 osoby fizyczne w terminie 12 miesięcy od dnia wpisu do KRS przyjmuje w poczet członków i zatrudnia co najmniej 2 kolejne osoby z grup z art. 4 ust. 1',
  true,
  'Tagged V in §11 (gov.pl "Dłuższe terminy dla spółdzielni socjalnych"). Counted as: at-risk members who are not founders and hold a job in the coop on the date.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
