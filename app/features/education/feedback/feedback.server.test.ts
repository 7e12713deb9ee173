import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, sessionFeedback } from '../../../../db/schema/index.ts';
import { seedEducationReports } from '../../../../db/seed/education-reports.ts';
import { makeLocality, makeUser } from '../../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/db.ts';
import { actorFor } from '../../../../tests/setup/services.ts';
import type { ActorLocality } from '../../../lib/actor.ts';
import { AppError } from '../../../lib/errors.ts';
import type { Role } from '../../../lib/roles.ts';
import {
  addMember,
  attend,
  makeCurriculum,
  makeGroup,
  makePerson,
  makeSession,
  qualifyAndFacilitate,
} from '../reports/fixtures.test-support.ts';
import { feedbackSummary, pendingFeedback } from './feedback.queries.server.ts';
import { feedbackSession, submitFeedback } from './feedback.server.ts';

let t: TestDatabase;
let pz: { id: string; slug: string; name: string };
let wg: { id: string; slug: string; name: string };
const u: Record<string, { id: string }> = {};
const s: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  const db = t.db;
  pz = await makeLocality(t.db, { terytCode: '3064011' });
  wg = await makeLocality(t.db, { terytCode: '3028011' });
  const L = pz.id;
  u.member = await makeUser(db, { roles: [{ localityId: L, role: 'participant' }] });
  u.outsider = await makeUser(db, { roles: [{ localityId: L, role: 'participant' }] });
  u.leader = await makeUser(db, { roles: [{ localityId: L, role: 'leader' }] });
  u.animator = await makeUser(db, { roles: [{ localityId: L, role: 'animator' }] });
  const cur = await makeCurriculum(db, L, ['Partnerstwa', 'Problemy lokalne']);
  const [A, B] = cur.moduleIds as [string, string];
  const member = await makePerson(db, L, 'Anna Członek', u.member.id);
  await makePerson(db, L, 'Bartek Obok', u.outsider.id);
  const leader = await makePerson(db, L, 'Lena Liderka', u.leader.id);
  const g1 = await makeGroup(db, L, { name: 'Kurs liderów', kind: 'leaders_course', curriculumId: cur.id });
  const g2 = await makeGroup(db, L, {
    name: 'Grupa na Jeżycach',
    kind: 'self_education',
    curriculumId: cur.id,
  });
  await addMember(db, L, g1, member);
  await addMember(db, L, g1, leader);
  s.memberInG2 = await addMember(db, L, g2, member);
  s.g2Group = g2;
  await qualifyAndFacilitate(db, L, {
    personId: leader,
    curriculumId: cur.id,
    earnedIn: g1,
    facilitates: g2,
  });
  s.g1 = await makeSession(db, L, g1, { startsAt: '2026-03-02T09:00:00Z', minutes: 120, moduleIds: [A, B] });
  s.g2 = await makeSession(db, L, g2, { startsAt: '2026-04-02T09:00:00Z', minutes: 60, moduleIds: [A] });
  s.future = await makeSession(db, L, g2, { startsAt: '2099-01-01T09:00:00Z', minutes: 60 });
  s.cancelled = await makeSession(db, L, g2, {
    startsAt: '2026-04-09T09:00:00Z',
    minutes: 60,
    cancelled: true,
  });
});
afterAll(async () => {
  await t.dispose();
});

const ctx = (user: { id: string }, roles: Role[], loc = pz) => ({
  actor: actorFor(user),
  locality: {
    localityId: loc.id,
    slug: loc.slug,
    name: loc.name,
    kind: 'urban',
    roles,
    organisationIds: [],
  } as ActorLocality,
});
const now = new Date('2026-11-27T12:00:00Z');

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('submitFeedback', () => {
  it('keeps one answer per member and session: a second one replaces the first', async () => {
    const c = ctx(u.member!, ['participant']);
    const first = await submitFeedback(t.db, {
      ...c,
      sessionId: s.g1!,
      mode: 'member',
      values: { usefulness: '2', clarity: '3', comment: 'Za szybko.' },
      now,
    });
    expect(first.replaced).toBe(false);
    const second = await submitFeedback(t.db, {
      ...c,
      sessionId: s.g1!,
      mode: 'member',
      values: { usefulness: '5', clarity: '4', comment: 'Po namyśle: bardzo dobre.' },
      now,
    });
    expect(second).toEqual({ id: first.id, replaced: true });
    const rows = await t.db.select().from(sessionFeedback).where(eq(sessionFeedback.sessionId, s.g1!));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ usefulness: 5, clarity: 4, comment: 'Po namyśle: bardzo dobre.' });
    const audits = await t.db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.entityId, first.id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'education.feedback.create',
      'education.feedback.replace',
    ]);
    expect(JSON.stringify(audits)).not.toContain('namyśle');
    const view = await feedbackSession(t.db, c, s.g1!);
    expect(view?.mine).toMatchObject({ usefulness: 5, clarity: 4 });
  });

  it('refuses someone who is not a member of the group', async () => {
    const e = await refusal(
      submitFeedback(t.db, {
        ...ctx(u.outsider!, ['participant']),
        sessionId: s.g1!,
        mode: 'member',
        values: { usefulness: '5', clarity: '5' },
        now,
      }),
    );
    expect([e.code, e.messageKey]).toEqual(['FORBIDDEN', 'education.feedback.notMember']);
  });

  it('says which answers are missing and saves nothing', async () => {
    const e = await refusal(
      submitFeedback(t.db, {
        ...ctx(u.member!, ['participant']),
        sessionId: s.g2!,
        mode: 'member',
        values: { usefulness: '', clarity: '9', comment: 'x' },
        now,
      }),
    );
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.fieldErrors).toEqual({
      usefulness: 'education.feedback.form.usefulness.required',
      clarity: 'education.feedback.form.clarity.required',
    });
    const [n] = await t.db
      .select({ n: count() })
      .from(sessionFeedback)
      .where(eq(sessionFeedback.sessionId, s.g2!));
    expect(n!.n).toBe(0);
  });

  it('refuses a session not yet held or cancelled', async () => {
    const c = ctx(u.member!, ['participant']);
    const values = { usefulness: '4', clarity: '4' };
    const future = await refusal(
      submitFeedback(t.db, { ...c, sessionId: s.future!, mode: 'member', values, now }),
    );
    expect(future.messageKey).toBe('education.feedback.notYet');
    const cancelled = await refusal(
      submitFeedback(t.db, { ...c, sessionId: s.cancelled!, mode: 'member', values, now }),
    );
    expect(cancelled.messageKey).toBe('education.feedback.cancelled');
  });

  it('lets the facilitator and Centre staff enter anonymous paper forms, many per session', async () => {
    const leader = ctx(u.leader!, ['leader']);
    const values = { usefulness: '4', clarity: '3', comment: 'Więcej przykładów z naszej wsi.' };
    await submitFeedback(t.db, { ...leader, sessionId: s.g2!, mode: 'paper', values, now });
    await submitFeedback(t.db, {
      ...leader,
      sessionId: s.g2!,
      mode: 'paper',
      values: { usefulness: '3', clarity: '5' },
      now,
    });
    await submitFeedback(t.db, {
      ...ctx(u.animator!, ['animator']),
      sessionId: s.g1!,
      mode: 'paper',
      values: { usefulness: '4', clarity: '4' },
      now,
    });
    const anonymous = await t.db
      .select({ n: count() })
      .from(sessionFeedback)
      .where(and(eq(sessionFeedback.sessionId, s.g2!), isNull(sessionFeedback.memberId)));
    expect(anonymous[0]!.n).toBe(2);
    // The leader facilitates G2 only; the leaders' course is not theirs.
    const e = await refusal(
      submitFeedback(t.db, { ...leader, sessionId: s.g1!, mode: 'paper', values, now }),
    );
    expect(e.messageKey).toBe('education.feedback.notFacilitator');
  });

  it('treats a session of another locality as unknown', async () => {
    const e = await refusal(
      submitFeedback(t.db, {
        ...ctx(u.animator!, ['animator'], wg),
        sessionId: s.g1!,
        mode: 'paper',
        values: { usefulness: '4', clarity: '4' },
        now,
      }),
    );
    expect(e.code).toBe('NOT_FOUND');
    expect(await feedbackSession(t.db, ctx(u.animator!, ['animator'], wg), s.g1!)).toBeNull();
  });
});

describe('pendingFeedback', () => {
  it('lists recent sessions the person attended and has not rated yet', async () => {
    await attend(t.db, pz.id, s.g2!, [s.memberInG2!]);
    const due = await pendingFeedback(t.db, {
      localityId: pz.id,
      userId: u.member!.id,
      now: new Date('2026-04-20T12:00:00Z'),
    });
    expect(due).toEqual([
      { sessionId: s.g2, startsAt: '2026-04-02T09:00:00.000Z', groupName: 'Grupa na Jeżycach' },
    ]);
    const other = await pendingFeedback(t.db, {
      localityId: wg.id,
      userId: u.member!.id,
      now: new Date('2026-04-20T12:00:00Z'),
    });
    expect(other).toEqual([]);
  });
});

describe('feedbackSummary', () => {
  it('summarises per module and per generation, comments without names', async () => {
    const r = await feedbackSummary(t.db, { localityId: pz.id });
    // G1 session (modules Partnerstwa + Problemy lokalne): member 5/4, paper 4/4.
    // G2 session (Partnerstwa): paper 4/3 with a comment, paper 3/5.
    expect(r.total).toEqual({ answers: 4, usefulness: 4, clarity: 4 });
    expect(r.byModule.map((m) => [m.title, m.answers, m.usefulness, m.clarity])).toEqual([
      ['Partnerstwa', 4, 4, 4],
      ['Problemy lokalne', 2, 4.5, 4],
    ]);
    expect(r.byModule[0]!.comments.map((c) => c.text).sort()).toEqual([
      'Po namyśle: bardzo dobre.',
      'Więcej przykładów z naszej wsi.',
    ]);
    expect(JSON.stringify(r)).not.toContain('Członek');
    expect(r.byGeneration).toEqual([
      { generation: 1, answers: 2, usefulness: 4.5, clarity: 4 },
      { generation: 2, answers: 2, usefulness: 3.5, clarity: 4 },
    ]);
    const other = await feedbackSummary(t.db, { localityId: wg.id });
    expect(other.total.answers).toBe(0);
  });
});

describe('the demo seed', () => {
  it('rates past sessions through the use case, with comments, and a second run adds nothing', async () => {
    const place = (loc: typeof pz, user: { id: string }) => ({
      locality: loc,
      coordinator: { id: user.id, name: 'Koordynatorka', email: 'k@example.test' },
    });
    const coordinatorWg = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'coordinator' }] });
    const g = await makeGroup(t.db, wg.id, { name: 'Grupa w Wągrowcu', kind: 'leaders_course' });
    const members: string[] = [];
    for (const n of ['Ala Jeden', 'Ola Dwa', 'Ela Trzy', 'Iza Cztery'])
      members.push(await addMember(t.db, wg.id, g, await makePerson(t.db, wg.id, n)));
    for (const day of ['2026-05-04', '2026-05-11']) {
      const sid = await makeSession(t.db, wg.id, g, { startsAt: `${day}T16:00:00Z`, minutes: 120 });
      await attend(t.db, wg.id, sid, members);
    }
    await makeSession(t.db, wg.id, g, { startsAt: '2026-12-20T16:00:00Z', minutes: 120 });
    const places = {
      today: '2026-11-27',
      kwilcz: place(wg, coordinatorWg),
      wagrowiec: place(wg, coordinatorWg),
      poznan: place(pz, u.animator!),
    };
    const countIn = async () =>
      (
        await t.db.select({ n: count() }).from(sessionFeedback).where(eq(sessionFeedback.localityId, wg.id))
      )[0]!.n;
    await seedEducationReports(t.db, places);
    const first = await countIn();
    expect(first).toBeGreaterThanOrEqual(2);
    const summary = await feedbackSummary(t.db, { localityId: wg.id });
    expect(summary.byModule[0]!.comments.length).toBeGreaterThan(0);
    const [audited] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'education.feedback.create'), eq(auditLog.actorUserId, coordinatorWg.id)),
      );
    expect(audited!.n).toBe(first);
    await seedEducationReports(t.db, places);
    expect(await countIn()).toBe(first);
  });
});

// Last: it adds answers that the summary above does not expect.
describe('submitFeedback and attendance', () => {
  it('refuses a member whom the attendance list shows absent, and accepts one shown present', async () => {
    const absentSession = await makeSession(t.db, pz.id, s.g2Group!, {
      startsAt: '2026-05-07T09:00:00Z',
      minutes: 60,
    });
    await attend(t.db, pz.id, absentSession, [s.memberInG2!], 'absent');
    const c = ctx(u.member!, ['participant']);
    const e = await refusal(
      submitFeedback(t.db, {
        ...c,
        sessionId: absentSession,
        mode: 'member',
        values: { usefulness: '4', clarity: '4' },
        now,
      }),
    );
    expect([e.code, e.messageKey]).toEqual(['DOMAIN_RULE', 'education.feedback.notPresent']);
    expect(
      await t.db.select().from(sessionFeedback).where(eq(sessionFeedback.sessionId, absentSession)),
    ).toHaveLength(0);

    const presentSession = await makeSession(t.db, pz.id, s.g2Group!, {
      startsAt: '2026-05-14T09:00:00Z',
      minutes: 60,
    });
    await attend(t.db, pz.id, presentSession, [s.memberInG2!], 'present');
    const ok = await submitFeedback(t.db, {
      ...c,
      sessionId: presentSession,
      mode: 'member',
      values: { usefulness: '4', clarity: '4' },
      now,
    });
    expect(ok.replaced).toBe(false);
  });
});
