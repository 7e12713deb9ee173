CREATE TABLE "calendar_feeds" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"locality_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "curricula" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"is_leaders_programme" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "curriculum_modules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"curriculum_id" uuid NOT NULL,
	"locality_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"planned_hours" numeric(5, 1) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leader_qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"curriculum_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"granted_on" date NOT NULL,
	"granted_by" uuid,
	"attendance_share" numeric(4, 3) NOT NULL,
	"modules_share" numeric(4, 3) NOT NULL,
	"certificate_number" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "material_modules" (
	"material_id" uuid NOT NULL,
	"module_id" uuid NOT NULL,
	"locality_id" uuid NOT NULL,
	CONSTRAINT "material_modules_material_id_module_id_pk" PRIMARY KEY("material_id","module_id")
);
--> statement-breakpoint
CREATE TABLE "material_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"material_id" uuid NOT NULL,
	"locality_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"language" text DEFAULT 'pl' NOT NULL,
	"licence" text DEFAULT '' NOT NULL,
	"visibility" text DEFAULT 'staff' NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"search_folded" text GENERATED ALWAYS AS (translate(lower(title || ' ' || description), 'ąćęłńóśźżáäéëíöüčřšžý', 'acelnoszzaaeeioucrszy')) STORED,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"locality_id" uuid NOT NULL,
	"member_id" uuid,
	"usefulness" integer NOT NULL,
	"clarity" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_attendance" (
	"session_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"locality_id" uuid NOT NULL,
	"status" text NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "study_attendance_session_id_member_id_pk" PRIMARY KEY("session_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "study_group_facilitators" (
	"group_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"locality_id" uuid NOT NULL,
	"role" text DEFAULT 'lead' NOT NULL,
	"qualification_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "study_group_facilitators_group_id_person_id_pk" PRIMARY KEY("group_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "study_group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"locality_id" uuid NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"curriculum_id" uuid,
	"club_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"schedule_weekday" integer,
	"schedule_time" text DEFAULT '' NOT NULL,
	"schedule_minutes" integer DEFAULT 120 NOT NULL,
	"schedule_every_weeks" integer DEFAULT 1 NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_session_modules" (
	"session_id" uuid NOT NULL,
	"module_id" uuid NOT NULL,
	"locality_id" uuid NOT NULL,
	CONSTRAINT "study_session_modules_session_id_module_id_pk" PRIMARY KEY("session_id","module_id")
);
--> statement-breakpoint
CREATE TABLE "study_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"locality_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curricula" ADD CONSTRAINT "curricula_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curricula" ADD CONSTRAINT "curricula_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curriculum_modules" ADD CONSTRAINT "curriculum_modules_curriculum_id_curricula_id_fk" FOREIGN KEY ("curriculum_id") REFERENCES "public"."curricula"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curriculum_modules" ADD CONSTRAINT "curriculum_modules_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_qualifications" ADD CONSTRAINT "leader_qualifications_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_qualifications" ADD CONSTRAINT "leader_qualifications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_qualifications" ADD CONSTRAINT "leader_qualifications_curriculum_id_curricula_id_fk" FOREIGN KEY ("curriculum_id") REFERENCES "public"."curricula"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_qualifications" ADD CONSTRAINT "leader_qualifications_group_id_study_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."study_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_qualifications" ADD CONSTRAINT "leader_qualifications_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_modules" ADD CONSTRAINT "material_modules_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_modules" ADD CONSTRAINT "material_modules_module_id_curriculum_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."curriculum_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_modules" ADD CONSTRAINT "material_modules_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_versions" ADD CONSTRAINT "material_versions_material_id_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."materials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_versions" ADD CONSTRAINT "material_versions_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_versions" ADD CONSTRAINT "material_versions_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "materials" ADD CONSTRAINT "materials_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_feedback" ADD CONSTRAINT "session_feedback_session_id_study_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."study_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_feedback" ADD CONSTRAINT "session_feedback_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_feedback" ADD CONSTRAINT "session_feedback_member_id_study_group_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."study_group_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_attendance" ADD CONSTRAINT "study_attendance_session_id_study_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."study_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_attendance" ADD CONSTRAINT "study_attendance_member_id_study_group_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."study_group_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_attendance" ADD CONSTRAINT "study_attendance_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_attendance" ADD CONSTRAINT "study_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_group_facilitators" ADD CONSTRAINT "study_group_facilitators_group_id_study_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."study_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_group_facilitators" ADD CONSTRAINT "study_group_facilitators_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_group_facilitators" ADD CONSTRAINT "study_group_facilitators_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_group_members" ADD CONSTRAINT "study_group_members_group_id_study_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."study_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_group_members" ADD CONSTRAINT "study_group_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_group_members" ADD CONSTRAINT "study_group_members_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_groups" ADD CONSTRAINT "study_groups_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_groups" ADD CONSTRAINT "study_groups_curriculum_id_curricula_id_fk" FOREIGN KEY ("curriculum_id") REFERENCES "public"."curricula"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_groups" ADD CONSTRAINT "study_groups_club_id_clubs_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."clubs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_groups" ADD CONSTRAINT "study_groups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_session_modules" ADD CONSTRAINT "study_session_modules_session_id_study_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."study_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_session_modules" ADD CONSTRAINT "study_session_modules_module_id_curriculum_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."curriculum_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_session_modules" ADD CONSTRAINT "study_session_modules_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_sessions" ADD CONSTRAINT "study_sessions_group_id_study_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."study_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_sessions" ADD CONSTRAINT "study_sessions_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_sessions" ADD CONSTRAINT "study_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "curricula_locality_idx" ON "curricula" USING btree ("locality_id");--> statement-breakpoint
CREATE INDEX "curriculum_modules_curriculum_idx" ON "curriculum_modules" USING btree ("curriculum_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "leader_qualifications_person_curriculum_key" ON "leader_qualifications" USING btree ("person_id","curriculum_id");--> statement-breakpoint
CREATE UNIQUE INDEX "leader_qualifications_certificate_key" ON "leader_qualifications" USING btree ("locality_id","certificate_number");--> statement-breakpoint
CREATE INDEX "leader_qualifications_group_idx" ON "leader_qualifications" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "material_versions_material_version_key" ON "material_versions" USING btree ("material_id","version");--> statement-breakpoint
CREATE INDEX "materials_locality_idx" ON "materials" USING btree ("locality_id","visibility");--> statement-breakpoint
CREATE INDEX "session_feedback_session_idx" ON "session_feedback" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_feedback_member_key" ON "session_feedback" USING btree ("session_id","member_id");--> statement-breakpoint
CREATE INDEX "study_attendance_member_idx" ON "study_attendance" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "study_group_facilitators_person_idx" ON "study_group_facilitators" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "study_group_members_group_person_key" ON "study_group_members" USING btree ("group_id","person_id");--> statement-breakpoint
CREATE INDEX "study_group_members_person_idx" ON "study_group_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "study_groups_locality_idx" ON "study_groups" USING btree ("locality_id","kind","starts_on");--> statement-breakpoint
CREATE INDEX "study_sessions_group_idx" ON "study_sessions" USING btree ("group_id","starts_at");--> statement-breakpoint
-- When a person has completed the leaders' programme: the share of the group's sessions
-- attended and the share of the programme's modules covered by the sessions attended.
-- Local practice of the D0104 partnership (no statute sets it): a locality may add dated rows.
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'education.leaderQualification',
  '{"minAttendanceShare": 0.8, "minModulesShare": 1.0}'::jsonb,
  '2020-01-01',
  NULL,
  'Rezultat EQUAL D0104 „Ekonomia Społeczna w Praktyce”: program edukacji liderów ekonomii społecznej (etap I ukończony przed prowadzeniem własnej grupy); progi są ustawieniem domyślnym platformy, nie przepisem prawa',
  false,
  'Not a legal rule: a programme rule. 80 % attendance and every module covered are a common completion rule of non-formal courses.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
--> statement-breakpoint
-- What a funder counts as a valid group. Modelled on the Swedish study circles' reporting
-- (Folkbildningsrådet: at least 3 participants including the leader, 3 meetings, 9 study
-- hours); a funder's own rules are added as new dated rows.
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'education.validGroup',
  '{"minMembers": 3, "minMeetings": 3, "minHours": 9}'::jsonb,
  '2020-01-01',
  NULL,
  'Wzorowane na zasadach szwedzkich kół studyjnych (Folkbildningsrådet): co najmniej 3 uczestników z prowadzącym, 3 spotkania i 9 godzin nauki; zasady grantodawcy dopisuje się jako nowy wiersz z datą',
  false,
  'From the peer-systems research (study circles); check the funder''s own rules and add them as a dated row.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
--> statement-breakpoint
-- Materials: allowed file types and the size limit of one upload.
INSERT INTO "legal_parameters" ("key", "value", "valid_from", "valid_to", "source", "verified", "note") VALUES (
  'education.materialFiles',
  '{"maxBytes": 20971520, "types": ["application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.oasis.opendocument.text", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "application/vnd.oasis.opendocument.presentation", "image/png", "image/jpeg", "text/plain"]}'::jsonb,
  '2020-01-01',
  NULL,
  'Ustawienie platformy (nie przepis prawa): dokumenty, prezentacje i obrazy bez makr; do 20 MB na plik',
  true,
  'A platform setting kept with the other dated parameters so a change is recorded with its date.'
) ON CONFLICT ("key", "valid_from") DO NOTHING;
