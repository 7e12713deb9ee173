import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enterprises,
  fundingApplications,
  grantInstalments,
  grants,
  localities,
  memberships,
  users,
} from '../../../db/schema/index.ts';
import { coordinatorContext } from '../../../db/seed/partnerships.ts';
import { createDemoDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { recordingMail } from '../../../tests/setup/services.ts';
import { AppError } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { DiskStorage } from '../education/materials/storage.server.ts';
import { addDays } from './financing.rules.ts';
import { sendFinancingReminders } from './financing-reminders.server.ts';
import { attachDocument, createApplication, runApplicationCommand } from './funding.server.ts';
import { createGrant } from './grants.server.ts';

let t: TestDatabase;
let ctx: Awaited<ReturnType<typeof coordinatorContext>>;
let storage: DiskStorage;
const today = todayInWarsaw();

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
  t = await createDemoDatabase();
  const [loc] = await t.db.select().from(localities).where(eq(localities.slug, 'wagrowiec'));
  const [coord] = await t.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.localityId, loc!.id), eq(memberships.role, 'coordinator')));
  ctx = await coordinatorContext(t.db, {
    locality: { id: loc!.id, slug: loc!.slug, name: loc!.name },
    coordinator: coord!,
  });
  storage = new DiskStorage(await mkdtemp(path.join(tmpdir(), 'splot-fin-')));
}, 180_000);
afterAll(async () => {
  await t.dispose();
});

describe('the daily financing reminder', () => {
  it('e-mails the obligation reminder once, and not again', async () => {
    const mail = recordingMail();
    const first = await sendFinancingReminders(t.db, { mail, today, baseUrl: 'http://splot.test' });
    expect(first).toBeGreaterThan(0);
    const toWagrowiec = mail.sent.filter((m) => m.to === 'koordynator.wagrowiec@splot.demo');
    expect(toWagrowiec).toHaveLength(1);
    expect(toWagrowiec[0]!.text).toContain(
      'Koniec zobowiązania z dotacji „Dotacja OWES na utworzenie 2 miejsc pracy”',
    );
    expect(toWagrowiec[0]!.text).toContain('/app/wagrowiec/financing/grants/');
    const [g] = await t.db
      .select({ sentAt: grants.obligationReminderSentAt })
      .from(grants)
      .where(and(eq(grants.localityId, ctx.locality.localityId), eq(grants.kind, 'job_creation')));
    expect(g!.sentAt).not.toBeNull();

    const again = recordingMail();
    expect(await sendFinancingReminders(t.db, { mail: again, today, baseUrl: 'http://splot.test' })).toBe(0);
    expect(again.sent).toHaveLength(0);
  });

  it('reminds of a planned application N days before its deadline, not of one further off', async () => {
    const [src] = await t.db
      .select({ id: fundingApplications.sourceId })
      .from(fundingApplications)
      .where(eq(fundingApplications.localityId, ctx.locality.localityId))
      .limit(1);
    const base = { sourceId: src!.id, amountPln: '1000', enterpriseId: '', initiativeId: '', notes: '' };
    await createApplication(t.db, {
      ...ctx,
      values: { ...base, callName: 'Za 7 dni', deadline: addDays(today, 7) },
    });
    await createApplication(t.db, {
      ...ctx,
      values: { ...base, callName: 'Za 8 dni', deadline: addDays(today, 8) },
    });
    const mail = recordingMail();
    expect(await sendFinancingReminders(t.db, { mail, today, baseUrl: 'http://splot.test' })).toBe(1);
    expect(mail.sent[0]!.text).toContain('„Za 7 dni”');
    expect(mail.sent[0]!.text).not.toContain('Za 8 dni');
  });
});

describe('application status commands', () => {
  let id: string;
  beforeAll(async () => {
    const [src] = await t.db
      .select({ id: fundingApplications.sourceId })
      .from(fundingApplications)
      .where(eq(fundingApplications.localityId, ctx.locality.localityId))
      .limit(1);
    id = await createApplication(t.db, {
      ...ctx,
      values: {
        sourceId: src!.id,
        callName: 'Test',
        deadline: addDays(today, 30),
        amountPln: '12 000,50',
        enterpriseId: '',
        initiativeId: '',
        notes: '',
      },
    });
  });
  const run = (command: 'submit' | 'grant' | 'reject' | 'withdraw', values: Record<string, string>) =>
    runApplicationCommand(t.db, { ...ctx, id, command, values, today });

  it('refuses submitting without a document and with a future date, saying what is missing', async () => {
    const e = await refusal(run('submit', { submittedOn: addDays(today, 1) }));
    expect(e.code).toBe('DOMAIN_RULE');
    expect(e.fieldErrors).toEqual({
      submittedOn: 'financing.command.submittedOnFuture',
      _form: 'financing.command.noDocuments',
    });
    const [row] = await t.db.select().from(fundingApplications).where(eq(fundingApplications.id, id));
    expect(row!.status).toBe('planned');
    expect(row!.amountPln).toBe('12000.50');
  });

  it('refuses a forbidden file type and accepts a PDF; then submits, grants, and refuses a second decision', async () => {
    const exe = await refusal(
      attachDocument(t.db, storage, {
        ...ctx,
        id,
        file: { name: 'a.exe', bytes: new Uint8Array([77, 90]) },
        today,
      }),
    );
    expect(exe.fieldErrors.file).toMatchObject({ key: 'financing.document.typeNotAllowed' });
    await attachDocument(t.db, storage, {
      ...ctx,
      id,
      file: { name: 'wniosek.pdf', bytes: new TextEncoder().encode('%PDF-1.4 x') },
      today,
    });
    expect(await run('submit', { submittedOn: today })).toEqual({ status: 'submitted', grantId: null });
    expect(await run('grant', { decidedOn: today })).toEqual({ status: 'granted', grantId: null });
    const e = await refusal(run('withdraw', {}));
    expect(e.fieldErrors._form).toBe('financing.command.wrongStatus');
  });

  it('refuses a schedule that does not add up, in words; accepts equal monthly instalments', async () => {
    const [src] = await t.db
      .select({ id: fundingApplications.sourceId })
      .from(fundingApplications)
      .where(eq(fundingApplications.id, id));
    const values = {
      sourceId: src!.id,
      applicationId: id,
      initiativeId: '',
      enterpriseId: '',
      kind: 'bridging',
      title: 'Pomostowe',
      amountPln: '15 000',
      awardedOn: today,
    };
    const noRecipient = await refusal(
      createGrant(t.db, { ...ctx, values: { ...values, dueOn_0: today, amount_0: '12000' } }),
    );
    expect(noRecipient.fieldErrors.enterpriseId).toBe('financing.grant.recipient.required');
    const [ent] = await t.db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.localityId, ctx.locality.localityId))
      .limit(1);
    const withRecipient = { ...values, enterpriseId: ent!.id };
    const e = await refusal(
      createGrant(t.db, { ...ctx, values: { ...withRecipient, dueOn_0: today, amount_0: '12000' } }),
    );
    expect(JSON.parse(JSON.stringify(e.fieldErrors.schedule).replaceAll('\u00a0', ' '))).toEqual({
      key: 'financing.grant.schedule.missing',
      values: { total: '12 000,00 zł', amount: '15 000,00 zł', difference: '3000,00 zł' },
    });
    const grantId = await createGrant(t.db, {
      ...ctx,
      values: { ...withRecipient, months: '6', firstDueOn: today },
    });
    const rows = await t.db.select().from(grantInstalments).where(eq(grantInstalments.grantId, grantId));
    expect(rows).toHaveLength(6);
    expect(rows.reduce((s, r) => s + Number(r.amountPln), 0)).toBe(15000);
  });
});
