import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseJobs, enterprises, localities, organisations, users } from '../../../db/schema/index.ts';
import { coordinatorContext } from '../../../db/seed/partnerships.ts';
import { createDemoDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { AppError } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import type { Mail } from '../../lib/services.ts';
import { addDays } from './enterprises.rules.ts';
import { createJob } from './enterprises.server.ts';
import { sendJobKeepReminders } from './job-reminders.server.ts';

let t: TestDatabase;
const today = todayInWarsaw();
const typed = (iso: string) => `${Number(iso.slice(8))}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
let ctx: Awaited<ReturnType<typeof coordinatorContext>>;
let zp: { id: string; registeredOn: string };

beforeAll(async () => {
  t = await createDemoDatabase();
  const [loc] = await t.db.select().from(localities).where(eq(localities.slug, 'wagrowiec'));
  const [coord] = await t.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.email, 'koordynator.wagrowiec@splot.demo'));
  ctx = await coordinatorContext(t.db, {
    locality: { id: loc!.id, slug: loc!.slug, name: loc!.name },
    coordinator: coord!,
  });
  const [row] = await t.db
    .select({ id: enterprises.id, registeredOn: enterprises.registeredOn })
    .from(enterprises)
    .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
    .where(eq(organisations.name, 'Spółdzielnia Socjalna „Zielona Pracownia”'));
  zp = { id: row!.id, registeredOn: row!.registeredOn! };
});
afterAll(async () => {
  await t.dispose();
});

async function jobCount() {
  const [r] = await t.db
    .select({ n: count() })
    .from(enterpriseJobs)
    .where(eq(enterpriseJobs.enterpriseId, zp.id));
  return r!.n;
}

async function refusal(values: Record<string, string>) {
  const before = await jobCount();
  const e = await createJob(t.db, { ...ctx, enterpriseId: zp.id, values }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect(await jobCount()).toBe(before);
  return (e as AppError).fieldErrors;
}

const base = () => ({
  position: 'Ogrodnik sezonowy',
  displayName: 'Jan Testowy',
  contractType: 'employment',
  fte: '0,5',
  startOn: typed(addDays(today, -10)),
  atRiskCategory: 'none',
});

describe('adding a job', () => {
  it('refuses working time above 1.0 or zero, nothing saved', async () => {
    expect((await refusal({ ...base(), fte: '1,2' })).fte).toBe('enterprises.job.fte.range');
    expect((await refusal({ ...base(), fte: '0' })).fte).toBe('enterprises.job.fte.range');
    expect((await refusal({ ...base(), fte: 'pół' })).fte).toBe('enterprises.job.fte.invalid');
  });
  it('refuses a start before the registration and an end before the start', async () => {
    const e = await refusal({
      ...base(),
      startOn: typed(addDays(zp.registeredOn, -1)),
      endOn: typed(addDays(zp.registeredOn, -5)),
    });
    expect(e.startOn).toMatchObject({ key: 'enterprises.job.startOn.beforeRegistration' });
    expect(e.endOn).toBe('enterprises.job.endOn.beforeStart');
  });
  it('refuses a person whose jobs would add up above 1.0 FTE and names the other job', async () => {
    const [held] = await t.db
      .select({
        personId: enterpriseJobs.personId,
        fte: enterpriseJobs.fte,
        position: enterpriseJobs.position,
      })
      .from(enterpriseJobs)
      .where(and(eq(enterpriseJobs.enterpriseId, zp.id), eq(enterpriseJobs.position, 'Ogrodnik')));
    expect(held?.personId).toBeTruthy();
    const e = await refusal({ ...base(), displayName: '', personId: held!.personId!, fte: '0,25' });
    expect(e.fte).toMatchObject({
      key: 'enterprises.job.fte.overlapOpen',
      values: { position: 'Ogrodnik', total: '1,25' },
    });
  });
  it('accepts the registration day and a decimal comma', async () => {
    const before = await jobCount();
    await createJob(t.db, {
      ...ctx,
      enterpriseId: zp.id,
      values: { ...base(), startOn: typed(zp.registeredOn), fte: '0,75' },
    });
    expect(await jobCount()).toBe(before + 1);
    const [j] = await t.db
      .select({ fte: enterpriseJobs.fte })
      .from(enterpriseJobs)
      .where(
        and(eq(enterpriseJobs.startOn, zp.registeredOn), eq(enterpriseJobs.position, 'Ogrodnik sezonowy')),
      );
    expect(j?.fte).toBe('0.75');
  });
});

describe('keep-until reminders', () => {
  it('mails coordinators and the enterprise member once, with the position and no category', async () => {
    const sent: Mail[] = [];
    const mail = { send: async (m: Mail) => void sent.push(m) };
    const n = await sendJobKeepReminders(t.db, { mail, today, baseUrl: 'http://x' });
    expect(n).toBeGreaterThan(0);
    const zpMails = sent.filter((m) => m.text.includes('Zielona Pracownia'));
    expect(zpMails.map((m) => m.to)).toEqual(
      expect.arrayContaining(['przedsiebiorstwo.wagrowiec@splot.demo']),
    );
    expect(zpMails.some((m) => m.text.includes('Ogrodnik'))).toBe(true);
    expect(sent.every((m) => !/bezrobotn|unemployed/i.test(m.text))).toBe(true);
    const again: Mail[] = [];
    expect(
      await sendJobKeepReminders(t.db, {
        mail: { send: async (m: Mail) => void again.push(m) },
        today,
        baseUrl: 'http://x',
      }),
    ).toBe(0);
  });
});
