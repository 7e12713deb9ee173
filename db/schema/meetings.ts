import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { localities, users } from './core.ts';
import { organisationContacts, organisations } from './organisations.ts';
import { partnerships } from './partnerships.ts';
import { people } from './people.ts';

/** A meeting of a partnership: agenda, invitations, attendance, minutes, decisions. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place').notNull().default(''),
    agenda: text('agenda').notNull().default(''),
    minutes: text('minutes').notNull().default(''),
    /** planned, held, cancelled. */
    status: text('status').notNull().default('planned'),
    /** iCalendar SEQUENCE: raised whenever the time or place changes after invitations went out. */
    icsSequence: integer('ics_sequence').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meetings_partnership_idx').on(t.partnershipId, t.startsAt),
    index('meetings_locality_idx').on(t.localityId, t.startsAt),
  ],
);

/**
 * Who was invited and who came. A row names an organisation, a person (a directory contact,
 * a user or a person record) or both; attendance is present / absent / excused, empty until
 * taken. `invitedAt` is set when the e-mail invitation went out.
 */
export const meetingParticipants = pgTable(
  'meeting_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    contactId: uuid('contact_id').references(() => organisationContacts.id, { onDelete: 'set null' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    /** Name and e-mail as invited (kept so the list and invitations survive later edits). */
    name: text('name').notNull().default(''),
    email: text('email').notNull().default(''),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    /** present, absent, excused; null until attendance is taken. */
    attendance: text('attendance'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_participants_meeting_idx').on(t.meetingId)],
);

/** A decision recorded at a meeting ("Uchwała nr 3/2026"); it can create programme tasks. */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localityId: uuid('locality_id')
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    number: text('number').notNull().default(''),
    text: text('text').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_decisions_meeting_idx').on(t.meetingId)],
);
