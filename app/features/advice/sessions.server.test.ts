import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlCounter } from '../../../db/client.ts';
import { adviceSlots, appointments, people } from '../../../db/schema/index.ts';
import { makeLocality, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor, recordingMail } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import type { Role } from '../../lib/roles.ts';
import { bookSlot, requestAppointment } from './appointments.server.ts';
import { loadAdviceForParticipant } from './participant-advice.server.ts';
import { getSession, listSessions, sessionTotals } from './sessions.queries.server.ts';
import { recordSession, updateSession } from './sessions.server.ts';
import { answerRequest, cancelSlot, createSlots } from './slots.server.ts';
import { warsawDate, warsawTime, warsawToInstant } from './warsaw-time.ts';

let t: TestDatabase;
let wg: { id: string; slug: string; name: string };
let pz: { id: string; slug: string; name: string };
let advisor: { id: string; email: string };
let animator: { id: string; email: string };
let person: string;
const today = '2026-11-27';
const SECRET = 'Sekret: terapia uzależnień';

const loc = (l: { id: string; slug: string; name: string }, roles: Role[]) =>
  ({
    localityId: l.id,
    slug: l.slug,
    name: l.name,
    kind: 'urban',
    roles,
    organisationIds: [],
  }) as ActorLocality;
const asAdvisor = (l = wg) => ({ actor: actorFor(advisor), locality: loc(l, ['advisor']) });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  t = await createTestDatabase();
  wg = await makeLocality(t.db, { terytCode: '3028011' });
  pz = await makeLocality(t.db, { terytCode: '3064011' });
  advisor = await makeUser(t.db, {
    roles: [
      { localityId: wg.id, role: 'advisor' },
      { localityId: pz.id, role: 'advisor' },
    ],
  });
  animator = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'animator' }] });
  const [p] = await t.db
    .insert(people)
    .values({
      localityId: wg.id,
      givenName: 'Jan',
      familyName: 'Kowal',
      legalBasis: 'consent',
      email: 'jan@example.test',
    })
    .returning({ id: people.id });
  person = p!.id;
});
afterAll(async () => {
  await t.dispose();
});

describe('advice sessions', () => {
  it('only an advisor records; a confidential note is blanked in SQL for everyone else', async () => {
    const values = {
      kind: 'legal',
      givenOn: '20.11.2026',
      minutes: '45',
      topic: 'Najem',
      notes: SECRET,
      confidential: 'on',
      personId: person,
    };
    const e = await refusal(
      recordSession(t.db, { actor: actorFor(animator), locality: loc(wg, ['animator']), values, today }),
    );
    expect(e.code).toBe('FORBIDDEN');
    const id = await recordSession(t.db, { ...asAdvisor(), values, today });
    const hidden = await getSession(t.db, { localityId: wg.id, id, canReadConfidential: false });
    expect(hidden?.notes).toBe('');
    expect(hidden?.notesHidden).toBe(true);
    const shown = await getSession(t.db, { localityId: wg.id, id, canReadConfidential: true });
    expect(shown?.notes).toBe(SECRET);
    expect(await getSession(t.db, { localityId: pz.id, id, canReadConfidential: true })).toBeNull();
    await updateSession(t.db, { ...asAdvisor(), id, values: { ...values, confidential: '' }, today });
    const open = await getSession(t.db, { localityId: wg.id, id, canReadConfidential: false });
    expect(open?.notes).toBe(SECRET);
  });

  it('needs exactly one of a person, an organisation or an initiative, and a person of this locality', async () => {
    const base = { kind: 'business', givenOn: today, minutes: '60', topic: 'Biznesplan' };
    const none = await refusal(recordSession(t.db, { ...asAdvisor(), values: base, today }));
    expect(none.fieldErrors.target).toBe('advice.form.target.required');
    const two = await refusal(
      recordSession(t.db, {
        ...asAdvisor(),
        values: { ...base, personId: person, initiative: 'Grupa' },
        today,
      }),
    );
    expect(two.fieldErrors.target).toBe('advice.form.target.one');
    const elsewhere = await refusal(
      recordSession(t.db, { ...asAdvisor(pz), values: { ...base, personId: person }, today }),
    );
    expect(elsewhere.fieldErrors.personId).toBe('advice.form.person.unknown');
    await recordSession(t.db, {
      ...asAdvisor(),
      values: { ...base, initiative: 'Grupa inicjatywna — catering' },
      today,
    });
    const filter = { kind: '', advisor: '', month: '2026-11' };
    const rows = await listSessions(t.db, { localityId: wg.id, filter, offset: 0, limit: 10 });
    expect(rows.map((r) => r.targetName)).toContain('Grupa inicjatywna — catering');
    const totals = await sessionTotals(t.db, { localityId: wg.id, filter });
    expect(totals).toEqual([
      { kind: 'legal', sessions: 1, minutes: 45 },
      { kind: 'business', sessions: 1, minutes: 60 },
    ]);
  });

  it('loads a participant’s advice in one SQL statement, blanking confidential notes for other readers', async () => {
    await recordSession(t.db, {
      ...asAdvisor(),
      values: {
        kind: 'financial',
        givenOn: today,
        minutes: '30',
        topic: 'Dług',
        notes: 'Tajne: dług hazardowy',
        confidential: 'on',
        personId: person,
      },
      today,
    });
    const store = { count: 0 };
    const advice = await sqlCounter.run(store, () =>
      loadAdviceForParticipant(t.db, { localityId: wg.id, personId: person, canReadConfidential: false }),
    );
    expect(store.count).toBe(1);
    expect(advice.sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(advice)).not.toContain('hazardowy');
    expect(advice.sessions.some((s) => s.notesHidden)).toBe(true);
    const forAdvisor = await loadAdviceForParticipant(t.db, {
      localityId: wg.id,
      personId: person,
      canReadConfidential: true,
    });
    expect(JSON.stringify(forAdvisor)).toContain('hazardowy');
  });
});

describe('slots', () => {
  it('converts Warsaw wall-clock times across daylight saving', () => {
    expect(warsawToInstant('2026-07-01', '10:00')?.toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(warsawToInstant('2026-12-01', '10:00')?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    const i = warsawToInstant('2026-03-30', '9:30')!;
    expect([warsawDate(i), warsawTime(i)]).toEqual(['2026-03-30', '09:30']);
    expect(warsawToInstant('2026-12-01', '25:00')).toBeNull();
  });

  it('creates a weekly series all or nothing; an overlap in another locality refuses it', async () => {
    const now = new Date('2026-11-27T08:00:00Z');
    const values = {
      date: '1.12.2026',
      time: '10:00',
      minutes: '60',
      kind: 'legal',
      place: 'CES',
      repeat: '3',
    };
    expect(await createSlots(t.db, { ...asAdvisor(), values, now })).toBe(3);
    const clash = await refusal(
      createSlots(t.db, {
        ...asAdvisor(pz),
        values: { ...values, date: '15.12.2026', time: '10:30', repeat: '2' },
        now,
      }),
    );
    expect(clash.fieldErrors.date).toMatchObject({ key: 'advice.slots.overlap' });
    const inPz = await t.db.select().from(adviceSlots).where(eq(adviceSlots.localityId, pz.id));
    expect(inPz).toHaveLength(0);
    const past = await refusal(
      createSlots(t.db, { ...asAdvisor(), values: { ...values, date: '1.11.2026' }, now }),
    );
    expect(past.fieldErrors.date).toBe('advice.slots.past');
    const animatorTry = await refusal(
      createSlots(t.db, { actor: actorFor(animator), locality: loc(wg, ['animator']), values, now }),
    );
    expect(animatorTry.code).toBe('FORBIDDEN');
  });

  it('cancelling a slot cancels its appointment and e-mails the person', async () => {
    const startsAt = new Date(Date.now() + 5 * 86_400_000);
    const [slot] = await t.db
      .insert(adviceSlots)
      .values({ localityId: wg.id, advisorUserId: advisor.id, startsAt, minutes: 60, kind: 'legal' })
      .returning({ id: adviceSlots.id });
    const appt = await bookSlot(t.db, { ...asAdvisor(), slotId: slot!.id, personId: person, topic: 'Najem' });
    const mail = recordingMail();
    const e = await refusal(
      cancelSlot(t.db, { actor: actorFor(animator), locality: loc(wg, ['animator']), slotId: slot!.id }),
    );
    expect(e.code).toBe('FORBIDDEN');
    await cancelSlot(t.db, { ...asAdvisor(), slotId: slot!.id, notify: { mail, baseUrl: 'https://x' } });
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, appt));
    expect(row?.status).toBe('cancelled');
    expect(mail.sent.map((m) => m.to)).toEqual(['jan@example.test']);
  });

  it('a request is answered by booking it into a free slot', async () => {
    const req = await requestAppointment(t.db, {
      ...asAdvisor(),
      kind: 'vocational',
      personId: person,
      topic: 'CV',
      preferredTimes: 'rano',
    });
    const [slot] = await t.db
      .insert(adviceSlots)
      .values({
        localityId: wg.id,
        advisorUserId: advisor.id,
        startsAt: new Date(Date.now() + 9 * 86_400_000),
        minutes: 60,
        kind: 'vocational',
      })
      .returning({ id: adviceSlots.id });
    await answerRequest(t.db, { ...asAdvisor(), appointmentId: req, slotId: slot!.id });
    const [row] = await t.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.id, req), eq(appointments.slotId, slot!.id)));
    expect(row?.status).toBe('booked');
    const again = await refusal(
      answerRequest(t.db, { ...asAdvisor(), appointmentId: req, slotId: slot!.id }),
    );
    expect(again.code).toBe('CONFLICT');
  });
});
