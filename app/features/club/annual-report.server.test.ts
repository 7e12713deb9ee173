import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLocality, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { renderPdf } from '../../lib/documents/pdf.server.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import { toXlsx } from '../../lib/tabular/xlsx.server.ts';
import { erasePerson } from '../people/people.server.ts';
import { recordAttendance, saveActivity, setActivityCancelled } from './activities.server.ts';
import { annualReportDocument, annualReportSheets } from './annual-report.document.ts';
import { annualReport } from './annual-report.server.ts';
import type { ActivityKind, Outcome } from './club.rules.ts';
import { createClub } from './manage-club.server.ts';
import { getMember } from './members.queries.server.ts';
import { joinClub, leaveClub } from './members.server.ts';
import { addStaff } from './staff.server.ts';
import { saveGrant } from './visits-grants.server.ts';

let t: TestDatabase;
let ctx: { actor: ReturnType<typeof actorFor>; locality: ActorLocality };
let clubId: string;
const TODAY = '2026-11-27';
const members: Record<string, string> = {};

type Seed = [key: string, joinedOn: string, group: string, left?: [on: string, outcome: Outcome]];
const SEEDS: Seed[] = [
  ['a', '2025-02-03', 'long_term_unemployed', ['2025-09-30', 'job_found']],
  ['b', '2025-03-01', 'alcohol_dependent', ['2025-11-15', 'education']],
  ['c', '2025-05-05', 'long_term_unemployed'],
  ['d', '2024-05-01', 'homeless', ['2024-12-20', 'job_found']],
  ['e', '2026-01-10', 'disabled'],
  ['f', '2025-06-01', '', ['2025-10-01', 'no_effect']],
];

beforeAll(async () => {
  t = await createTestDatabase();
  const wg = await makeLocality(t.db, { terytCode: '3028011' });
  const user = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'coordinator' }] });
  ctx = {
    actor: actorFor(user),
    locality: {
      localityId: wg.id,
      slug: wg.slug,
      name: wg.name,
      kind: 'urban',
      roles: ['coordinator'],
      organisationIds: [],
    },
  };
  clubId = await createClub(t.db, { ...ctx, input: { name: 'KIS „Razem”' } });
  const staff = (
    name: string,
    basis: 'employment_contract' | 'volunteer',
    fte: string | null,
    from: string,
    to: string | null,
  ) =>
    addStaff(t.db, {
      ...ctx,
      clubId,
      input: { name, userId: null, role: 'animator', basis, fte, fromDate: from, toDate: to },
    });
  await staff('Anna Animatorska', 'employment_contract', '1', '2024-09-01', null);
  await staff('Piotr Pomocny', 'volunteer', '0.25', '2025-06-01', '2025-08-31');
  await staff('Nowa Osoba', 'employment_contract', '0.5', '2026-02-01', null);
  for (const [key, joinedOn, group, left] of SEEDS) {
    members[key] = await joinClub(t.db, {
      ...ctx,
      clubId,
      personId: null,
      person: { givenName: `Imię-${key}`, familyName: `Nazwisko-${key}`, legalBasis: 'public_task' },
      input: { joinedOn, socialContract: key !== 'f', atRiskGroup: group },
      today: TODAY,
    });
    if (left)
      await leaveClub(t.db, {
        ...ctx,
        clubId,
        memberId: members[key]!,
        input: { leftOn: left[0], outcome: left[1], certificateIssuedOn: left[0] },
        today: TODAY,
      });
  }
  const activity = async (kind: ActivityKind, date: string, present: string[]) => {
    const id = await saveActivity(t.db, {
      ...ctx,
      clubId,
      input: {
        title: `Zajęcia ${date}`,
        kind,
        date,
        startTime: '10:00',
        endTime: '12:00',
        place: '',
        description: '',
        leaderName: '',
      },
    });
    await recordAttendance(t.db, {
      ...ctx,
      clubId,
      activityId: id,
      marks: present.map((k) => ({ memberId: members[k]!, status: 'present' as const })),
      cleared: [],
      now: new Date(`${TODAY}T12:00:00Z`),
    });
    return id;
  };
  await activity('job_search', '2025-06-10', ['a', 'b', 'c', 'f']);
  await activity('job_search', '2025-07-10', ['a', 'c']);
  await activity('integration', '2025-12-31', ['c']);
  const cancelled = await activity('legal_advice', '2025-08-01', []);
  await setActivityCancelled(t.db, { ...ctx, clubId, activityId: cancelled, cancelled: true });
  await activity('job_search', '2026-02-10', ['c', 'e']);
  await saveGrant(t.db, {
    ...ctx,
    clubId,
    input: { year: 2025, source: 'Gminny program profilaktyki', grantedPln: '20000', spentPln: '18500.50' },
  });
  await saveGrant(t.db, {
    ...ctx,
    clubId,
    input: { year: 2025, source: 'EFS+', grantedPln: '10000', spentPln: null },
  });
  await saveGrant(t.db, {
    ...ctx,
    clubId,
    input: { year: 2026, source: 'EFS+', grantedPln: '30000', spentPln: null },
  });
});
afterAll(async () => {
  await t.dispose();
});

const scope = () => ({ localityId: ctx.locality.localityId, clubId });

describe('the annual report to the voivode', () => {
  it('is due on 31 March of the next year, by a verified parameter', async () => {
    const r = await annualReport(t.db, { ...scope(), year: 2025 });
    expect(r.due).toBe('2026-03-31');
    expect(r.parameter?.verified).toBe(true);
  });

  it('counts the staff who worked in the year, by basis and FTE', async () => {
    const r = await annualReport(t.db, { ...scope(), year: 2025 });
    expect(r.staff.byBasis).toEqual([
      { basis: 'employment_contract', count: 1, fte: 1 },
      { basis: 'volunteer', count: 1, fte: 0.25 },
    ]);
    expect(r.staff.total).toEqual({ count: 2, fte: 1.25 });
  });

  it('counts members by group with reintegration effects and jobs found among those who left in the year', async () => {
    const r = await annualReport(t.db, { ...scope(), year: 2025 });
    const row = (g: string) => r.groups.find((x) => x.group === g);
    expect(row('long_term_unemployed')).toEqual({
      group: 'long_term_unemployed',
      members: 2,
      withEffect: 1,
      foundJob: 1,
    });
    expect(row('alcohol_dependent')).toEqual({
      group: 'alcohol_dependent',
      members: 1,
      withEffect: 1,
      foundJob: 0,
    });
    expect(row('homeless')).toEqual({ group: 'homeless', members: 0, withEffect: 0, foundJob: 0 });
    expect(row('')).toEqual({ group: '', members: 1, withEffect: 0, foundJob: 0 });
    expect(r.membersTotal).toEqual({ members: 4, withEffect: 2, foundJob: 1, socialContract: 3 });
    expect(r.outcomes.filter((o) => o.count > 0)).toEqual([
      { outcome: 'job_found', count: 1 },
      { outcome: 'education', count: 1 },
      { outcome: 'no_effect', count: 1 },
    ]);
  });

  it('counts activities by kind with attendance (cancelled ones left out) and the year’s grants', async () => {
    const r = await annualReport(t.db, { ...scope(), year: 2025 });
    const kind = (k: string) => r.activities.find((a) => a.kind === k);
    expect(kind('job_search')).toEqual({ kind: 'job_search', count: 2, present: 6, participants: 4 });
    expect(kind('integration')).toEqual({ kind: 'integration', count: 1, present: 1, participants: 1 });
    expect(kind('legal_advice')?.count).toBe(0);
    expect(r.grants.map((g) => [g.source, g.granted, g.spent])).toEqual([
      ['Gminny program profilaktyki', 20000, 18500.5],
      ['EFS+', 10000, null],
    ]);
    expect(r.grantsTotal).toEqual({ granted: 30000, spent: 18500.5 });
  });

  it('keeps every figure after a member’s personal data are erased', async () => {
    const before = await annualReport(t.db, { ...scope(), year: 2025 });
    const a = await getMember(t.db, { ...scope(), memberId: members.a! });
    await erasePerson(t.db, { ...ctx, id: a!.personId });
    const erased = await getMember(t.db, { ...scope(), memberId: members.a! });
    expect(erased).toMatchObject({ givenName: '', familyName: '', outcome: 'job_found' });
    expect(erased?.erasedAt).not.toBeNull();
    expect(await annualReport(t.db, { ...scope(), year: 2025 })).toEqual(before);
  });

  it('comes out as a PDF and a workbook with the four sections, in Polish and English', async () => {
    const r = await annualReport(t.db, { ...scope(), year: 2025 });
    const club = { name: 'KIS „Razem”', runByName: null, premisesAddress: '', registerNumber: '' };
    const pdf = await renderPdf(
      annualReportDocument({ i18n: getI18n('pl'), localityName: 'Wągrowiec', club, report: r }),
    );
    const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain('Sprawozdanie z działalności Klubu Integracji Społecznej za rok 2025');
    expect(text).toContain('2. Uczestnicy według grup z art. 1 ust. 2');
    expect(text).toContain('długotrwale bezrobotni');
    expect(text).toContain('31 marca 2026 r.');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(annualReportSheets(getI18n('en'), r))).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Staff',
      'Members',
      'Activities',
      'Effects',
      'Grants',
    ]);
    const groups = workbook.getWorksheet('Members')!;
    expect(groups.getRow(groups.rowCount).values).toEqual([undefined, 'Total', 4, 2, 1]);
  });
});
