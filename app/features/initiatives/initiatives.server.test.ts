import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enterpriseMembers,
  enterprises,
  initiativeFounders,
  initiativeStageHistory,
  initiatives,
  localities,
  organisations,
  users,
} from '../../../db/schema/index.ts';
import { coordinatorContext, type Place } from '../../../db/seed/partnerships.ts';
import { createDemoDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { advanceInitiativeStage, MoveRefused } from './advance-initiative-stage.server.ts';
import { closeInitiative } from './close-initiative.server.ts';
import { createInitiative } from './create-initiative.server.ts';
import { tickChecklistItem } from './initiative-checklist.server.ts';
import { addFounder } from './initiative-founders.server.ts';
import { CHECKLIST } from './initiative-stages.rules.ts';
import { initiativeBoard } from './initiatives.queries.server.ts';

let t: TestDatabase;
const today = todayInWarsaw();
let ctx: Awaited<ReturnType<typeof coordinatorContext>>;

beforeAll(async () => {
  t = await createDemoDatabase();
  const [loc] = await t.db.select().from(localities).where(eq(localities.slug, 'wagrowiec'));
  const [u] = await t.db.select().from(users).where(eq(users.email, 'koordynator.wagrowiec@splot.demo'));
  const place: Place = {
    locality: { id: loc!.id, slug: loc!.slug, name: loc!.name },
    coordinator: { id: u!.id, name: u!.name, email: u!.email },
  };
  ctx = await coordinatorContext(t.db, place);
});
afterAll(async () => {
  await t.dispose();
});

async function byName(name: string) {
  const [row] = await t.db.select().from(initiatives).where(eq(initiatives.name, name));
  return row!;
}

describe('the demo pipeline', () => {
  it('has initiatives at every stage in Wągrowiec, and Smaki Wągrowca at founding with 5 founders, 3 at risk', async () => {
    const board = await initiativeBoard(t.db, { localityId: ctx.locality.localityId, today });
    for (const s of board.stages) expect(s.total, s.stage).toBeGreaterThan(0);
    expect(board.closed).toBeGreaterThan(0);
    const smaki = await byName('Spółdzielnia Socjalna „Smaki Wągrowca”');
    expect(smaki.stage).toBe('founding');
    const founders = await t.db
      .select()
      .from(initiativeFounders)
      .where(and(eq(initiativeFounders.initiativeId, smaki.id), isNull(initiativeFounders.leftOn)));
    expect(founders).toHaveLength(5);
    expect(founders.filter((f) => f.atRisk).length).toBeGreaterThanOrEqual(3);
    const [ent] = await t.db
      .select({ n: count() })
      .from(enterprises)
      .where(eq(enterprises.initiativeId, (await byName('Fundacja „Wełniana Pracownia”')).id));
    expect(ent!.n).toBe(1);
  });
});

describe('stage moves', () => {
  it('refuses idea → business plan with what is missing, saving nothing, then allows it', async () => {
    const id = await createInitiative(t.db, {
      ...ctx,
      values: { name: 'Test: Sklep', idea: 'Sklep', intendedLegalForm: 'association' },
    });
    const err = await advanceInitiativeStage(t.db, { ...ctx, id, values: {}, today }).catch((e) => e);
    expect(err).toBeInstanceOf(MoveRefused);
    expect((err as MoveRefused).missing.map((m) => m.key)).toEqual([
      'initiatives.missing.checklist',
      'initiatives.missing.checklist',
      'initiatives.missing.checklist',
      'initiatives.missing.founders',
    ]);
    expect((await byName('Test: Sklep')).stage).toBe('idea');
    for (const item of CHECKLIST.idea)
      await tickChecklistItem(t.db, {
        ...ctx,
        initiativeId: id,
        values: { item, doneOn: dateInputValue(today) },
        today,
      });
    const smaki = await byName('Spółdzielnia Socjalna „Smaki Wągrowca”');
    const [f] = await t.db
      .select()
      .from(initiativeFounders)
      .where(eq(initiativeFounders.initiativeId, smaki.id));
    await addFounder(t.db, {
      ...ctx,
      initiativeId: id,
      values: { kind: 'natural', personId: f!.personId!, atRisk: 'auto', joinedOn: dateInputValue(today) },
    });
    const r = await advanceInitiativeStage(t.db, { ...ctx, id, values: { reason: 'gotowe' }, today });
    expect(r.to).toBe('business_plan');
    const history = await t.db
      .select()
      .from(initiativeStageHistory)
      .where(eq(initiativeStageHistory.initiativeId, id));
    const move = history.find((h) => h.toStage === 'business_plan')!;
    expect(move.reason).toBe('gotowe');
    expect((move.checks as { passed: boolean }[]).every((c) => c.passed)).toBe(true);
  });

  it('founding a social cooperative creates organisation, enterprise and members in one go; nothing when it fails', async () => {
    const smaki = await byName('Spółdzielnia Socjalna „Smaki Wągrowca”');
    for (const item of CHECKLIST.founding)
      await tickChecklistItem(t.db, {
        ...ctx,
        initiativeId: smaki.id,
        values: { item, doneOn: dateInputValue(today) },
        today,
      });
    const orgCount = async () =>
      (
        await t.db
          .select({ n: count() })
          .from(organisations)
          .where(eq(organisations.localityId, ctx.locality.localityId))
      )[0]!.n;
    const before = await orgCount();
    // A KRS number already in the directory: the directory refuses it, nothing is founded.
    const [taken] = await t.db
      .select({ krs: organisations.krs })
      .from(organisations)
      .where(and(eq(organisations.localityId, ctx.locality.localityId)))
      .then((rows) => rows.filter((r) => r.krs));
    const values = { organisationName: 'Smaki Wągrowca', registeredOn: dateInputValue(today) };
    if (taken?.krs) {
      const err = await advanceInitiativeStage(t.db, {
        ...ctx,
        id: smaki.id,
        values: { ...values, krs: taken.krs },
        today,
      }).catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(await orgCount()).toBe(before);
      expect((await byName(smaki.name)).stage).toBe('founding');
    }
    const bad = await advanceInitiativeStage(t.db, {
      ...ctx,
      id: smaki.id,
      values: { ...values, krs: '' },
      today,
    }).catch((e) => e);
    expect((bad as AppError).fieldErrors.krs).toBe('initiatives.founding.krs.required');
    expect(await orgCount()).toBe(before);

    const r = await advanceInitiativeStage(t.db, {
      ...ctx,
      id: smaki.id,
      values: { ...values, krs: '0000999001' },
      psAims: ['reintegration'],
      today,
    });
    expect(r.to).toBe('incubation');
    expect(await orgCount()).toBe(before + 1);
    const [ent] = await t.db.select().from(enterprises).where(eq(enterprises.id, r.enterpriseId!));
    expect(ent!.registeredOn).toBe(today);
    expect(ent!.psAims).toEqual(['reintegration']);
    expect(ent!.foundedBy).toBe('natural');
    const [org] = await t.db.select().from(organisations).where(eq(organisations.id, ent!.organisationId));
    expect(org!.legalForm).toBe('social_cooperative');
    expect(org!.krs).toBe('0000999001');
    const members = await t.db
      .select()
      .from(enterpriseMembers)
      .where(eq(enterpriseMembers.enterpriseId, ent!.id));
    expect(members).toHaveLength(5);
    expect(members.every((m) => m.isFounder)).toBe(true);
    expect(members.filter((m) => m.atRisk).length).toBeGreaterThanOrEqual(3);
  });

  it('refuses founding a social cooperative with too few founders, naming the legal rule', async () => {
    const id = await createInitiative(t.db, {
      ...ctx,
      values: { name: 'Test: Spółdzielnia', idea: 'x', intendedLegalForm: 'social_cooperative' },
    });
    await t.db.update(initiatives).set({ stage: 'founding' }).where(eq(initiatives.id, id));
    for (const item of CHECKLIST.founding)
      await tickChecklistItem(t.db, {
        ...ctx,
        initiativeId: id,
        values: { item, doneOn: dateInputValue(today) },
        today,
      });
    const err = await advanceInitiativeStage(t.db, {
      ...ctx,
      id,
      values: { organisationName: 'X', krs: '0000999002', registeredOn: dateInputValue(today) },
      today,
    }).catch((e) => e);
    expect((err as MoveRefused).missing.map((m) => m.key)).toContain('legal.check.coopFounders.natural');
  });

  it('closing needs a reason and works from any stage', async () => {
    const id = (await byName('Świetlica „Pod Lipami”')).id;
    const err = await closeInitiative(t.db, { ...ctx, id, values: { reason: ' ' }, today }).catch((e) => e);
    expect((err as AppError).fieldErrors.reason).toBe('initiatives.close.reason.required');
    await closeInitiative(t.db, { ...ctx, id, values: { reason: 'Brak lokalu' }, today });
    const row = await byName('Świetlica „Pod Lipami”');
    expect(row.stage).toBe('closed');
    expect(row.closedReason).toBe('Brak lokalu');
  });
});
