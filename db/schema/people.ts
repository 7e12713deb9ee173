import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { localities, users } from './core.ts';

/**
 * A person the local system works with who is not (only) a user: a club member, a meeting
 * attendee from outside the directory, later a participant of the Centre (issue 4 extends
 * this record rather than adding a second one). Minimum data, with the legal basis for
 * keeping it; erasure blanks the personal fields and keeps the row so statistics still count.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    /** When the person also signs in (a participant, a leader). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** GDPR art. 6 basis: consent, contract, legal_obligation, public_task, legitimate_interest. */
    legalBasis: text('legal_basis').notNull(),
    basisNote: text('basis_note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    /**
     * The name folded for search (lower case, Polish letters without marks, both orders), kept
     * by the database so a search compares one stored column (foldForSearch folds the query).
     */
    searchFolded: text('search_folded').generatedAlwaysAs(
      sql`translate(lower(given_name || ' ' || family_name || ' ' || family_name || ' ' || given_name), 'ąćęłńóśźżáäéëíöüčřšžý', 'acelnoszzaaeeioucrszy')`,
    ),
  },
  (t) => [
    index('people_locality_name_idx').on(t.localityId, t.familyName, t.givenName),
    index('people_user_idx').on(t.userId),
  ],
);
