import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/db.ts';
import {
  commitments,
  inKindEntries,
  localities,
  memberships,
  organisations,
  partnershipMembers,
  partnerships,
  roadmapStepEvents,
  users,
} from '../schema/index.ts';
import { DEMO_USERS, seedDemo } from './demo.ts';
import { SEEDED_PARTNERSHIPS } from './partnerships.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.dispose();
});

async function counts() {
  const n = async (table: typeof users | typeof localities | typeof memberships | typeof roadmapStepEvents) =>
    (await t.db.select({ n: count() }).from(table))[0]!.n;
  return {
    users: await n(users),
    localities: await n(localities),
    memberships: await n(memberships),
    events: await n(roadmapStepEvents),
  };
}

describe('the demo seed', () => {
  it('creates the three kinds of place, a user for every role, and roadmaps at different stages', async () => {
    expect(await seedDemo(t.db)).toEqual({ created: true });
    const c = await counts();
    expect(c.localities).toBe(3);
    expect(c.users).toBe(DEMO_USERS.length);
    const kinds = (await t.db.select({ kind: localities.kind }).from(localities)).map((r) => r.kind).sort();
    expect(kinds).toEqual(['city_county', 'rural', 'urban']);
    const roles = new Set(
      (await t.db.select({ role: memberships.role }).from(memberships)).map((r) => r.role),
    );
    expect([...roles].sort()).toEqual([
      'advisor',
      'animator',
      'coordinator',
      'enterprise_member',
      'leader',
      'participant',
      'partner_rep',
    ]);
    expect(c.events).toBeGreaterThan(10);
  });

  it('gives Wągrowiec and Poznań a partnership with commitments, and leaves Kwilcz empty', async () => {
    const rows = await t.db
      .select({
        slug: localities.slug,
        id: partnerships.id,
        name: partnerships.name,
        leader: organisations.name,
        decision: partnerships.leaderDecision,
      })
      .from(partnerships)
      .innerJoin(localities, eq(localities.id, partnerships.localityId))
      .leftJoin(organisations, eq(organisations.id, partnerships.leaderOrganisationId))
      .orderBy(asc(localities.slug));
    expect(rows.map((r) => [r.slug, r.name, r.leader])).toEqual([
      ['poznan', SEEDED_PARTNERSHIPS.poznan.name, 'Fundacja Wspólna Droga'],
      ['wagrowiec', SEEDED_PARTNERSHIPS.wagrowiec.name, 'Miejski Ośrodek Pomocy Społecznej w Wągrowcu'],
    ]);
    expect(rows[1]!.decision).toMatch(/^Uchwała nr 1\/\d{4} Zgromadzenia Partnerów$/);
    for (const r of rows) {
      const seeded = SEEDED_PARTNERSHIPS[r.slug as 'poznan' | 'wagrowiec'];
      const n = async (table: typeof partnershipMembers | typeof commitments) =>
        (await t.db.select({ n: count() }).from(table).where(eq(table.partnershipId, r.id)))[0]!.n;
      expect(await n(partnershipMembers)).toBe(seeded.members);
      expect(await n(commitments)).toBe(seeded.commitments);
    }
    // Delivered in-kind commitments, and only those, are in the ledger.
    const ledger = await t.db
      .select({ slug: localities.slug, source: inKindEntries.source, n: count() })
      .from(inKindEntries)
      .innerJoin(localities, eq(localities.id, inKindEntries.localityId))
      .groupBy(localities.slug, inKindEntries.source)
      .orderBy(asc(localities.slug));
    expect(ledger).toEqual([
      { slug: 'poznan', source: 'commitment', n: SEEDED_PARTNERSHIPS.poznan.deliveredInKind },
      { slug: 'wagrowiec', source: 'commitment', n: SEEDED_PARTNERSHIPS.wagrowiec.deliveredInKind },
    ]);
    // Kwilcz's directory stays empty (its coordinator starts from nothing).
    const [kwilcz] = await t.db
      .select({ n: count() })
      .from(organisations)
      .innerJoin(localities, eq(localities.id, organisations.localityId))
      .where(eq(localities.slug, 'kwilcz'));
    expect(kwilcz!.n).toBe(0);
  });

  it('is idempotent: a second run adds nothing', async () => {
    const before = await counts();
    expect(await seedDemo(t.db)).toEqual({ created: false });
    expect(await counts()).toEqual(before);
  });
});
