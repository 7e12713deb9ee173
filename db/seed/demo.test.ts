import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/db.ts';
import { localities, memberships, roadmapStepEvents, users } from '../schema/index.ts';
import { DEMO_USERS, seedDemo } from './demo.ts';

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

  it('is idempotent: a second run adds nothing', async () => {
    const before = await counts();
    expect(await seedDemo(t.db)).toEqual({ created: false });
    expect(await counts()).toEqual(before);
  });
});
