import { date, index, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { localities, users } from './core.ts';
import { organisations } from './organisations.ts';
import { people } from './people.ts';

/**
 * A volunteer (a person, ADR 17) of the locality's support system, with the volunteer
 * agreement (porozumienie, ustawa o działalności pożytku publicznego i o wolontariacie art. 44).
 */
export const volunteers = pgTable(
  'volunteers',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    /** The organisation the volunteer works with (the "korzystający"). */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    skills: text('skills').notNull().default(''),
    since: date('since').notNull(),
    /** active, ended. */
    status: text('status').notNull().default('active'),
    /** The agreement: scope of the work, period, when signed. */
    agreementScope: text('agreement_scope').notNull().default(''),
    agreementFrom: date('agreement_from'),
    agreementTo: date('agreement_to'),
    agreementSignedOn: date('agreement_signed_on'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('volunteers_locality_idx').on(t.localityId, t.status)],
);

/**
 * Hours a volunteer gave on a day to an activity of an organisation. Valued by the dated
 * hourly-rate parameter in force on that day (`volunteers.hourlyRate`); each entry feeds the
 * locality's in-kind ledger (source 'volunteer_hours').
 */
export const volunteerHours = pgTable(
  'volunteer_hours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => volunteers.personId, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    activity: text('activity').notNull(),
    workedOn: date('worked_on').notNull(),
    hours: numeric('hours', { precision: 5, scale: 2 }).notNull(),
    /** The rate used (PLN per hour) and the value, fixed when logged. */
    ratePln: numeric('rate_pln', { precision: 8, scale: 2 }).notNull(),
    valuePln: numeric('value_pln', { precision: 12, scale: 2 }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('volunteer_hours_person_idx').on(t.personId, t.workedOn),
    index('volunteer_hours_locality_idx').on(t.localityId, t.workedOn),
  ],
);
