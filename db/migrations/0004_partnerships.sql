CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"quantity" numeric(12, 2),
	"unit" text DEFAULT '' NOT NULL,
	"value_pln" numeric(12, 2),
	"period_from" date,
	"period_to" date,
	"status" text DEFAULT 'promised' NOT NULL,
	"delivered_on" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "in_kind_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"value_pln" numeric(12, 2) NOT NULL,
	"organisation_id" uuid,
	"occurred_from" date NOT NULL,
	"occurred_to" date,
	"source" text NOT NULL,
	"source_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"aim" text DEFAULT '' NOT NULL,
	"formed_on" date,
	"leader_organisation_id" uuid,
	"leader_decision" text DEFAULT '' NOT NULL,
	"leader_decided_on" date,
	"public_progress" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_member_id_partnership_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."partnership_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "in_kind_entries" ADD CONSTRAINT "in_kind_entries_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "in_kind_entries" ADD CONSTRAINT "in_kind_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_leader_organisation_id_organisations_id_fk" FOREIGN KEY ("leader_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitments_partnership_idx" ON "commitments" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "commitments_locality_idx" ON "commitments" USING btree ("locality_id");--> statement-breakpoint
CREATE INDEX "in_kind_entries_locality_idx" ON "in_kind_entries" USING btree ("locality_id","occurred_from");--> statement-breakpoint
CREATE UNIQUE INDEX "in_kind_entries_source_key" ON "in_kind_entries" USING btree ("source","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partnership_members_org_key" ON "partnership_members" USING btree ("partnership_id","organisation_id");--> statement-breakpoint
CREATE INDEX "partnership_members_locality_idx" ON "partnership_members" USING btree ("locality_id");--> statement-breakpoint
CREATE INDEX "partnerships_locality_idx" ON "partnerships" USING btree ("locality_id");