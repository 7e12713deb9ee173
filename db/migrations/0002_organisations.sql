CREATE TABLE "contact_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"locality_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"contact_id" uuid,
	"happened_on" date NOT NULL,
	"channel" text NOT NULL,
	"summary" text NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"follow_up_due" date,
	"follow_up_owner_id" uuid,
	"follow_up_done_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"legal_basis" text NOT NULL,
	"basis_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_folded" text NOT NULL,
	"name_key" text NOT NULL,
	"kind" text NOT NULL,
	"legal_form" text NOT NULL,
	"nip" text,
	"regon" text,
	"krs" text,
	"is_pes" boolean DEFAULT false NOT NULL,
	"pes_letter" text,
	"street" text DEFAULT '' NOT NULL,
	"house_no" text DEFAULT '' NOT NULL,
	"flat_no" text DEFAULT '' NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_events" ADD CONSTRAINT "contact_events_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_events" ADD CONSTRAINT "contact_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_events" ADD CONSTRAINT "contact_events_contact_id_organisation_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."organisation_contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_events" ADD CONSTRAINT "contact_events_follow_up_owner_id_users_id_fk" FOREIGN KEY ("follow_up_owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_events" ADD CONSTRAINT "contact_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_contacts" ADD CONSTRAINT "organisation_contacts_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_contacts" ADD CONSTRAINT "organisation_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_events_org_idx" ON "contact_events" USING btree ("organisation_id","happened_on");--> statement-breakpoint
CREATE INDEX "contact_events_follow_up_idx" ON "contact_events" USING btree ("follow_up_due");--> statement-breakpoint
CREATE INDEX "organisation_contacts_org_idx" ON "organisation_contacts" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "organisation_contacts_locality_idx" ON "organisation_contacts" USING btree ("locality_id");--> statement-breakpoint
CREATE INDEX "organisations_locality_name_idx" ON "organisations" USING btree ("locality_id","name_folded");--> statement-breakpoint
CREATE INDEX "organisations_locality_key_idx" ON "organisations" USING btree ("locality_id","name_key");--> statement-breakpoint
CREATE INDEX "organisations_locality_nip_idx" ON "organisations" USING btree ("locality_id","nip");--> statement-breakpoint
CREATE INDEX "organisations_locality_regon_idx" ON "organisations" USING btree ("locality_id","regon");