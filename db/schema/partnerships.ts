import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { localities, users } from './core.ts';
import { organisations } from './organisations.ts';

/** A local partnership: organisations that work together under a leader organisation. */
export const partnerships = pgTable(
  'partnerships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    aim: text('aim').notNull().default(''),
    formedOn: date('formed_on'),
    leaderOrganisationId: uuid('leader_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    /** The recorded decision that designated the leader ("Uchwała nr 1/2026 zgromadzenia partnerów"). */
    leaderDecision: text('leader_decision').notNull().default(''),
    leaderDecidedOn: date('leader_decided_on'),
    /** The coordinator may publish a progress page without personal data. */
    publicProgress: boolean('public_progress').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partnerships_locality_idx').on(t.localityId)],
);

/** Organisations in a partnership, with their role (leader, partner, observer). */
export const partnershipMembers = pgTable(
  'partnership_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    joinedOn: date('joined_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('partnership_members_org_key').on(t.partnershipId, t.organisationId),
    index('partnership_members_locality_idx').on(t.localityId),
  ],
);

/** What a member promised to the partnership (premises, volunteers, money, equipment, expertise). */
export const commitments = pgTable(
  'commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => partnershipMembers.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 12, scale: 2 }),
    unit: text('unit').notNull().default(''),
    /** Value in PLN (money: the amount; in kind: the estimated value). */
    valuePln: numeric('value_pln', { precision: 12, scale: 2 }),
    periodFrom: date('period_from'),
    periodTo: date('period_to'),
    status: text('status').notNull().default('promised'),
    deliveredOn: date('delivered_on'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('commitments_partnership_idx').on(t.partnershipId),
    index('commitments_locality_idx').on(t.localityId),
  ],
);

/**
 * The locality's in-kind ledger: contributions that lowered the costs (volunteer work,
 * donations, lent premises, equipment, expertise), each with its value and where it came from.
 * Later capabilities (the club's premises, volunteers' hours, donations) add their entries here.
 */
export const inKindEntries = pgTable(
  'in_kind_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    valuePln: numeric('value_pln', { precision: 12, scale: 2 }).notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    occurredFrom: date('occurred_from').notNull(),
    occurredTo: date('occurred_to'),
    /** Where the entry comes from, e.g. source 'commitment' with the commitment's id. */
    source: text('source').notNull(),
    sourceId: text('source_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('in_kind_entries_locality_idx').on(t.localityId, t.occurredFrom),
    uniqueIndex('in_kind_entries_source_key').on(t.source, t.sourceId),
  ],
);
