-- Law as data: which actors are social-economy entities (podmioty ekonomii społecznej).
-- Ustawa z 5 sierpnia 2022 r. o ekonomii społecznej, art. 2 pkt 5 lit. a-f (Dz.U. 2022 poz. 1812;
-- t.j. Dz.U. 2024 poz. 113), in force 30 October 2022.
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'pes.entities',
  '{"legalForms": {"social_cooperative": "a", "worker_cooperative": "d", "disabled_or_blind_cooperative": "d", "agricultural_production_cooperative": "d", "association": "e", "foundation": "e", "rural_housewives_circle": "e", "church_legal_person": "f", "local_government_association": "f", "non_profit_company": "f"}, "kinds": {"wtz": "b", "zaz": "b", "cis": "c", "kis": "c"}}'::jsonb,
  '2022-10-30',
  NULL,
  'Ustawa z 5 sierpnia 2022 r. o ekonomii społecznej, art. 2 pkt 5 lit. a–f (Dz.U. 2022 poz. 1812; t.j. Dz.U. 2024 poz. 113)',
  false,
  'Letters a–f verified in secondary sources (ROPS Toruń, MCPS). Not yet checked in ISAP: rural housewives'' circles (KGW) counted as NGOs under lit. e; lit. f companies only when they do not operate for profit.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
