-- Participant search over tens of thousands of people (issue 4): a trigram index on the stored
-- folded name, so `search_folded LIKE '%term%'` is an index search instead of a scan of the
-- locality. pg_trgm ships with PostgreSQL (contrib; trusted, so the database owner may create it)
-- and with PGlite (loaded in db/client.ts). The partial index keeps the few erased people apart,
-- so counting a locality's participants does not read every person. fastupdate is off: PGlite runs
-- no autovacuum, so GIN's pending list of new entries would grow and be read by every search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "people_search_folded_trgm_idx" ON "people" USING gin ("search_folded" gin_trgm_ops) WITH (fastupdate = off);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "people_erased_idx" ON "people" USING btree ("locality_id", "id") WHERE "erased_at" IS NOT NULL;
