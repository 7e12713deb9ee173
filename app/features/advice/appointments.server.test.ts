import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adviceSlots, appointments, auditLog, people } from '../../../db/schema/index.ts';
import { makeLocality, makeOrganisation, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor, recordingMail } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import type { Role } from '../../lib/roles.ts';
import {
  bookSlot,
  cancelAppointment,
  isUniqueViolation,
  listFreeSlots,
  loadAppointmentsForPerson,
  requestAppointment,
} from './appointments.server.ts';

let t: TestDatabase;
let wg: { id: string; slug: string; name: string };
let pz: { id: string; slug: string; name: string };
let advisor: { id: string; email: string };
let participantUser: { id: string; email: string };
let otherUser: { id: string; email: string };
let person: string;
let otherPerson: string;
let org: string;
const HOUR = 3_600_000;

const loc = (l: { id: string; slug: string; name: string }, roles: Role[], organisationIds: string[] = []) =>
  ({ localityId: l.id, slug: l.slug, name: l.name, kind: 'urban', roles, organisationIds }) as ActorLocality;

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

async function slot(localityId: string, startsAt: Date, extra: { cancelledAt?: Date } = {}) {
  const [row] = await t.db
    .insert(adviceSlots)
    .values({ localityId, advisorUserId: advisor.id, startsAt, minutes: 60, kind: 'legal', ...extra })
    .returning({ id: adviceSlots.id });
  return row!.id;
}

async function liveCount(slotId: string) {
  return (
    await t.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.slotId, slotId), ne(appointments.status, 'cancelled')))
  ).length;
}

beforeAll(async () => {
  t = await createTestDatabase();
  wg = await makeLocality(t.db, { terytCode: '3028011' });
  pz = await makeLocality(t.db, { terytCode: '3064011' });
  advisor = await makeUser(t.db, {
    name: 'Dorota Doradczyni',
    roles: [{ localityId: wg.id, role: 'advisor' }],
  });
  participantUser = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'participant' }] });
  otherUser = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'participant' }] });
  const [p] = await t.db
    .insert(people)
    .values([
      {
        localityId: wg.id,
        givenName: 'Jan',
        familyName: 'Kowal',
        legalBasis: 'consent',
        userId: participantUser.id,
      },
      {
        localityId: wg.id,
        givenName: 'Ewa',
        familyName: 'Nowak',
        legalBasis: 'consent',
        userId: otherUser.id,
      },
    ])
    .returning({ id: people.id });
  person = p!.id;
  otherPerson = (await t.db.select({ id: people.id }).from(people).where(eq(people.userId, otherUser.id)))[0]!
    .id;
  org = (await makeOrganisation(t.db, { localityId: wg.id, name: 'Parafia św. Jakuba', kind: 'parish' })).id;
});
afterAll(async () => {
  await t.dispose();
});

const staff = () => ({ actor: actorFor(advisor), locality: loc(wg, ['advisor']) });
const participant = () => ({ actor: actorFor(participantUser), locality: loc(wg, ['participant']) });

describe('bookSlot', () => {
  it('books a free slot, audits it, e-mails the advisor and hides the slot from the free list', async () => {
    const id = await slot(wg.id, new Date(Date.now() + 48 * HOUR));
    const mail = recordingMail();
    const before = await listFreeSlots(t.db, { localityId: wg.id, from: new Date(), limit: 50 });
    expect(before.map((s) => s.id)).toContain(id);
    expect(before.find((s) => s.id === id)?.advisorName).toBe('Dorota Doradczyni');
    const apptId = await bookSlot(t.db, {
      ...participant(),
      slotId: id,
      personId: person,
      topic: 'Umowa najmu',
      notify: { mail, baseUrl: 'https://splot.test' },
    });
    const after = await listFreeSlots(t.db, { localityId: wg.id, from: new Date(), limit: 50 });
    expect(after.map((s) => s.id)).not.toContain(id);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, apptId));
    expect(audit?.action).toBe('appointment.book');
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]!.to).toBe(advisor.email);
    expect(mail.sent[0]!.text).toContain('Jan Kowal');
  });

  it('refuses a taken slot with a message on slotId and saves nothing', async () => {
    const id = await slot(wg.id, new Date(Date.now() + 50 * HOUR));
    await bookSlot(t.db, { ...staff(), slotId: id, organisationId: org, topic: 'Księgowość' });
    const e = await refusal(bookSlot(t.db, { ...participant(), slotId: id, personId: person, topic: 'x' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.fieldErrors.slotId).toBe('advice.book.taken');
    expect(await liveCount(id)).toBe(1);
  });

  it('lets only one of two simultaneous bookings win; the loser sees "taken"', async () => {
    const id = await slot(wg.id, new Date(Date.now() + 52 * HOUR));
    const results = await Promise.allSettled([
      bookSlot(t.db, { ...participant(), slotId: id, personId: person, topic: 'A' }),
      bookSlot(t.db, { ...staff(), slotId: id, personId: otherPerson, topic: 'B' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((lost.reason as AppError).fieldErrors.slotId).toBe('advice.book.taken');
    expect(await liveCount(id)).toBe(1);
  });

  it('the partial unique index refuses a second live appointment for a slot (the race guard)', async () => {
    const id = await slot(wg.id, new Date(Date.now() + 54 * HOUR));
    const row = { localityId: wg.id, slotId: id, kind: 'legal', personId: person, status: 'booked' };
    await t.db.insert(appointments).values(row);
    let error: unknown;
    try {
      await t.db.insert(appointments).values({ ...row, personId: otherPerson });
    } catch (e) {
      error = e;
    }
    expect(isUniqueViolation(error)).toBe(true);
    // A cancelled appointment frees the slot again.
    await t.db.update(appointments).set({ status: 'cancelled' }).where(eq(appointments.slotId, id));
    await bookSlot(t.db, { ...staff(), slotId: id, personId: otherPerson, topic: 'Po odwołaniu' });
    expect(await liveCount(id)).toBe(1);
  });

  it('refuses a slot of another locality, a cancelled slot and a past slot', async () => {
    const elsewhere = await slot(pz.id, new Date(Date.now() + 60 * HOUR));
    const cancelled = await slot(wg.id, new Date(Date.now() + 62 * HOUR), { cancelledAt: new Date() });
    const past = await slot(wg.id, new Date(Date.now() - 2 * HOUR));
    for (const [slotId, key] of [
      [elsewhere, 'advice.book.slotUnknown'],
      [cancelled, 'advice.book.cancelled'],
      [past, 'advice.book.past'],
      ['not-a-uuid', 'advice.book.slotUnknown'],
    ] as const) {
      const e = await refusal(bookSlot(t.db, { ...participant(), slotId, personId: person, topic: 'x' }));
      expect(e.code).toBe('DOMAIN_RULE');
      expect(e.fieldErrors.slotId).toBe(key);
    }
    expect(await liveCount(elsewhere)).toBe(0);
  });

  it('a participant books only for themselves; a partner only for their own organisation', async () => {
    const id = await slot(wg.id, new Date(Date.now() + 70 * HOUR));
    const e1 = await refusal(
      bookSlot(t.db, { ...participant(), slotId: id, personId: otherPerson, topic: 'x' }),
    );
    expect(e1.code).toBe('FORBIDDEN');
    const partner = { actor: actorFor(otherUser), locality: loc(wg, ['partner_rep'], []) };
    const e2 = await refusal(bookSlot(t.db, { ...partner, slotId: id, organisationId: org, topic: 'x' }));
    expect(e2.code).toBe('FORBIDDEN');
    const rep = { actor: actorFor(otherUser), locality: loc(wg, ['partner_rep'], [org]) };
    await bookSlot(t.db, { ...rep, slotId: id, organisationId: org, topic: 'Zatrudnienie socjalne' });
    expect(await liveCount(id)).toBe(1);
  });
});

describe('requestAppointment and cancelAppointment', () => {
  it('records a request, e-mails the advisors and validates the form', async () => {
    const mail = recordingMail();
    const bad = await refusal(
      requestAppointment(t.db, {
        ...participant(),
        kind: 'magic',
        personId: person,
        topic: '',
        preferredTimes: '',
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['kind', 'preferredTimes', 'topic']);
    const id = await requestAppointment(t.db, {
      ...participant(),
      kind: 'vocational',
      personId: person,
      topic: 'CV',
      preferredTimes: 'wtorki rano',
      notify: { mail, baseUrl: 'https://splot.test' },
    });
    expect(mail.sent.map((m) => m.to)).toEqual([advisor.email]);
    const mine = await loadAppointmentsForPerson(t.db, { localityId: wg.id, personId: person });
    expect(mine.upcoming.map((a) => a.id)).toContain(id);
  });

  it('a participant cancels only their own appointment; another person’s is a 404', async () => {
    const id = await slot(wg.id, new Date(Date.now() + 80 * HOUR));
    const theirs = await bookSlot(t.db, { ...staff(), slotId: id, personId: otherPerson, topic: 'x' });
    const e = await refusal(cancelAppointment(t.db, { ...participant(), appointmentId: theirs }));
    expect(e.code).toBe('NOT_FOUND');
    const e2 = await refusal(
      cancelAppointment(t.db, { ...participant(), appointmentId: theirs, personId: person }),
    );
    expect(e2.code).toBe('NOT_FOUND');
    const other = { actor: actorFor(otherUser), locality: loc(wg, ['participant']) };
    await cancelAppointment(t.db, { ...other, appointmentId: theirs, personId: otherPerson });
    expect(await liveCount(id)).toBe(0);
    const again = await refusal(cancelAppointment(t.db, { ...other, appointmentId: theirs }));
    expect(again.code).toBe('CONFLICT');
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, theirs));
    expect(audits.map((a) => a.action).sort()).toEqual(['appointment.book', 'appointment.cancel']);
  });

  it('loads upcoming and past appointments of a person in one statement, scoped to the locality', async () => {
    const mine = await loadAppointmentsForPerson(t.db, { localityId: wg.id, personId: person });
    expect(mine.upcoming.length).toBeGreaterThan(0);
    expect(mine.upcoming.every((a) => a.status === 'requested' || a.status === 'booked')).toBe(true);
    const elsewhere = await loadAppointmentsForPerson(t.db, { localityId: pz.id, personId: person });
    expect(elsewhere.upcoming).toHaveLength(0);
  });
});
