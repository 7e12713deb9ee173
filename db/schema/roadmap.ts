import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { localities, users } from './core.ts';

export type EvidenceLink = { url: string; label: string };

export const roadmapSteps = pgTable(
  'roadmap_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    stepKey: text('step_key').notNull(),
    position: integer('position').notNull(),
    status: text('status').notNull().default('not_started'),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: date('due_date'),
    evidenceNotes: text('evidence_notes').notNull().default(''),
    evidenceLinks: jsonb('evidence_links').$type<EvidenceLink[]>().notNull().default([]),
    doneOn: date('done_on'),
    startedOn: date('started_on'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('roadmap_steps_locality_step_key').on(t.localityId, t.stepKey)],
);

export const roadmapStepEvents = pgTable(
  'roadmap_step_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    stepId: uuid('step_id')
      .notNull()
      .references(() => roadmapSteps.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
  },
  (t) => [
    index('roadmap_step_events_step_idx').on(t.stepId, t.at),
    index('roadmap_step_events_locality_idx').on(t.localityId),
  ],
);
