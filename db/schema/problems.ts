import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { localities, users } from './core.ts';
import { organisations } from './organisations.ts';

/**
 * The local problems register: problems raised by residents (on the public form, moderated
 * before they appear) or by partners and staff, with who is affected, evidence and proposals.
 */
export const localProblems = pgTable(
  'local_problems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    affected: text('affected').notNull().default(''),
    evidence: text('evidence').notNull().default(''),
    proposals: text('proposals').notNull().default(''),
    /** pending (awaiting moderation), open, in_progress, solved, rejected. */
    status: text('status').notNull(),
    /** resident (public form), partner, staff. */
    source: text('source').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** A resident's contact, kept only with their consent, never shown publicly. */
    contactName: text('contact_name').notNull().default(''),
    contactEmail: text('contact_email').notNull().default(''),
    contactConsentAt: timestamp('contact_consent_at', { withTimezone: true }),
    moderationNote: text('moderation_note').notNull().default(''),
    moderatedBy: uuid('moderated_by').references(() => users.id, { onDelete: 'set null' }),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('local_problems_locality_status_idx').on(t.localityId, t.status, t.createdAt)],
);
