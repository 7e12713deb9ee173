import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, donations, inKindEntries, supportCosts } from '../../../db/schema/index.ts';
import { makeLocality, makeOrganisation, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import type { Role } from '../../lib/roles.ts';
import { costReport } from './costs.queries.server.ts';
import { deleteDonation, recordDonation } from './donations.server.ts';
import { addSupportCost, deleteSupportCost } from './support-costs.server.ts';

let t: TestDatabase;
let wg: { id: string; slug: string; name: string };
let pz: { id: string; slug: string; name: string };
let user: { id: string };
let bakery: { id: string };
let office: { id: string };
let pzOrg: { id: string };

beforeAll(async () => {
  t = await createTestDatabase();
  wg = await makeLocality(t.db, { terytCode: '3028011' });
  pz = await makeLocality(t.db, { terytCode: '3064011' });
  user = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'coordinator' }] });
  bakery = await makeOrganisation(t.db, { localityId: wg.id, name: 'Piekarnia Nowicki', kind: 'business' });
  office = await makeOrganisation(t.db, {
    localityId: wg.id,
    name: 'Urząd Miasta',
    kind: 'local_government',
  });
  pzOrg = await makeOrganisation(t.db, { localityId: pz.id, name: 'Bank Żywności', kind: 'association' });
});
afterAll(async () => {
  await t.dispose();
});

const ctx = (roles: Role[] = ['coordinator'], loc = wg) => ({
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

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const gift = {
  kind: 'money',
  donorOrganisationId: '',
  donorName: 'Jan Kowalski',
  description: 'Wpłata na materiały',
  valuePln: '1 250,50',
  receivedOn: '5.03.2026',
};

async function counts(id: string) {
  const [d] = await t.db.select({ n: count() }).from(donations).where(eq(donations.id, id));
  const [e] = await t.db
    .select({ n: count() })
    .from(inKindEntries)
    .where(and(eq(inKindEntries.source, 'donation'), eq(inKindEntries.sourceId, id)));
  return { donation: d!.n, entry: e!.n };
}

describe('donations and the in-kind ledger', () => {
  it('records a donation and its ledger entry together, audited', async () => {
    const id = await recordDonation(t.db, {
      ...ctx(),
      values: { ...gift, donorOrganisationId: bakery.id, donorName: '' },
    });
    const [entry] = await t.db
      .select()
      .from(inKindEntries)
      .where(and(eq(inKindEntries.source, 'donation'), eq(inKindEntries.sourceId, id)));
    expect(entry).toMatchObject({
      localityId: wg.id,
      kind: 'donation',
      valuePln: '1250.50',
      organisationId: bakery.id,
      occurredFrom: '2026-03-05',
    });
    expect(entry!.description).toContain('Piekarnia Nowicki');
    const [a] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'donation.create'), eq(auditLog.entityId, id)));
    expect(a!.n).toBe(1);
  });

  it('saves nothing when the input is wrong, and says what is wrong', async () => {
    const [before] = await t.db.select({ n: count() }).from(donations);
    const e = await refusal(
      recordDonation(t.db, {
        ...ctx(),
        values: { ...gift, donorName: '', valuePln: '12,345', receivedOn: '31.02.2026', kind: 'x' },
      }),
    );
    expect(e.fieldErrors).toMatchObject({
      valuePln: 'costs.donations.value.invalid',
      receivedOn: 'costs.donations.receivedOn.invalid',
      kind: 'costs.donations.kind.required',
      donorName: 'costs.donations.donor.required',
    });
    const [after] = await t.db.select({ n: count() }).from(donations);
    expect(after!.n).toBe(before!.n);
  });

  it('refuses a donor organisation of another locality', async () => {
    const e = await refusal(
      recordDonation(t.db, { ...ctx(), values: { ...gift, donorOrganisationId: pzOrg.id } }),
    );
    expect(e.fieldErrors.donorOrganisationId).toBe('costs.donations.donor.unknown');
  });

  it('deleting a donation removes its ledger entry; another locality cannot', async () => {
    const id = await recordDonation(t.db, { ...ctx(), values: gift });
    expect(await counts(id)).toEqual({ donation: 1, entry: 1 });
    expect((await refusal(deleteDonation(t.db, { ...ctx(['coordinator'], pz), id }))).code).toBe('NOT_FOUND');
    expect(await counts(id)).toEqual({ donation: 1, entry: 1 });
    await deleteDonation(t.db, { ...ctx(), id });
    expect(await counts(id)).toEqual({ donation: 0, entry: 0 });
  });

  it('only coordinators manage donations and costs', async () => {
    expect((await refusal(recordDonation(t.db, { ...ctx(['advisor']), values: gift }))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (
        await refusal(
          addSupportCost(t.db, {
            ...ctx(['animator']),
            values: { month: '03.2026', category: 'staff', amountPln: '1' },
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('support costs and the report', () => {
  it('adds and deletes a cost line; bad month and amount are field errors', async () => {
    const e = await refusal(
      addSupportCost(t.db, { ...ctx(), values: { month: '13.2026', category: 'staff', amountPln: 'abc' } }),
    );
    expect(e.fieldErrors).toMatchObject({
      month: 'costs.costs.month.invalid',
      amountPln: 'costs.costs.amount.invalid',
    });
    const id = await addSupportCost(t.db, {
      ...ctx(),
      values: { month: '03.2026', category: 'staff', amountPln: '4 800,00', description: 'Koordynator' },
    });
    const [row] = await t.db.select().from(supportCosts).where(eq(supportCosts.id, id));
    expect(row).toMatchObject({ month: '2026-03-01', amountPln: '4800.00', localityId: wg.id });
    await deleteSupportCost(t.db, { ...ctx(), id });
    expect(await t.db.select().from(supportCosts).where(eq(supportCosts.id, id))).toHaveLength(0);
  });

  it('the report counts spending, donations and the municipality within the locality and period', async () => {
    await addSupportCost(t.db, {
      ...ctx(),
      values: { month: '04.2026', category: 'staff', amountPln: '3000' },
    });
    await t.db.insert(inKindEntries).values({
      localityId: wg.id,
      kind: 'premises',
      description: 'Lokal klubu',
      valuePln: '1000.00',
      organisationId: office.id,
      occurredFrom: '2026-04-01',
      source: 'club_premises',
      sourceId: 'club:2026-04',
    });
    const r = await costReport(t.db, { localityId: wg.id, from: '2026-03-01', to: '2026-04-30' });
    const cov = Object.fromEntries(r.coverage.map((c) => [c.key, c.amount]));
    expect(cov.spent).toBe(3000);
    expect(cov.municipality).toBe(1000);
    expect(cov.donors).toBe(1250.5);
    const other = await costReport(t.db, { localityId: pz.id, from: '2026-03-01', to: '2026-04-30' });
    expect(other.empty).toBe(true);
    const before = await costReport(t.db, { localityId: wg.id, from: '2026-01-01', to: '2026-02-28' });
    expect(before.fullCost).toBe(0);
  });
});
