// The participant figures of issue 4: a bench locality with 50,000 participants (bulk SQL, from
// db/seed/scale.ts) seeded into the database before the server starts, the search terms a
// coordinator would type, and checks that the pages show what they should before they are timed.
import path from 'node:path';
import { openDatabase } from '../db/client.ts';
import { seedParticipantScale } from '../db/seed/scale.ts';
import type { FormClient } from './scenarios.ts';

/**
 * What a coordinator types in the participants' search box: family names and their beginnings,
 * given and family name in either order, without Polish letters or in capitals, a short broad
 * term, a name nobody has, and the empty search (the list as it opens).
 */
export const PARTICIPANT_SEARCH_TERMS = [
  '',
  'nowak',
  'Nowa',
  'kowalsk',
  'wojcik',
  'Wójcik',
  'anna nowak',
  'nowak anna',
  'ZIELIŃSKA',
  'dabrowsk',
  'kaczmarek',
  'malgorzata w',
  'jozef',
  'Szymańska',
  'lewandowski piotr',
  'sliwinsk',
  'kow',
  'brak takiej osoby',
];

export type ParticipantBench = {
  slug: string;
  coordinatorEmail: string;
  recordId: string;
  seedMs: number;
};

/**
 * Migrates the database and fills the bench locality, before the server opens it (PGlite has
 * one owner at a time): `pgliteDir` for PGlite (DATA_DIR/pglite), or a PostgreSQL URL.
 */
export async function seedParticipantDatabase(opts: {
  dataDir?: string;
  databaseUrl?: string;
  participants: number;
}): Promise<ParticipantBench> {
  const handle = await openDatabase({
    databaseUrl: opts.databaseUrl,
    pgliteDir: path.join(opts.dataDir ?? '', 'pglite'),
  });
  try {
    await handle.migrate();
    const started = performance.now();
    const r = await seedParticipantScale(handle.db, { participants: opts.participants });
    return {
      slug: r.slug,
      coordinatorEmail: r.coordinatorEmail,
      recordId: r.recordId,
      seedMs: performance.now() - started,
    };
  } finally {
    await handle.close();
  }
}

/** The number in a list page's `<caption>` (e.g. "49 901 uczestników"); 0 when it lists no one. */
function captionCount(html: string): number {
  const caption = /<caption>([\d\s\u00a0\u202f]+)[^<]*<\/caption>/.exec(html)?.[1];
  if (caption === undefined && !/<table/.test(html)) return 0;
  if (caption === undefined) throw new Error('no count caption on the participants page');
  return Number(caption.replace(/\D/g, ''));
}

/**
 * Checks, before timing, that the search finds what a person would expect: the whole list,
 * a family name typed without Polish letters, given and family name in either order, and
 * nothing for an unknown name. Returns the size of the list.
 */
export async function checkParticipantSearch(client: FormClient, slug: string): Promise<number> {
  const base = `/app/${slug}/participants`;
  const all = captionCount(await client.page(base));
  const checks: { q: string; expect: RegExp; min: number; max: number }[] = [
    { q: 'wojcik', expect: /Wójcik/, min: 50, max: all / 10 },
    { q: 'Nowa', expect: /Nowak/, min: 100, max: all / 5 },
    { q: 'anna nowak', expect: /Nowak/, min: 1, max: 1_000 },
    { q: 'nowak anna', expect: /Anna/, min: 1, max: 1_000 },
    { q: 'wojcik-sliwinska', expect: /Wójcik-Śliwińska/, min: 1, max: 100 },
  ];
  for (const c of checks) {
    const html = await client.page(`${base}?q=${encodeURIComponent(c.q)}`);
    const n = captionCount(html);
    if (n < c.min || n > c.max || !c.expect.test(html)) {
      throw new Error(
        `search "${c.q}" found ${n} of ${all} participants (expected ${c.min}–${Math.floor(c.max)}, showing ${c.expect})`,
      );
    }
  }
  const none = captionCount(await client.page(`${base}?q=${encodeURIComponent('brak takiej osoby')}`));
  if (none !== 0) throw new Error(`search for a name nobody has found ${none} participants`);
  return all;
}

/** Checks that the participant's page shows the record's parts (data, plan, advice, referrals, club). */
export async function checkParticipantPage(client: FormClient, pathname: string): Promise<number> {
  const html = await client.page(pathname);
  if (!/Wójcik-Śliwińska/.test(html)) throw new Error(`${pathname} does not show the participant's name`);
  return Buffer.byteLength(html);
}
