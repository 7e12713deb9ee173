CREATE TABLE "advice_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"advisor_user_id" uuid,
	"person_id" uuid,
	"organisation_id" uuid,
	"initiative" text DEFAULT '' NOT NULL,
	"given_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"topic" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"confidential" boolean DEFAULT false NOT NULL,
	"appointment_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advice_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"advisor_user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"kind" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"slot_id" uuid,
	"kind" text NOT NULL,
	"person_id" uuid,
	"organisation_id" uuid,
	"topic" text DEFAULT '' NOT NULL,
	"preferred_times" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"requested_by" uuid,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "erasure_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"requested_by" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"from_organisation_id" uuid,
	"to_organisation_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"shared_note" text DEFAULT '' NOT NULL,
	"share_contact" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'sent' NOT NULL,
	"sent_on" date NOT NULL,
	"sent_by" uuid,
	"responded_at" timestamp with time zone,
	"responded_by" uuid,
	"response_note" text DEFAULT '' NOT NULL,
	"done_on" date,
	"outcome_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"plan_id" uuid,
	"kind" text NOT NULL,
	"achieved_on" date NOT NULL,
	"organisation_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"locality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"responsible_user_id" uuid,
	"responsible_organisation_id" uuid,
	"due_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"done_on" date,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_plan_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"locality_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"held_on" date,
	"note" text DEFAULT '' NOT NULL,
	"reminded_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_plan_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"locality_id" uuid NOT NULL,
	"from_step" text DEFAULT '' NOT NULL,
	"to_step" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"step" text DEFAULT 'draft' NOT NULL,
	"needs" text DEFAULT '' NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"responsible_user_id" uuid,
	"agreed_on" date,
	"closed_on" date,
	"closing_reason" text DEFAULT '' NOT NULL,
	"closing_note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid,
	"activity" text NOT NULL,
	"worked_on" date NOT NULL,
	"hours" numeric(5, 2) NOT NULL,
	"rate_pln" numeric(8, 2) NOT NULL,
	"value_pln" numeric(12, 2) NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"locality_id" uuid NOT NULL,
	"organisation_id" uuid,
	"skills" text DEFAULT '' NOT NULL,
	"since" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"agreement_scope" text DEFAULT '' NOT NULL,
	"agreement_from" date,
	"agreement_to" date,
	"agreement_signed_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "search_folded" text GENERATED ALWAYS AS (translate(lower(given_name || ' ' || family_name || ' ' || family_name || ' ' || given_name), 'ąćęłńóśźżáäéëíöüčřšžý', 'acelnoszzaaeeioucrszy')) STORED;--> statement-breakpoint
ALTER TABLE "advice_sessions" ADD CONSTRAINT "advice_sessions_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_sessions" ADD CONSTRAINT "advice_sessions_advisor_user_id_users_id_fk" FOREIGN KEY ("advisor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_sessions" ADD CONSTRAINT "advice_sessions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_sessions" ADD CONSTRAINT "advice_sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_sessions" ADD CONSTRAINT "advice_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_slots" ADD CONSTRAINT "advice_slots_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_slots" ADD CONSTRAINT "advice_slots_advisor_user_id_users_id_fk" FOREIGN KEY ("advisor_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_slot_id_advice_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."advice_slots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasure_requests" ADD CONSTRAINT "erasure_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_outcomes" ADD CONSTRAINT "support_outcomes_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_outcomes" ADD CONSTRAINT "support_outcomes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_outcomes" ADD CONSTRAINT "support_outcomes_plan_id_support_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_outcomes" ADD CONSTRAINT "support_outcomes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_outcomes" ADD CONSTRAINT "support_outcomes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_actions" ADD CONSTRAINT "support_plan_actions_plan_id_support_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_actions" ADD CONSTRAINT "support_plan_actions_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_actions" ADD CONSTRAINT "support_plan_actions_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_actions" ADD CONSTRAINT "support_plan_actions_responsible_organisation_id_organisations_id_fk" FOREIGN KEY ("responsible_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_reviews" ADD CONSTRAINT "support_plan_reviews_plan_id_support_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_reviews" ADD CONSTRAINT "support_plan_reviews_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_reviews" ADD CONSTRAINT "support_plan_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_steps" ADD CONSTRAINT "support_plan_steps_plan_id_support_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."support_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_steps" ADD CONSTRAINT "support_plan_steps_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plan_steps" ADD CONSTRAINT "support_plan_steps_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_plans" ADD CONSTRAINT "support_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_person_id_volunteers_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."volunteers"("person_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advice_sessions_locality_idx" ON "advice_sessions" USING btree ("locality_id","given_on");--> statement-breakpoint
CREATE INDEX "advice_sessions_person_idx" ON "advice_sessions" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "advice_sessions_organisation_idx" ON "advice_sessions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "advice_slots_locality_idx" ON "advice_slots" USING btree ("locality_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "advice_slots_advisor_start_key" ON "advice_slots" USING btree ("advisor_user_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_locality_idx" ON "appointments" USING btree ("locality_id","status");--> statement-breakpoint
CREATE INDEX "appointments_person_idx" ON "appointments" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_live_slot_key" ON "appointments" USING btree ("slot_id") WHERE "appointments"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "erasure_requests_locality_idx" ON "erasure_requests" USING btree ("locality_id","status");--> statement-breakpoint
CREATE INDEX "referrals_person_idx" ON "referrals" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "referrals_to_idx" ON "referrals" USING btree ("to_organisation_id","status");--> statement-breakpoint
CREATE INDEX "referrals_locality_idx" ON "referrals" USING btree ("locality_id","sent_on");--> statement-breakpoint
CREATE INDEX "support_outcomes_person_idx" ON "support_outcomes" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "support_outcomes_locality_idx" ON "support_outcomes" USING btree ("locality_id","achieved_on");--> statement-breakpoint
CREATE INDEX "support_plan_actions_plan_idx" ON "support_plan_actions" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "support_plan_reviews_plan_idx" ON "support_plan_reviews" USING btree ("plan_id","due_on");--> statement-breakpoint
CREATE INDEX "support_plan_reviews_due_idx" ON "support_plan_reviews" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "support_plan_steps_plan_idx" ON "support_plan_steps" USING btree ("plan_id","at");--> statement-breakpoint
CREATE INDEX "support_plans_person_idx" ON "support_plans" USING btree ("person_id","starts_on");--> statement-breakpoint
CREATE INDEX "support_plans_locality_idx" ON "support_plans" USING btree ("locality_id","step");--> statement-breakpoint
CREATE UNIQUE INDEX "support_plans_one_open_key" ON "support_plans" USING btree ("person_id") WHERE "support_plans"."step" <> 'closed';--> statement-breakpoint
CREATE INDEX "volunteer_hours_person_idx" ON "volunteer_hours" USING btree ("person_id","worked_on");--> statement-breakpoint
CREATE INDEX "volunteer_hours_locality_idx" ON "volunteer_hours" USING btree ("locality_id","worked_on");--> statement-breakpoint
CREATE INDEX "volunteers_locality_idx" ON "volunteers" USING btree ("locality_id","status");--> statement-breakpoint
-- The value of an hour of volunteer work for the in-kind ledger. The platform values it at
-- the statutory minimum hourly rate in force on the day worked (a convention many EU projects
-- use for volunteer work that needs no special qualifications); a locality may add its own
-- dated rows with a higher rate for qualified work.
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'volunteers.hourlyRate',
  '{"ratePln": "30.50"}'::jsonb,
  '2025-01-01',
  '2025-12-31',
  'Rozporządzenie Rady Ministrów z 12 września 2024 r. w sprawie wysokości minimalnego wynagrodzenia za pracę oraz wysokości minimalnej stawki godzinowej w 2025 r. (Dz.U. 2024 poz. 1362)',
  false,
  'Minimum hourly rate 2025. Not checked against ISAP in this repository; valuing volunteer work at the minimum rate is the platform''s convention, not a rule of law.'
), (
  'volunteers.hourlyRate',
  '{"ratePln": "31.40"}'::jsonb,
  '2026-01-01',
  NULL,
  'Rozporządzenie Rady Ministrów z 11 września 2025 r. w sprawie wysokości minimalnego wynagrodzenia za pracę oraz wysokości minimalnej stawki godzinowej w 2026 r.',
  false,
  'Minimum hourly rate 2026 as announced in September 2025; to be checked against the act in Dziennik Ustaw.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
--> statement-breakpoint
-- The volunteer agreement: in writing when the work lasts more than 30 days; for shorter work
-- the organisation must insure the volunteer against accidents.
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'volunteers.agreement',
  '{"writtenAboveDays": 30, "accidentInsuranceUpToDays": 30}'::jsonb,
  '2003-06-01',
  NULL,
  'Ustawa z 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie, art. 44 ust. 1–2 i art. 46 ust. 1 pkt 3 (t.j. Dz.U. 2024 poz. 1491)',
  false,
  'Article numbers from secondary sources; to be checked against ISAP.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
--> statement-breakpoint
-- How often a support plan is reviewed when staff do not set a date, and how many days before
-- a review the responsible person is reminded. Local practice, not law: the Centre may change it.
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'supportPlans.review',
  '{"defaultIntervalDays": 90, "remindDaysBefore": 3}'::jsonb,
  '2020-01-01',
  NULL,
  'Local practice of the Social Economy Centre (no statutory interval for plans outside KIS/CIS contracts)',
  true,
  'A platform default, not a legal rule.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
