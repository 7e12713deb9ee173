CREATE TABLE "business_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"value_pln" numeric(12, 2),
	"valid_from" date NOT NULL,
	"valid_to" date,
	"status" text DEFAULT 'open' NOT NULL,
	"enterprise_id" uuid,
	"initiative_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"offer" text DEFAULT '' NOT NULL,
	"customers" text DEFAULT '' NOT NULL,
	"niche" text DEFAULT '' NOT NULL,
	"team" text DEFAULT '' NOT NULL,
	"startup_costs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"monthly" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"funding_sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "donations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"donor_organisation_id" uuid,
	"donor_name" text DEFAULT '' NOT NULL,
	"description" text NOT NULL,
	"value_pln" numeric(12, 2) NOT NULL,
	"received_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"position" text NOT NULL,
	"person_id" uuid,
	"display_name" text DEFAULT '' NOT NULL,
	"contract_type" text NOT NULL,
	"fte" numeric(3, 2) NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"at_risk_category" text,
	"grant_id" uuid,
	"funding_note" text DEFAULT '' NOT NULL,
	"keep_until" date,
	"keep_reminder_sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"organisation_id" uuid,
	"display_name" text DEFAULT '' NOT NULL,
	"at_risk" boolean DEFAULT false NOT NULL,
	"at_risk_category" text,
	"is_founder" boolean DEFAULT false NOT NULL,
	"share_capital_pln" numeric(12, 2) DEFAULT '0' NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_monthly_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"month" date NOT NULL,
	"own_revenue_pln" numeric(12, 2) DEFAULT '0' NOT NULL,
	"grants_pln" numeric(12, 2) DEFAULT '0' NOT NULL,
	"costs_pln" numeric(12, 2) DEFAULT '0' NOT NULL,
	"headcount" integer DEFAULT 0 NOT NULL,
	"customers" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_status_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"decided_on" date NOT NULL,
	"final_on" date,
	"valid_until" date,
	"number" text DEFAULT '' NOT NULL,
	"authority" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"initiative_id" uuid,
	"registered_on" date,
	"founded_by" text,
	"ps_aims" text[] DEFAULT '{}' NOT NULL,
	"public_control" boolean DEFAULT false NOT NULL,
	"services_to_locality" text DEFAULT '' NOT NULL,
	"beneficiaries" text DEFAULT '' NOT NULL,
	"offer_summary" text DEFAULT '' NOT NULL,
	"opening_cash_pln" numeric(12, 2) DEFAULT '0' NOT NULL,
	"closed_on" date,
	"last_check" jsonb,
	"last_check_passed" boolean,
	"last_check_at" timestamp with time zone,
	"failure_notified_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_application_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"call_name" text NOT NULL,
	"deadline" date NOT NULL,
	"amount_pln" numeric(12, 2) NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"initiative_id" uuid,
	"enterprise_id" uuid,
	"submitted_on" date,
	"decided_on" date,
	"notes" text DEFAULT '' NOT NULL,
	"deadline_reminder_sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_instalments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"amount_pln" numeric(12, 2) NOT NULL,
	"paid_on" date
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"application_id" uuid,
	"enterprise_id" uuid,
	"initiative_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"amount_pln" numeric(12, 2) NOT NULL,
	"awarded_on" date NOT NULL,
	"obligation" text DEFAULT '' NOT NULL,
	"obligation_until" date,
	"obligation_reminder_sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_checklist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"item_key" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"done_on" date NOT NULL,
	"done_by" uuid
);
--> statement-breakpoint
CREATE TABLE "initiative_founders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"person_id" uuid,
	"organisation_id" uuid,
	"display_name" text DEFAULT '' NOT NULL,
	"at_risk" boolean DEFAULT false NOT NULL,
	"at_risk_category" text,
	"role" text DEFAULT '' NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_stage_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"locality_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"checks" jsonb,
	"by_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"idea" text DEFAULT '' NOT NULL,
	"intended_legal_form" text NOT NULL,
	"stage" text DEFAULT 'idea' NOT NULL,
	"stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_reason" text,
	"niche_id" uuid,
	"advisor_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_niches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sector" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"estimated_demand_pln" numeric(14, 2),
	"competition" text DEFAULT 'medium' NOT NULL,
	"status" text DEFAULT 'identified' NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "niche_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"weight" numeric(5, 2) NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "niche_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"niche_id" uuid NOT NULL,
	"source" text NOT NULL,
	"organisation_id" uuid,
	"description" text NOT NULL,
	"amount_pln" numeric(14, 2),
	"recorded_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "support_costs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"month" date NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"amount_pln" numeric(12, 2) NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "business_offers" ADD CONSTRAINT "business_offers_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_offers" ADD CONSTRAINT "business_offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_offers" ADD CONSTRAINT "business_offers_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_offers" ADD CONSTRAINT "business_offers_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_offers" ADD CONSTRAINT "business_offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_plans" ADD CONSTRAINT "business_plans_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_plans" ADD CONSTRAINT "business_plans_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_plans" ADD CONSTRAINT "business_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_donor_organisation_id_organisations_id_fk" FOREIGN KEY ("donor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_jobs" ADD CONSTRAINT "enterprise_jobs_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_jobs" ADD CONSTRAINT "enterprise_jobs_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_jobs" ADD CONSTRAINT "enterprise_jobs_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_jobs" ADD CONSTRAINT "enterprise_jobs_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_jobs" ADD CONSTRAINT "enterprise_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_members" ADD CONSTRAINT "enterprise_members_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_members" ADD CONSTRAINT "enterprise_members_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_members" ADD CONSTRAINT "enterprise_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_members" ADD CONSTRAINT "enterprise_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_monthly_figures" ADD CONSTRAINT "enterprise_monthly_figures_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_monthly_figures" ADD CONSTRAINT "enterprise_monthly_figures_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_status_decisions" ADD CONSTRAINT "enterprise_status_decisions_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_status_decisions" ADD CONSTRAINT "enterprise_status_decisions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_status_decisions" ADD CONSTRAINT "enterprise_status_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_application_documents" ADD CONSTRAINT "funding_application_documents_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_application_documents" ADD CONSTRAINT "funding_application_documents_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_application_documents" ADD CONSTRAINT "funding_application_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_source_id_funding_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."funding_sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_sources" ADD CONSTRAINT "funding_sources_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_instalments" ADD CONSTRAINT "grant_instalments_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_instalments" ADD CONSTRAINT "grant_instalments_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_source_id_funding_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."funding_sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_checklist" ADD CONSTRAINT "initiative_checklist_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_checklist" ADD CONSTRAINT "initiative_checklist_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_checklist" ADD CONSTRAINT "initiative_checklist_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_founders" ADD CONSTRAINT "initiative_founders_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_founders" ADD CONSTRAINT "initiative_founders_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_founders" ADD CONSTRAINT "initiative_founders_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_founders" ADD CONSTRAINT "initiative_founders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stage_history" ADD CONSTRAINT "initiative_stage_history_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stage_history" ADD CONSTRAINT "initiative_stage_history_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_stage_history" ADD CONSTRAINT "initiative_stage_history_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_niche_id_market_niches_id_fk" FOREIGN KEY ("niche_id") REFERENCES "public"."market_niches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_advisor_id_users_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_niches" ADD CONSTRAINT "market_niches_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_niches" ADD CONSTRAINT "market_niches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "niche_criteria" ADD CONSTRAINT "niche_criteria_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "niche_evidence" ADD CONSTRAINT "niche_evidence_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "niche_evidence" ADD CONSTRAINT "niche_evidence_niche_id_market_niches_id_fk" FOREIGN KEY ("niche_id") REFERENCES "public"."market_niches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "niche_evidence" ADD CONSTRAINT "niche_evidence_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_costs" ADD CONSTRAINT "support_costs_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_costs" ADD CONSTRAINT "support_costs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "business_offers_locality_idx" ON "business_offers" USING btree ("locality_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "business_plans_initiative_key" ON "business_plans" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "donations_locality_idx" ON "donations" USING btree ("locality_id","received_on");--> statement-breakpoint
CREATE INDEX "enterprise_jobs_enterprise_idx" ON "enterprise_jobs" USING btree ("enterprise_id","start_on");--> statement-breakpoint
CREATE INDEX "enterprise_jobs_locality_idx" ON "enterprise_jobs" USING btree ("locality_id","start_on");--> statement-breakpoint
CREATE INDEX "enterprise_jobs_person_idx" ON "enterprise_jobs" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "enterprise_members_enterprise_idx" ON "enterprise_members" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_monthly_figures_month_key" ON "enterprise_monthly_figures" USING btree ("enterprise_id","month");--> statement-breakpoint
CREATE INDEX "enterprise_status_decisions_enterprise_idx" ON "enterprise_status_decisions" USING btree ("enterprise_id","decided_on");--> statement-breakpoint
CREATE UNIQUE INDEX "enterprises_organisation_key" ON "enterprises" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "enterprises_locality_idx" ON "enterprises" USING btree ("locality_id");--> statement-breakpoint
CREATE INDEX "funding_application_documents_app_idx" ON "funding_application_documents" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "funding_applications_locality_idx" ON "funding_applications" USING btree ("locality_id","deadline");--> statement-breakpoint
CREATE INDEX "funding_sources_locality_idx" ON "funding_sources" USING btree ("locality_id");--> statement-breakpoint
CREATE INDEX "grant_instalments_grant_idx" ON "grant_instalments" USING btree ("grant_id","due_on");--> statement-breakpoint
CREATE INDEX "grants_locality_idx" ON "grants" USING btree ("locality_id","awarded_on");--> statement-breakpoint
CREATE INDEX "grants_enterprise_idx" ON "grants" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_checklist_item_key" ON "initiative_checklist" USING btree ("initiative_id","stage","item_key");--> statement-breakpoint
CREATE INDEX "initiative_founders_initiative_idx" ON "initiative_founders" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_stage_history_initiative_idx" ON "initiative_stage_history" USING btree ("initiative_id","at");--> statement-breakpoint
CREATE INDEX "initiatives_locality_stage_idx" ON "initiatives" USING btree ("locality_id","stage","stage_changed_at");--> statement-breakpoint
CREATE INDEX "initiatives_niche_idx" ON "initiatives" USING btree ("niche_id");--> statement-breakpoint
CREATE INDEX "market_niches_locality_idx" ON "market_niches" USING btree ("locality_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "niche_criteria_key" ON "niche_criteria" USING btree ("locality_id","key");--> statement-breakpoint
CREATE INDEX "niche_evidence_niche_idx" ON "niche_evidence" USING btree ("niche_id");--> statement-breakpoint
CREATE INDEX "support_costs_locality_idx" ON "support_costs" USING btree ("locality_id","month");