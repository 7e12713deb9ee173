CREATE TABLE "labour_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"from_date" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participant_categories" (
	"person_id" uuid NOT NULL,
	"locality_id" uuid NOT NULL,
	"category" text NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"noted_on" date NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "participant_categories_person_id_category_pk" PRIMARY KEY("person_id","category")
);
--> statement-breakpoint
CREATE TABLE "participant_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"organisation_id" uuid,
	"basis" text NOT NULL,
	"given_on" date NOT NULL,
	"recorded_by" uuid,
	"withdrawn_on" date,
	"withdrawn_by" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"locality_id" uuid NOT NULL,
	"registered_on" date NOT NULL,
	"registered_by" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"pesel" text DEFAULT '' NOT NULL,
	"no_pesel" boolean DEFAULT false NOT NULL,
	"birth_date" date,
	"sex" text DEFAULT '' NOT NULL,
	"gender" text DEFAULT '' NOT NULL,
	"education" text DEFAULT '' NOT NULL,
	"disability" text DEFAULT '' NOT NULL,
	"foreign_background" text DEFAULT '' NOT NULL,
	"third_country_national" text DEFAULT '' NOT NULL,
	"minority" text DEFAULT '' NOT NULL,
	"homeless" text DEFAULT '' NOT NULL,
	"other_disadvantage" text DEFAULT '' NOT NULL,
	"closed_on" date,
	"closed_reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "labour_statuses" ADD CONSTRAINT "labour_statuses_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labour_statuses" ADD CONSTRAINT "labour_statuses_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labour_statuses" ADD CONSTRAINT "labour_statuses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_categories" ADD CONSTRAINT "participant_categories_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_categories" ADD CONSTRAINT "participant_categories_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_categories" ADD CONSTRAINT "participant_categories_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_consents" ADD CONSTRAINT "participant_consents_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_consents" ADD CONSTRAINT "participant_consents_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_consents" ADD CONSTRAINT "participant_consents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_consents" ADD CONSTRAINT "participant_consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participant_consents" ADD CONSTRAINT "participant_consents_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "labour_statuses_person_idx" ON "labour_statuses" USING btree ("person_id","from_date");--> statement-breakpoint
CREATE INDEX "participant_consents_person_idx" ON "participant_consents" USING btree ("person_id","purpose");--> statement-breakpoint
CREATE INDEX "participants_locality_idx" ON "participants" USING btree ("locality_id","status");--> statement-breakpoint
-- Law as data: persons at risk of social exclusion (osoba zagrożona wykluczeniem społecznym),
-- Ustawa z 5 sierpnia 2022 r. o ekonomii społecznej, art. 2 pkt 6 (closed list). Only the first
-- three items were verified in sources quoting the act; the rest come from summaries and the
-- social employment act's groups, each flagged until checked in ISAP (Dz.U. 2024 poz. 113).
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'ues.atRiskCategories',
  '{"categories": [
    {"key": "unemployed", "ref": "art. 2 pkt 6 lit. a", "verified": true},
    {"key": "long_term_unemployed", "ref": "art. 2 pkt 6 lit. a", "verified": true},
    {"key": "job_seeker_under_30_or_over_50", "ref": "art. 2 pkt 6 lit. b", "verified": true},
    {"key": "disabled", "ref": "art. 2 pkt 6", "verified": false},
    {"key": "social_employment_groups", "ref": "art. 2 pkt 6; u.z.s. art. 1 ust. 2", "verified": false},
    {"key": "leaving_foster_care", "ref": "art. 2 pkt 6", "verified": false},
    {"key": "released_from_prison", "ref": "art. 2 pkt 6", "verified": false},
    {"key": "refugee", "ref": "art. 2 pkt 6", "verified": false},
    {"key": "social_assistance_beneficiary", "ref": "art. 2 pkt 6", "verified": false},
    {"key": "older_person", "ref": "art. 2 pkt 6", "verified": false}
  ]}'::jsonb,
  '2022-10-30',
  NULL,
  'Ustawa z 5 sierpnia 2022 r. o ekonomii społecznej, art. 2 pkt 6 (Dz.U. 2022 poz. 1812; t.j. Dz.U. 2024 poz. 113)',
  false,
  'Items marked verified were confirmed in sources quoting the act (rowes.com.pl, es.rops.torun.pl); the others come from summaries (Gazeta Prawna) and must be checked against ISAP. The 2025 labour-market act changed the definitions the list refers to.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
--> statement-breakpoint
-- How long participants' personal data are kept after their support ends, before a person
-- reviews them for erasure: EFS+ documents 5 years from 31 December of the year of the last
-- payment (art. 82 CPR 2021/1060); without an EU project, the locality sets its own period.
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'participants.retentionYears',
  '{"years": 5, "from": "end_of_year_of_closing"}'::jsonb,
  '2021-07-01',
  NULL,
  'Rozporządzenie (UE) 2021/1060, art. 82 (5 years from 31 December of the year of the last payment to the beneficiary)',
  false,
  'The regulation counts from the managing authority''s last payment, which the platform does not know; closing the support is used as a stand-in. Projects with state aid keep 10 years.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
