import { boolean, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { localities, users } from './core.ts';
import { organisations } from './organisations.ts';
import { people } from './people.ts';

/**
 * A final beneficiary of the Social Economy Centre: a person (ADR 17) with what the Centre
 * needs on top. EU participant-monitoring fields (Regulation 2021/1057, Annex I) sit here; the
 * special-category answers (disability, minority, foreign background, homelessness) may be
 * 'refused', and refusing never blocks support. Empty string: not asked yet.
 */
export const participants = pgTable(
  'participants',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    registeredOn: date('registered_on').notNull(),
    registeredBy: uuid('registered_by').references(() => users.id, { onDelete: 'set null' }),
    /** active, closed. */
    status: text('status').notNull().default('active'),
    /** 11 digits, validated (check digit, date of birth, sex); '' when not given. */
    pesel: text('pesel').notNull().default(''),
    /** Foreigners may have no PESEL: then birth date and sex are entered. */
    noPesel: boolean('no_pesel').notNull().default(false),
    birthDate: date('birth_date'),
    /** Sex as in the PESEL or documents: female, male, '' (unknown). */
    sex: text('sex').notNull().default(''),
    /** Gender as the person declares it (EFS+ breakdown): woman, man, non_binary, refused, ''. */
    gender: text('gender').notNull().default(''),
    /** ISCED band: isced0_2, isced3_4, isced5_8, refused, ''. */
    education: text('education').notNull().default(''),
    /** yes, no, refused, '' — special categories and sensitive answers. */
    disability: text('disability').notNull().default(''),
    foreignBackground: text('foreign_background').notNull().default(''),
    thirdCountryNational: text('third_country_national').notNull().default(''),
    minority: text('minority').notNull().default(''),
    homeless: text('homeless').notNull().default(''),
    otherDisadvantage: text('other_disadvantage').notNull().default(''),
    closedOn: date('closed_on'),
    closedReason: text('closed_reason').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('participants_locality_idx').on(t.localityId, t.status)],
);

/**
 * What the person agreed to, or the other legal basis, per purpose: support, contact, photos,
 * sharing with a named partner organisation. Consent can be withdrawn (the row keeps when).
 */
export const participantConsents = pgTable(
  'participant_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** support, contact, photos, share_partner. */
    purpose: text('purpose').notNull(),
    /** For share_partner: the organisation the data may be shared with. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    /** GDPR art. 6 basis: consent, public_task, legal_obligation, contract, legitimate_interest. */
    basis: text('basis').notNull(),
    givenOn: date('given_on').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    withdrawnOn: date('withdrawn_on'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('participant_consents_person_idx').on(t.personId, t.purpose)],
);

/** The at-risk-of-exclusion categories (dated reference data) a participant belongs to, with evidence. */
export const participantCategories = pgTable(
  'participant_categories',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    /** What showed it (e.g. "zaświadczenie z PUP z 3.11.2026"). */
    evidence: text('evidence').notNull().default(''),
    notedOn: date('noted_on').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.personId, t.category] })],
);

/** Labour-market status over time (EFS+: the status on joining, and changes after). */
export const labourStatuses = pgTable(
  'labour_statuses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** unemployed_registered, unemployed_unregistered, long_term_unemployed, inactive, employed, self_employed, in_education. */
    status: text('status').notNull(),
    fromDate: date('from_date').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('labour_statuses_person_idx').on(t.personId, t.fromDate)],
);
