import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../../db/schema/index.ts';
import { makeLocality, makeUser } from '../../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/db.ts';
import { actorFor } from '../../../../tests/setup/services.ts';
import type { ActorLocality } from '../../../lib/actor.ts';
import { getI18n } from '../../../lib/i18n/i18n.ts';
import {
  addMember,
  attend,
  makeCurriculum,
  makeGroup,
  makePerson,
  makeSession,
  qualifyAndFacilitate,
} from './fixtures.test-support.ts';
import { auditReportExport, educationReport, reportPeriod } from './report.server.ts';
import { reportCsv, reportSheets } from './report.tabular.ts';

let t: TestDatabase;
let pz: { id: string; slug: string; name: string };
let wg: { id: string; slug: string; name: string };
const ids: Record<string, string> = {};

/**
 * A small known cascade in Poznań: the leaders' course G1 (generation 1) → leader L2 runs G2
 * (generation 2) → leader L3, trained in G2, runs G3 (generation 3); a club group G4 is outside
 * the cascade. P1 attends both G1 and G2.
 */
beforeAll(async () => {
  t = await createTestDatabase();
  pz = await makeLocality(t.db, { terytCode: '3064011' });
  wg = await makeLocality(t.db, { terytCode: '3028011' });
  const db = t.db;
  const L = pz.id;
  const cur = await makeCurriculum(db, L, ['Moduł A', 'Moduł B', 'Moduł C']);
  const [A, B, C] = cur.moduleIds as [string, string, string];
  ids.A = A;
  for (const n of ['P1', 'P2', 'P3', 'P4', 'P5', 'L2', 'L3']) ids[n] = await makePerson(db, L, `${n} Test`);
  const g1 = await makeGroup(db, L, {
    name: 'G1 kurs liderów',
    kind: 'leaders_course',
    curriculumId: cur.id,
  });
  const g2 = await makeGroup(db, L, { name: 'G2 grupa', kind: 'self_education', curriculumId: cur.id });
  const g3 = await makeGroup(db, L, { name: 'G3 grupa', kind: 'self_education', curriculumId: cur.id });
  const g4 = await makeGroup(db, L, { name: 'G4 klub', kind: 'club_activity' });
  Object.assign(ids, { g1, g2, g3, g4 });
  await qualifyAndFacilitate(db, L, {
    personId: ids.L2!,
    curriculumId: cur.id,
    earnedIn: g1,
    facilitates: g2,
  });
  await qualifyAndFacilitate(db, L, {
    personId: ids.L3!,
    curriculumId: cur.id,
    earnedIn: g2,
    facilitates: g3,
  });

  const m1 = {
    P1: await addMember(db, L, g1, ids.P1!),
    P2: await addMember(db, L, g1, ids.P2!),
    L2: await addMember(db, L, g1, ids.L2!),
  };
  const m2 = {
    P1: await addMember(db, L, g2, ids.P1!),
    P3: await addMember(db, L, g2, ids.P3!),
    L3: await addMember(db, L, g2, ids.L3!),
  };
  const m3 = await addMember(db, L, g3, ids.P4!);
  const m4 = await addMember(db, L, g4, ids.P5!);

  const s1 = await makeSession(db, L, g1, {
    startsAt: '2026-03-02T09:00:00Z',
    minutes: 120,
    moduleIds: [A, B],
  });
  await attend(db, L, s1, [m1.P1, m1.P2, m1.L2]);
  const s2 = await makeSession(db, L, g1, { startsAt: '2026-03-09T09:00:00Z', minutes: 90, moduleIds: [C] });
  await attend(db, L, s2, [m1.P1, m1.L2]);
  await attend(db, L, s2, [m1.P2], 'absent');
  const s3 = await makeSession(db, L, g2, { startsAt: '2026-03-16T16:00:00Z', minutes: 60, moduleIds: [A] });
  await attend(db, L, s3, [m2.P1, m2.P3, m2.L3]);
  const s4 = await makeSession(db, L, g3, { startsAt: '2026-04-01T16:00:00Z', minutes: 60 });
  await attend(db, L, s4, [m3]);
  const s5 = await makeSession(db, L, g4, { startsAt: '2026-05-01T16:00:00Z', minutes: 60 });
  await attend(db, L, s5, [m4]);
  // Not counted: a cancelled session, one before the period, one on 1 January 2027 in Warsaw.
  const cancelled = await makeSession(db, L, g1, {
    startsAt: '2026-03-23T09:00:00Z',
    minutes: 600,
    moduleIds: [A],
    cancelled: true,
  });
  await attend(db, L, cancelled, [m1.P1]);
  const before = await makeSession(db, L, g1, { startsAt: '2025-12-01T09:00:00Z', minutes: 600 });
  await attend(db, L, before, [m1.P1]);
  const newYear = await makeSession(db, L, g4, { startsAt: '2026-12-31T23:30:00Z', minutes: 600 });
  await attend(db, L, newYear, [m4]);

  // Another locality's group is never in Poznań's report.
  const other = await makeGroup(db, wg.id, { name: 'Grupa w Wągrowcu', kind: 'leaders_course' });
  const op = await makePerson(db, wg.id, 'Obcy Uczestnik');
  const om = await addMember(db, wg.id, other, op);
  const os = await makeSession(db, wg.id, other, { startsAt: '2026-03-02T09:00:00Z', minutes: 600 });
  await attend(db, wg.id, os, [om]);
});
afterAll(async () => {
  await t.dispose();
});

const period = { from: '2026-01-01', to: '2026-12-31' };

describe('educationReport', () => {
  it('counts each person once in the total, even when they attended two groups', async () => {
    const r = await educationReport(t.db, { localityId: pz.id, ...period });
    // P1 is present in G1 and G2: 7 different people, not 8.
    expect(r.totals).toEqual({ people: 7, personHours: 14, sessions: 5, groups: 4 });
    const byGroupPeople = r.byGroup.reduce((s, g) => s + g.people, 0);
    expect(byGroupPeople).toBe(8);
  });

  it('reports per group with its generation', async () => {
    const r = await educationReport(t.db, { localityId: pz.id, ...period });
    expect(r.byGroup.map((g) => [g.name, g.generation, g.sessions, g.people, g.personHours])).toEqual([
      ['G1 kurs liderów', 1, 2, 3, 9],
      ['G2 grupa', 2, 1, 3, 3],
      ['G3 grupa', 3, 1, 1, 1],
      ['G4 klub', null, 1, 1, 1],
    ]);
  });

  it('splits a session covering several modules equally across them', async () => {
    const r = await educationReport(t.db, { localityId: pz.id, ...period });
    expect(r.byModule.map((m) => [m.title, m.sessions, m.people, m.personHours])).toEqual([
      ['Moduł A', 2, 5, 6], // 360 min of S1 / 2 + 180 min of S3
      ['Moduł B', 1, 3, 3], // 360 min of S1 / 2
      ['Moduł C', 1, 2, 3],
      [null, 2, 2, 2], // sessions without a module
    ]);
    expect(r.byModule.reduce((s, m) => s + m.personHours, 0)).toBe(r.totals.personHours);
  });

  it('groups by cascade generation computed from qualifications and facilitators', async () => {
    const r = await educationReport(t.db, { localityId: pz.id, ...period });
    expect(r.byGeneration.map((g) => [g.generation, g.groups, g.sessions, g.people, g.personHours])).toEqual([
      [1, 1, 2, 3, 9],
      [2, 1, 1, 3, 3],
      [3, 1, 1, 1, 1],
      [null, 1, 1, 1, 1],
    ]);
  });

  it('keeps to the period and the locality', async () => {
    const march = await educationReport(t.db, { localityId: pz.id, from: '2026-03-01', to: '2026-03-10' });
    expect(march.totals).toEqual({ people: 3, personHours: 9, sessions: 2, groups: 1 });
    const other = await educationReport(t.db, { localityId: wg.id, ...period });
    expect(other.totals).toEqual({ people: 1, personHours: 10, sessions: 1, groups: 1 });
  });

  it('writes sheets and a CSV with counts only', async () => {
    const r = await educationReport(t.db, { localityId: pz.id, ...period });
    const sheets = reportSheets(getI18n('pl'), r, 'Poznań');
    expect(sheets.map((s) => s.name)).toEqual(['Podsumowanie', 'Grupy', 'Moduły', 'Pokolenia']);
    const csv = reportCsv(getI18n('en'), r);
    expect(csv.rows[0]).toEqual(['Summary', 'All groups', '', 5, 7, 14]);
    expect(JSON.stringify(csv.rows)).not.toContain('P1 Test');
  });

  it('audits an export', async () => {
    const user = await makeUser(t.db, { roles: [{ localityId: pz.id, role: 'coordinator' }] });
    const locality = {
      localityId: pz.id,
      slug: pz.slug,
      name: pz.name,
      kind: 'urban',
      roles: ['coordinator'],
      organisationIds: [],
    } as ActorLocality;
    await auditReportExport(t.db, { actor: actorFor(user), locality }, { format: 'csv', ...period });
    const [row] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'education.report.export'), eq(auditLog.actorUserId, user.id)));
    expect(row!.n).toBe(1);
  });
});

describe('reportPeriod', () => {
  const url = (q: string) => new URL(`http://x/r${q}`);
  it('defaults to this year up to today', () => {
    expect(reportPeriod(url(''), '2026-11-27')).toMatchObject({
      ok: true,
      from: '2026-01-01',
      to: '2026-11-27',
    });
  });
  it('reads Polish dates', () => {
    expect(reportPeriod(url('?from=1.03.2026&to=31.03.2026'), '2026-11-27')).toMatchObject({
      ok: true,
      from: '2026-03-01',
      to: '2026-03-31',
    });
  });
  it('says what is wrong', () => {
    expect(reportPeriod(url('?from=&to=31.03.2026'), '2026-11-27')).toMatchObject({
      ok: false,
      errors: { from: 'education.reports.period.fromMissing' },
    });
    expect(reportPeriod(url('?from=31.02.2026&to=1.03.2026'), '2026-11-27')).toMatchObject({
      ok: false,
      errors: { from: 'education.reports.period.fromInvalid' },
    });
    expect(reportPeriod(url('?from=1.04.2026&to=1.03.2026'), '2026-11-27')).toMatchObject({
      ok: false,
      errors: { to: 'education.reports.period.toBeforeFrom' },
    });
  });
});
