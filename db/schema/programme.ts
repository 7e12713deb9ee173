import {
  type AnyPgColumn,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { localities, users } from './core.ts';
import { organisations } from './organisations.ts';
import { partnerships } from './partnerships.ts';
import { localProblems } from './problems.ts';

/**
 * The partnership's programme of action as one tree: goals (level 'goal', no parent) →
 * actions (parent: a goal) → tasks (parent: an action). Every level can carry a responsible
 * organisation or person, dates, status, progress and an indicator; a goal's or action's
 * progress is shown from its tasks when it has any.
 */
export const programmeItems = pgTable(
  'programme_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => programmeItems.id, { onDelete: 'cascade' }),
    /** goal, action, task. */
    level: text('level').notNull(),
    position: integer('position').notNull().default(0),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    responsibleOrganisationId: uuid('responsible_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id, { onDelete: 'set null' }),
    startsOn: date('starts_on'),
    dueOn: date('due_on'),
    /** planned, in_progress, done, cancelled. */
    status: text('status').notNull().default('planned'),
    /** 0–100. */
    progress: integer('progress').notNull().default(0),
    completedOn: date('completed_on'),
    indicatorName: text('indicator_name').notNull().default(''),
    indicatorUnit: text('indicator_unit').notNull().default(''),
    indicatorTarget: numeric('indicator_target', { precision: 14, scale: 2 }),
    indicatorActual: numeric('indicator_actual', { precision: 14, scale: 2 }),
    /** The meeting decision that created this item, if any (meeting_decisions.id). */
    decisionId: uuid('decision_id'),
    /** The last day an overdue reminder went out (one reminder a day at most). */
    remindedOn: date('reminded_on'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('programme_items_partnership_idx').on(t.partnershipId, t.level, t.position),
    index('programme_items_parent_idx').on(t.parentId),
    index('programme_items_due_idx').on(t.dueOn, t.status),
    index('programme_items_locality_idx').on(t.localityId),
  ],
);

/** The local problems a programme item answers. */
export const programmeItemProblems = pgTable(
  'programme_item_problems',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => programmeItems.id, { onDelete: 'cascade' }),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => localProblems.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.problemId] }),
    index('programme_item_problems_problem_idx').on(t.problemId),
  ],
);
