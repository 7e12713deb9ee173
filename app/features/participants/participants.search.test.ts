import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localities, participants, people } from '../../../db/schema/index.ts';
import { PARTICIPANT_BENCH, seedParticipantScale } from '../../../db/seed/scale.ts';
import { makeLocality } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { type ParticipantFilter, searchParticipants } from './participants.queries.server.ts';

let t: TestDatabase;
let localityId: string;
let otherId: string;
const today = '2026-11-27';

/** Registers people directly (the search reads rows; registration has its own tests). */
async function add(
  loc: string,
  list: { givenName: string; familyName: string; status?: string; erased?: boolean }[],
) {
  for (const p of list) {
    const [person] = await t.db
      .insert(people)
      .values({
        localityId: loc,
        givenName: p.givenName,
        familyName: p.familyName,
        legalBasis: 'public_task',
        erasedAt: p.erased ? new Date() : null,
      })
      .returning({ id: people.id });
    await t.db.insert(participants).values({
      personId: person!.id,
      localityId: loc,
      registeredOn: today,
      status: p.status ?? 'active',
    });
  }
}

async function search(
  q: string,
  more: Partial<ParticipantFilter> & { offset?: number; limit?: number } = {},
) {
  const r = await searchParticipants(t.db, {
    localityId,
    filter: { q, status: more.status ?? '' },
    offset: more.offset ?? 0,
    limit: more.limit ?? 50,
  });
  return { total: r.total, names: r.rows.map((x) => `${x.givenName} ${x.familyName}`) };
}

beforeAll(async () => {
  t = await createTestDatabase();
  localityId = (await makeLocality(t.db, { terytCode: '3028011' })).id;
  otherId = (await makeLocality(t.db, { terytCode: '3064011' })).id;
  await add(localityId, [
    { givenName: 'Anna', familyName: 'Nowak' },
    { givenName: 'Jan', familyName: 'Nowakowski' },
    { givenName: 'Małgorzata', familyName: 'Wójcik', status: 'closed' },
    { givenName: 'Łucja', familyName: 'Żółkiewska' },
    { givenName: 'Piotr', familyName: 'Wójcik-Śliwiński' },
    { givenName: 'Anna', familyName: 'Zielińska' },
    { givenName: '', familyName: '', erased: true },
    { givenName: 'Ewa', familyName: 'Nowacka', erased: true },
  ]);
  await add(otherId, [{ givenName: 'Anna', familyName: 'Nowak' }]);
  // A person of the locality who is not a participant (a club member) is never listed.
  await t.db
    .insert(people)
    .values({ localityId, givenName: 'Anna', familyName: 'Nowakówna', legalBasis: 'consent' });
});
afterAll(async () => {
  await t.dispose();
});

describe('participant search', () => {
  it('lists the locality’s participants in name order with the exact count, leaving out the erased', async () => {
    const r = await search('');
    expect(r.names).toEqual([
      'Anna Nowak',
      'Jan Nowakowski',
      'Małgorzata Wójcik',
      'Piotr Wójcik-Śliwiński',
      'Anna Zielińska',
      'Łucja Żółkiewska',
    ]);
    expect(r.total).toBe(6);
  });

  it('finds a family name by its beginning, in any case and without Polish letters', async () => {
    expect((await search('Nowa')).names.sort()).toEqual(['Anna Nowak', 'Jan Nowakowski']);
    expect((await search('wojcik')).names.sort()).toEqual(['Małgorzata Wójcik', 'Piotr Wójcik-Śliwiński']);
    expect((await search('ŻÓŁKIEW')).names).toEqual(['Łucja Żółkiewska']);
    expect((await search('zolkiewska')).total).toBe(1);
  });

  it('finds given and family name in either order', async () => {
    expect((await search('anna nowak')).names).toEqual(['Anna Nowak']);
    expect((await search('nowak anna')).names).toEqual(['Anna Nowak']);
    expect((await search('  ANNA   zielinska ')).names).toEqual(['Anna Zielińska']);
    expect((await search('malgorzata w')).names).toEqual(['Małgorzata Wójcik']);
  });

  it('treats % and _ as letters, finds nothing for an unknown name, and filters by status', async () => {
    expect(await search('%')).toEqual({ total: 0, names: [] });
    expect(await search('a_n')).toEqual({ total: 0, names: [] });
    expect(await search('brak takiej osoby')).toEqual({ total: 0, names: [] });
    expect(await search('', { status: 'closed' })).toEqual({ total: 1, names: ['Małgorzata Wójcik'] });
    expect((await search('wojcik', { status: 'active' })).names).toEqual(['Piotr Wójcik-Śliwiński']);
    expect((await search('', { status: 'active' })).total).toBe(5);
  });

  it('pages: the total stays exact on every page, also past the end', async () => {
    const first = await search('', { limit: 4 });
    const second = await search('', { limit: 4, offset: 4 });
    expect([first.total, second.total]).toEqual([6, 6]);
    expect(second.names.length).toBe(2);
    expect(new Set([...first.names, ...second.names]).size).toBe(6);
    expect(await search('nowa', { offset: 50 })).toEqual({ total: 2, names: [] });
    expect(await search('', { offset: 50 })).toEqual({ total: 6, names: [] });
  });
});

describe('participants at scale (the bench seed)', () => {
  it('seeds the bench locality with realistic names and one full record, once', async () => {
    const first = await seedParticipantScale(t.db, { participants: 2_000, today });
    const again = await seedParticipantScale(t.db, { participants: 2_000, today });
    expect(again.recordId).toBe(first.recordId);
    const [loc] = await t.db.select().from(localities).where(eq(localities.slug, PARTICIPANT_BENCH.slug));
    const r = await searchParticipants(t.db, {
      localityId: loc!.id,
      filter: { q: '', status: '' },
      offset: 0,
      limit: 50,
    });
    // 2,000 seeded, four of them erased, and the full record.
    expect(r.total).toBe(1_997);
    const wojcik = await searchParticipants(t.db, {
      localityId: loc!.id,
      filter: { q: 'wojcik-sliwinska', status: '' },
      offset: 0,
      limit: 50,
    });
    expect(wojcik.rows.map((x) => x.id)).toContain(first.recordId);
  });
});
