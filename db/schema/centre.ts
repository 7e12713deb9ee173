import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { localities, users } from './core.ts';
import { organisations } from './organisations.ts';
import { people } from './people.ts';

/**
 * The Social Economy Centre's work with a participant (issue 4): individual support plans
 * (reintegration plans) that move through named steps, advice sessions, bookable advisor
 * slots and appointments, and referrals between organisations.
 */

/**
 * An individual support plan. `step` is one of the named steps
 * draft → agreed → in_progress → closed (never a free status); every change of step is kept in
 * support_plan_steps. A person has at most one plan that is not closed.
 */
export const supportPlans = pgTable(
  'support_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** draft, agreed, in_progress, closed. */
    step: text('step').notNull().default('draft'),
    /** What the person needs (in their words where possible). */
    needs: text('needs').notNull().default(''),
    /** What the plan aims at. */
    goals: text('goals').notNull().default(''),
    startsOn: date('starts_on').notNull(),
    /** The staff member who leads the plan (an advisor, animator or coordinator). */
    responsibleUserId: uuid('responsible_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The date the person and the responsible staff member agreed the plan (step agreed). */
    agreedOn: date('agreed_on'),
    closedOn: date('closed_on'),
    /** goals_achieved, found_work, moved_away, withdrew, no_contact, other. */
    closingReason: text('closing_reason').notNull().default(''),
    closingNote: text('closing_note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_plans_person_idx').on(t.personId, t.startsOn),
    index('support_plans_locality_idx').on(t.localityId, t.step),
    uniqueIndex('support_plans_one_open_key').on(t.personId).where(sql`${t.step} <> 'closed'`),
  ],
);

/** Every move of a plan from one named step to the next: who, when, why. */
export const supportPlanSteps = pgTable(
  'support_plan_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => supportPlans.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    fromStep: text('from_step').notNull().default(''),
    toStep: text('to_step').notNull(),
    note: text('note').notNull().default(''),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('support_plan_steps_plan_idx').on(t.planId, t.at)],
);

/**
 * A planned action: advice, training, a self-education group, club activities, a work
 * placement, a referral, other. Responsible: a staff member or an organisation.
 */
export const supportPlanActions = pgTable(
  'support_plan_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => supportPlans.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    /** advice, training, self_education_group, club_activities, work_placement, referral, other. */
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id, { onDelete: 'set null' }),
    responsibleOrganisationId: uuid('responsible_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    dueOn: date('due_on'),
    /** planned, done, dropped. */
    status: text('status').notNull().default('planned'),
    doneOn: date('done_on'),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('support_plan_actions_plan_idx').on(t.planId, t.position)],
);

/**
 * Reviews of a plan: a scheduled date (reminded by e-mail to the responsible staff member)
 * and, once held, when and what was found.
 */
export const supportPlanReviews = pgTable(
  'support_plan_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => supportPlans.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    dueOn: date('due_on').notNull(),
    heldOn: date('held_on'),
    note: text('note').notNull().default(''),
    /** The last day a reminder went out (at most one a day). */
    remindedOn: date('reminded_on'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_plan_reviews_plan_idx').on(t.planId, t.dueOn),
    index('support_plan_reviews_due_idx').on(t.dueOn),
  ],
);

/**
 * What came of the support: found_work, joined_enterprise, founded_enterprise,
 * started_education, other — with the date and the organisation (employer, enterprise, school).
 * These count in the indicators, so they stay after erasure (the person row stays, anonymised).
 */
export const supportOutcomes = pgTable(
  'support_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id').references(() => supportPlans.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    achievedOn: date('achieved_on').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_outcomes_person_idx').on(t.personId),
    index('support_outcomes_locality_idx').on(t.localityId, t.achievedOn),
  ],
);

/**
 * An advice session: legal, financial, accounting, vocational or business advice to a person,
 * an organisation or an initiative (a group not yet registered, named in `initiative`).
 * Notes marked confidential are shown to advisors only (and not in exports to other roles).
 */
export const adviceSessions = pgTable(
  'advice_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    /** legal, financial, accounting, vocational, business. */
    kind: text('kind').notNull(),
    advisorUserId: uuid('advisor_user_id').references(() => users.id, { onDelete: 'set null' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    initiative: text('initiative').notNull().default(''),
    givenOn: date('given_on').notNull(),
    minutes: integer('minutes').notNull(),
    topic: text('topic').notNull(),
    notes: text('notes').notNull().default(''),
    confidential: boolean('confidential').notNull().default(false),
    /** The appointment this session came from, if any. */
    appointmentId: uuid('appointment_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('advice_sessions_locality_idx').on(t.localityId, t.givenOn),
    index('advice_sessions_person_idx').on(t.personId),
    index('advice_sessions_organisation_idx').on(t.organisationId),
  ],
);

/** An advisor's bookable slot (on duty at the Centre). */
export const adviceSlots = pgTable(
  'advice_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    advisorUserId: uuid('advisor_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    minutes: integer('minutes').notNull(),
    /** The kind of advice offered: legal, financial, accounting, vocational, business. */
    kind: text('kind').notNull(),
    place: text('place').notNull().default(''),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('advice_slots_locality_idx').on(t.localityId, t.startsAt),
    uniqueIndex('advice_slots_advisor_start_key').on(t.advisorUserId, t.startsAt),
  ],
);

/**
 * An appointment: a booked slot, or a request without a slot that staff answer. For a person
 * (a participant) or an organisation (a partner). A slot holds at most one live appointment:
 * the partial unique index makes a second booking of the same slot fail even in a race.
 */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    slotId: uuid('slot_id').references(() => adviceSlots.id, { onDelete: 'set null' }),
    /** legal, financial, accounting, vocational, business. */
    kind: text('kind').notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    /** What the person or organisation wants to talk about. */
    topic: text('topic').notNull().default(''),
    /** For a request without a slot: when suits them (free text). */
    preferredTimes: text('preferred_times').notNull().default(''),
    /** requested, booked, cancelled, done. */
    status: text('status').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    cancelledBy: uuid('cancelled_by').references(() => users.id, { onDelete: 'set null' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointments_locality_idx').on(t.localityId, t.status),
    index('appointments_person_idx').on(t.personId),
    uniqueIndex('appointments_live_slot_key').on(t.slotId).where(sql`${t.status} <> 'cancelled'`),
  ],
);

/**
 * A referral of a person from one organisation to another (OPS → Centre, Centre → labour
 * office, parish → club). Requires the person's recorded consent to share with the receiving
 * organisation (`consentId`, purpose share_partner). The receiving side sees only what the
 * referral shares: the name, the reason, the shared note and, when ticked, the contact data.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    fromOrganisationId: uuid('from_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    toOrganisationId: uuid('to_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    consentId: uuid('consent_id').notNull(),
    reason: text('reason').notNull(),
    /** What the receiving side may read about the person, written for them. */
    sharedNote: text('shared_note').notNull().default(''),
    shareContact: boolean('share_contact').notNull().default(false),
    /** sent, accepted, declined, done. */
    status: text('status').notNull().default('sent'),
    sentOn: date('sent_on').notNull(),
    sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    respondedBy: uuid('responded_by').references(() => users.id, { onDelete: 'set null' }),
    responseNote: text('response_note').notNull().default(''),
    doneOn: date('done_on'),
    outcomeNote: text('outcome_note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('referrals_person_idx').on(t.personId),
    index('referrals_to_idx').on(t.toOrganisationId, t.status),
    index('referrals_locality_idx').on(t.localityId, t.sentOn),
  ],
);

/**
 * A person's request to have their data erased (art. 17 GDPR). Refused with a reason when
 * the law or an open plan keeps the data; done when the person was anonymised.
 */
export const erasureRequests = pgTable(
  'erasure_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    /** pending, refused, done. */
    status: text('status').notNull().default('pending'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decisionNote: text('decision_note').notNull().default(''),
  },
  (t) => [index('erasure_requests_locality_idx').on(t.localityId, t.status)],
);
