import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { localities, users } from './core.ts';

/** Local actors: the directory every part of the partnership refers to. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Lower case, diacritics folded: search that ignores both. */
    nameFolded: text('name_folded').notNull(),
    /** Folded name without punctuation and legal-form words: duplicate detection. */
    nameKey: text('name_key').notNull(),
    kind: text('kind').notNull(),
    legalForm: text('legal_form').notNull(),
    nip: text('nip'),
    regon: text('regon'),
    krs: text('krs'),
    /** Derived from legal form and kind by the dated parameter `pes.entities`; never typed. */
    isPes: boolean('is_pes').notNull().default(false),
    pesLetter: text('pes_letter'),
    street: text('street').notNull().default(''),
    houseNo: text('house_no').notNull().default(''),
    flatNo: text('flat_no').notNull().default(''),
    postalCode: text('postal_code').notNull().default(''),
    city: text('city').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    website: text('website').notNull().default(''),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_locality_name_idx').on(t.localityId, t.nameFolded),
    index('organisations_locality_key_idx').on(t.localityId, t.nameKey),
    index('organisations_locality_nip_idx').on(t.localityId, t.nip),
    index('organisations_locality_regon_idx').on(t.localityId, t.regon),
  ],
);

/** People at an organisation, with the legal basis for keeping their details. */
export const organisationContacts = pgTable(
  'organisation_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    /** GDPR art. 6: consent, contract, legal_obligation, public_task, legitimate_interest. */
    legalBasis: text('legal_basis').notNull(),
    basisNote: text('basis_note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisation_contacts_org_idx').on(t.organisationId),
    index('organisation_contacts_locality_idx').on(t.localityId),
  ],
);

/** History of contacts with an organisation, with an optional follow-up and its reminder. */
export const contactEvents = pgTable(
  'contact_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => organisationContacts.id, { onDelete: 'set null' }),
    happenedOn: date('happened_on').notNull(),
    channel: text('channel').notNull(),
    summary: text('summary').notNull(),
    followUp: text('follow_up').notNull().default(''),
    followUpDue: date('follow_up_due'),
    followUpOwnerId: uuid('follow_up_owner_id').references(() => users.id, { onDelete: 'set null' }),
    followUpDoneAt: timestamp('follow_up_done_at', { withTimezone: true }),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contact_events_org_idx').on(t.organisationId, t.happenedOn),
    index('contact_events_follow_up_idx').on(t.followUpDue),
  ],
);
