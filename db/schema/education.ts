import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { clubs } from './club.ts';
import { localities, users } from './core.ts';
import { people } from './people.ts';

/**
 * Part 2 of the seed (issue 5): informal adult education. A programme (curriculum) has
 * modules; materials serve modules; groups (the leaders' course run by the Centre, a
 * self-education group run by a qualified leader, a club activity group) meet in sessions
 * that cover modules, with attendance; completing the leaders' programme grants the leader
 * qualification; the cascade (who trained whom) is derived from groups and qualifications.
 */

/** An education programme; `isLeadersProgramme` marks the social-economy leaders' programme. */
export const curricula = pgTable(
  'curricula',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    isLeadersProgramme: boolean('is_leaders_programme').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('curricula_locality_idx').on(t.localityId)],
);

/** A module of a programme: objectives and planned hours, in order. */
export const curriculumModules = pgTable(
  'curriculum_modules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    curriculumId: uuid('curriculum_id')
      .notNull()
      .references(() => curricula.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    objectives: text('objectives').notNull().default(''),
    plannedHours: numeric('planned_hours', { precision: 5, scale: 1 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('curriculum_modules_curriculum_idx').on(t.curriculumId, t.position)],
);

/**
 * An educational material: a document, slides, an image or a link. Who may see it is set per
 * material: staff, leaders, participants, public. Files live in versions (material_versions).
 */
export const materials = pgTable(
  'materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** document, slides, image, link. */
    kind: text('kind').notNull(),
    /** pl, en, … (ISO 639-1). */
    language: text('language').notNull().default('pl'),
    /** e.g. CC BY 4.0, CC BY-SA 4.0, all rights reserved. */
    licence: text('licence').notNull().default(''),
    /** staff, leaders, participants, public. */
    visibility: text('visibility').notNull().default('staff'),
    /** For a link. */
    url: text('url').notNull().default(''),
    /** Title and description folded for search (lower case, Polish letters without marks). */
    searchFolded: text('search_folded').generatedAlwaysAs(
      sql`translate(lower(title || ' ' || description), 'ąćęłńóśźżáäéëíöüčřšžý', 'acelnoszzaaeeioucrszy')`,
    ),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('materials_locality_idx').on(t.localityId, t.visibility)],
);

/** A version of a material's file, stored on disk under the data folder or in S3-compatible storage. */
export const materialVersions = pgTable(
  'material_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    materialId: uuid('material_id')
      .notNull()
      .references(() => materials.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The storage key (disk path under the materials folder, or the S3 object key). */
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    note: text('note').notNull().default(''),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('material_versions_material_version_key').on(t.materialId, t.version)],
);

/** Which modules a material serves. */
export const materialModules = pgTable(
  'material_modules',
  {
    materialId: uuid('material_id')
      .notNull()
      .references(() => materials.id, { onDelete: 'cascade' }),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => curriculumModules.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.materialId, t.moduleId] })],
);

/**
 * A group: the leaders' course run by the Centre (`leaders_course`), a self-education group
 * run by a qualified leader (`self_education`), a club activity group (`club_activity`).
 * A recurring schedule (weekday, time, every N weeks) between its dates.
 */
export const studyGroups = pgTable(
  'study_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    curriculumId: uuid('curriculum_id').references(() => curricula.id, { onDelete: 'set null' }),
    clubId: uuid('club_id').references(() => clubs.id, { onDelete: 'set null' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    /** ISO weekday 1 (Monday) – 7 (Sunday); null when irregular. */
    scheduleWeekday: integer('schedule_weekday'),
    /** HH:MM, Warsaw time. */
    scheduleTime: text('schedule_time').notNull().default(''),
    scheduleMinutes: integer('schedule_minutes').notNull().default(120),
    scheduleEveryWeeks: integer('schedule_every_weeks').notNull().default(1),
    place: text('place').notNull().default(''),
    /** planned, running, finished. */
    status: text('status').notNull().default('planned'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('study_groups_locality_idx').on(t.localityId, t.kind, t.startsOn)],
);

/**
 * Who runs a group: a person (a Centre trainer for the leaders' course; a qualified leader for
 * a self-education group — the qualification that allowed it is recorded, which is the cascade's edge).
 */
export const studyGroupFacilitators = pgTable(
  'study_group_facilitators',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => studyGroups.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    /** lead, co. */
    role: text('role').notNull().default('lead'),
    /** The facilitator's leader qualification (null for the Centre's trainers). */
    qualificationId: uuid('qualification_id'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.personId] }),
    index('study_group_facilitators_person_idx').on(t.personId),
  ],
);

/** A member of a group. */
export const studyGroupMembers = pgTable(
  'study_group_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => studyGroups.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('study_group_members_group_person_key').on(t.groupId, t.personId),
    index('study_group_members_person_idx').on(t.personId),
  ],
);

/** A meeting of a group, with the modules it covered. */
export const studySessions = pgTable(
  'study_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => studyGroups.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    minutes: integer('minutes').notNull(),
    place: text('place').notNull().default(''),
    notes: text('notes').notNull().default(''),
    cancelled: boolean('cancelled').notNull().default(false),
    /** Raised on each change (iCalendar SEQUENCE). */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('study_sessions_group_idx').on(t.groupId, t.startsAt)],
);

export const studySessionModules = pgTable(
  'study_session_modules',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => studySessions.id, { onDelete: 'cascade' }),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => curriculumModules.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.moduleId] })],
);

/** Attendance of a member at a session: present, absent, excused. */
export const studyAttendance = pgTable(
  'study_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => studySessions.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => studyGroupMembers.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.memberId] }),
    index('study_attendance_member_idx').on(t.memberId),
  ],
);

/**
 * The leader qualification: granted when a person completed the leaders' programme in a group
 * (attendance share and modules covered, dated parameter `education.leaderQualification`).
 * `groupId` is where it was earned: the cascade's parent link.
 */
export const leaderQualifications = pgTable(
  'leader_qualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    curriculumId: uuid('curriculum_id')
      .notNull()
      .references(() => curricula.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => studyGroups.id, { onDelete: 'cascade' }),
    grantedOn: date('granted_on').notNull(),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    /** The figures that met the rule, kept with the grant. */
    attendanceShare: numeric('attendance_share', { precision: 4, scale: 3 }).notNull(),
    modulesShare: numeric('modules_share', { precision: 4, scale: 3 }).notNull(),
    certificateNumber: text('certificate_number').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('leader_qualifications_person_curriculum_key').on(t.personId, t.curriculumId),
    uniqueIndex('leader_qualifications_certificate_key').on(t.localityId, t.certificateNumber),
    index('leader_qualifications_group_idx').on(t.groupId),
  ],
);

/** A short evaluation after a session (plain language, on a phone): 1–5 and a comment. */
export const sessionFeedback = pgTable(
  'session_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => studySessions.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    /** The member who answered (one answer per member and session); null when anonymous. */
    memberId: uuid('member_id').references(() => studyGroupMembers.id, { onDelete: 'set null' }),
    /** 1–5: how useful the session was. */
    usefulness: integer('usefulness').notNull(),
    /** 1–5: how clear it was. */
    clarity: integer('clarity').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('session_feedback_session_idx').on(t.sessionId),
    uniqueIndex('session_feedback_member_key').on(t.sessionId, t.memberId),
  ],
);

/** A secret for a person's calendar feed (ICS) — calendar apps cannot sign in. */
export const calendarFeeds = pgTable('calendar_feeds', {
  tokenHash: text('token_hash').primaryKey(),
  localityId: uuid('locality_id')
    .notNull()
    .references(() => localities.id, { onDelete: 'cascade' }),
  personId: uuid('person_id')
    .notNull()
    .references(() => people.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
