import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { localities, users } from './core.ts';
import { organisations } from './organisations.ts';
import { partnerships } from './partnerships.ts';
import { people } from './people.ts';

export type OpeningHours = { weekday: number; opens: string; closes: string }[];

/**
 * The integration club (today's Klub Integracji Społecznej, KIS: art. 18–18a of the social
 * employment act): who runs it, its premises (a municipality's lent premises are an in-kind
 * contribution valued per month), opening hours and the voivode's register entry.
 */
export const clubs = pgTable(
  'clubs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id').references(() => partnerships.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    /** The body that runs the club (gmina/OPS, an NGO, a church entity: art. 18 ust. 1). */
    runByOrganisationId: uuid('run_by_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    premisesAddress: text('premises_address').notNull().default(''),
    premisesProviderId: uuid('premises_provider_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    /** Lent free of charge (an in-kind contribution) rather than rented or owned. */
    premisesLent: boolean('premises_lent').notNull().default(false),
    premisesMonthlyValuePln: numeric('premises_monthly_value_pln', { precision: 12, scale: 2 }),
    premisesFrom: date('premises_from'),
    premisesTo: date('premises_to'),
    openingHours: jsonb('opening_hours').$type<OpeningHours>().notNull().default([]),
    openingNotes: text('opening_notes').notNull().default(''),
    /** The voivode's register (art. 18a): when notified, when entered, the entry's number. */
    registerNotifiedOn: date('register_notified_on'),
    registerEnteredOn: date('register_entered_on'),
    registerNumber: text('register_number').notNull().default(''),
    openedOn: date('opened_on'),
    closedOn: date('closed_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('clubs_locality_idx').on(t.localityId)],
);

/** The club's staff (animators and others) with working time and basis, for the annual report. */
export const clubStaff = pgTable(
  'club_staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    /** animator, other. */
    role: text('role').notNull().default('animator'),
    /** employment_contract, civil_law_contract, volunteer, secondment. */
    basis: text('basis').notNull(),
    /** Full-time equivalent, e.g. 0.5. */
    fte: numeric('fte', { precision: 4, scale: 2 }),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('club_staff_club_idx').on(t.clubId)],
);

/**
 * Members of the club: people taking part, voluntarily, on a social contract (art. 18 ust. 3),
 * with the statutory group they belong to and the reintegration effect when they leave.
 */
export const clubMembers = pgTable(
  'club_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
    socialContract: boolean('social_contract').notNull().default(false),
    /** The art. 1 ust. 2 group key (reference data), '' when not given. */
    atRiskGroup: text('at_risk_group').notNull().default(''),
    /** job_found, education, enterprise, other_effect, no_effect; null while a member. */
    outcome: text('outcome'),
    certificateIssuedOn: date('certificate_issued_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('club_members_person_key').on(t.clubId, t.personId, t.joinedOn),
    index('club_members_club_idx').on(t.clubId),
  ],
);

/** The club's calendar: activities (art. 18 ust. 2 kinds and the club's own). */
export const clubActivities = pgTable(
  'club_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** job_search, socially_useful_work, public_works, legal_advice, self_help, traineeship, integration. */
    kind: text('kind').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull().default(''),
    description: text('description').notNull().default(''),
    leaderName: text('leader_name').notNull().default(''),
    cancelled: boolean('cancelled').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('club_activities_club_idx').on(t.clubId, t.startsAt)],
);

/** Attendance of members at an activity. */
export const clubAttendance = pgTable(
  'club_attendance',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => clubActivities.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => clubMembers.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    /** present, absent, excused. */
    status: text('status').notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.memberId] })],
);

/** Drop-in visits to the club: a member's visit, or a count of visitors not registered. */
export const clubVisits = pgTable(
  'club_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    visitedOn: date('visited_on').notNull(),
    memberId: uuid('member_id').references(() => clubMembers.id, { onDelete: 'set null' }),
    visitors: integer('visitors').notNull().default(1),
    purpose: text('purpose').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('club_visits_club_idx').on(t.clubId, t.visitedOn)],
);

/** Grants and their settlement by year (art. 18a annual report, point 4). */
export const clubGrants = pgTable(
  'club_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    clubId: uuid('club_id')
      .notNull()
      .references(() => clubs.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    source: text('source').notNull(),
    grantedPln: numeric('granted_pln', { precision: 12, scale: 2 }).notNull(),
    spentPln: numeric('spent_pln', { precision: 12, scale: 2 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('club_grants_club_idx').on(t.clubId, t.year)],
);
