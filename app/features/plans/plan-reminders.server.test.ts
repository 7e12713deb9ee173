import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supportPlanReviews, users } from '../../../db/schema/index.ts';
import { makeLocality, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor, recordingMail } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { registerParticipant } from '../participants/participants.server.ts';
import { holdReview, scheduleReview } from './plan-items.server.ts';
import { sendPlanReviewReminders } from './plan-reminders.server.ts';
import { closePlan, createPlan } from './plans.server.ts';

let t: TestDatabase;
const BASE = 'https://splot.example';
const TODAY = '2027-03-10';
let slug: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  const wg = await makeLocality(t.db, { terytCode: '3028011' });
  slug = wg.slug;
  const coordinator = await makeUser(t.db, {
    email: 'koordynator@example.test',
    roles: [{ localityId: wg.id, role: 'coordinator' }],
  });
  const advisor = await makeUser(t.db, {
    email: 'advisor@example.test',
    locale: 'en',
    roles: [{ localityId: wg.id, role: 'advisor' }],
  });
  const animator = await makeUser(t.db, {
    email: 'animator@example.test',
    roles: [{ localityId: wg.id, role: 'animator' }],
  });
  const locality: ActorLocality = {
    localityId: wg.id,
    slug: wg.slug,
    name: wg.name,
    kind: 'urban',
    roles: ['coordinator'],
    organisationIds: [],
  };
  const ctx = { actor: actorFor(coordinator), locality };
  const plan = async (name: string, responsible: string, firstReviewOn: string) => {
    const personId = await registerParticipant(t.db, {
      ...ctx,
      today: TODAY,
      values: {
        givenName: name,
        familyName: 'Nowak',
        legalBasis: 'public_task',
        noPesel: 'on',
        birthDate: '1985-05-05',
        sex: 'female',
        registeredOn: '2027-01-01',
      },
    });
    const planId = await createPlan(t.db, {
      ...ctx,
      personId,
      today: TODAY,
      values: { startsOn: '2027-01-01', responsibleUserId: responsible, firstReviewOn },
    });
    return { personId, planId };
  };
  const a = await plan('Alicja', advisor.id, '2027-03-05'); // overdue by 5 days
  const b = await plan('Bożena', advisor.id, '2027-03-13'); // in 3 days: reminded
  const c = await plan('Celina', animator.id, '2027-03-14'); // in 4 days: not yet
  const d = await plan('Daria', animator.id, '2027-03-10'); // today
  const e = await plan('Edyta', animator.id, '2027-03-01'); // overdue but the plan is closed
  await closePlan(t.db, {
    ...ctx,
    personId: e.personId,
    planId: e.planId,
    today: TODAY,
    values: { closingReason: 'moved_away', closedOn: '2027-03-02' },
  });
  await plan('Grażyna', coordinator.id, '2027-03-05'); // overdue, the coordinator's own
  const f = await plan('Felicja', animator.id, '2027-02-01'); // held: nothing to remind
  const [fr] = await t.db
    .select({ id: supportPlanReviews.id })
    .from(supportPlanReviews)
    .where(eq(supportPlanReviews.planId, f.planId));
  await holdReview(t.db, {
    ...ctx,
    personId: f.personId,
    planId: f.planId,
    today: TODAY,
    values: { reviewId: fr!.id, heldOn: '2027-02-01', reviewNote: 'Wszystko idzie dobrze' },
  });
  // The animator has left: the coordinator hears about Daria's review.
  await t.db.update(users).set({ active: false }).where(eq(users.id, animator.id));
  Object.assign(ids, { a: a.planId, aPerson: a.personId, b: b.planId, c: c.planId, d: d.planId });
  await scheduleReview(t.db, {
    ...ctx,
    personId: c.personId,
    planId: c.planId,
    today: TODAY,
    values: { reviewDueOn: '2027-06-01' },
  });
});
afterAll(async () => {
  await t.dispose();
});

describe('plan review reminders', () => {
  it('e-mails each responsible person once, in their language, initials and a link only', async () => {
    const mail = recordingMail();
    const n = await sendPlanReviewReminders(t.db, { mail, today: TODAY, baseUrl: BASE });
    expect(n).toBe(4);
    expect(mail.sent.map((m) => m.to).sort()).toEqual(['advisor@example.test', 'koordynator@example.test']);
    const english = mail.sent.find((m) => m.to === 'advisor@example.test')!;
    expect(english.subject).toBe('Reminder: 2 support plan reviews');
    expect(english.text).toContain('Plan: A. N.');
    expect(english.text).toContain('Review: 5/03/2027 (overdue by 5 days)');
    expect(english.text).toContain('Review: 13/03/2027 (in 3 days)');
    expect(english.text).toContain(`${BASE}/app/${slug}/participants/${ids.aPerson}/plans/${ids.a}`);
    expect(english.text).not.toContain('Alicja');
    // Overdue first: the list is ordered by date.
    expect(english.text.indexOf('5/03/2027')).toBeLessThan(english.text.indexOf('13/03/2027'));
    const polish = mail.sent.find((m) => m.to === 'koordynator@example.test')!;
    expect(polish.subject).toBe('Przypomnienie: 2 przeglądy planów wsparcia');
    expect(polish.text).toContain('Przegląd: 10.03.2027 (dziś)');
    expect(polish.text).toContain('Przegląd: 5.03.2027 (po terminie, minęło 5 dni)');
    expect(polish.text).not.toContain('14.03.2027');
    expect(polish.text).not.toContain('1.03.2027 (');
  });

  it('sends nothing more the same day, and reminds again the next day', async () => {
    const mail = recordingMail();
    expect(await sendPlanReviewReminders(t.db, { mail, today: TODAY, baseUrl: BASE })).toBe(0);
    expect(mail.sent).toEqual([]);
    const next = recordingMail();
    // 11 March: the four again, and Celina's review (14 March) now within 3 days.
    expect(await sendPlanReviewReminders(t.db, { mail: next, today: '2027-03-11', baseUrl: BASE })).toBe(5);
    expect(next.sent.find((m) => m.to === 'advisor@example.test')!.text).toContain('overdue by 6 days');
  });
});
