import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, erasureRequests, participants, people } from '../../../db/schema/index.ts';
import { makeLocality, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { recordingMail } from '../../../tests/setup/services.ts';
import { retentionReview } from './retention-review.server.ts';

let t: TestDatabase;
let kwilcz: { id: string; slug: string; name: string };
let poznan: { id: string; slug: string; name: string };

beforeAll(async () => {
  t = await createTestDatabase();
  kwilcz = await makeLocality(t.db, { terytCode: '3014022' });
  poznan = await makeLocality(t.db, { terytCode: '3064011' });
  await makeUser(t.db, {
    email: 'koord.pl@example.test',
    roles: [{ localityId: kwilcz.id, role: 'coordinator' }],
  });
  await makeUser(t.db, {
    email: 'koord.en@example.test',
    locale: 'en',
    roles: [{ localityId: kwilcz.id, role: 'coordinator' }],
  });
  await makeUser(t.db, {
    email: 'animator@example.test',
    roles: [{ localityId: kwilcz.id, role: 'animator' }],
  });
  await makeUser(t.db, {
    email: 'koord.poznan@example.test',
    roles: [{ localityId: poznan.id, role: 'coordinator' }],
  });
  // Kwilcz: two closed long ago (past retention in 2026), one closed last year (not yet).
  for (const [name, closedOn] of [
    ['Olga', '2019-05-01'],
    ['Piotr', '2020-12-31'],
    ['Rafał', '2025-03-01'],
  ] as const) {
    const [p] = await t.db
      .insert(people)
      .values({ localityId: kwilcz.id, givenName: name, familyName: 'Dawna', legalBasis: 'public_task' })
      .returning({ id: people.id });
    await t.db.insert(participants).values({
      personId: p!.id,
      localityId: kwilcz.id,
      registeredOn: '2018-01-01',
      status: 'closed',
      closedOn,
    });
  }
});
afterAll(async () => {
  await t.dispose();
});

describe('retentionReview', () => {
  it('e-mails the coordinators of a locality with records past retention, in their language, without names', async () => {
    const mail = recordingMail();
    const n = await retentionReview(t.db, { mail, today: '2026-11-27', baseUrl: 'https://splot.example' });
    expect(n).toBe(1);
    expect(mail.sent.map((m) => m.to).sort()).toEqual(['koord.en@example.test', 'koord.pl@example.test']);
    const pl = mail.sent.find((m) => m.to === 'koord.pl@example.test')!;
    expect(pl.subject).toContain(kwilcz.name);
    expect(pl.text).toContain('2 osoby mają dane');
    expect(pl.text).toContain('0 próśb o usunięcie danych');
    expect(pl.text).toContain(`https://splot.example/app/${kwilcz.slug}/data-protection`);
    expect(pl.text).not.toContain('Olga');
    const en = mail.sent.find((m) => m.to === 'koord.en@example.test')!;
    expect(en.text).toContain("2 people's data are kept past the retention period");
  });

  it('reminds a locality at most once a week', async () => {
    const mail = recordingMail();
    expect(await retentionReview(t.db, { mail, today: '2026-11-27', baseUrl: '' })).toBe(0);
    expect(await retentionReview(t.db, { mail, today: '2026-12-03', baseUrl: '' })).toBe(0);
    expect(mail.sent).toHaveLength(0);
    expect(await retentionReview(t.db, { mail, today: '2026-12-04', baseUrl: '' })).toBe(1);
    const rows = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'retention.reminded'), eq(auditLog.localityId, kwilcz.id)));
    expect(rows.map((r) => r.details?.on)).toEqual(['2026-11-27', '2026-12-04']);
  });

  it('also reminds of pending erasure requests, and stays quiet where there is nothing to review', async () => {
    const [p] = await t.db
      .insert(people)
      .values({ localityId: poznan.id, givenName: 'Jan', familyName: 'Prośba', legalBasis: 'consent' })
      .returning({ id: people.id });
    const mail = recordingMail();
    expect(await retentionReview(t.db, { mail, today: '2026-12-05', baseUrl: '' })).toBe(0);
    await t.db.insert(erasureRequests).values({ localityId: poznan.id, personId: p!.id });
    expect(await retentionReview(t.db, { mail, today: '2026-12-05', baseUrl: '' })).toBe(1);
    expect(mail.sent.map((m) => m.to)).toEqual(['koord.poznan@example.test']);
    expect(mail.sent[0]?.text).toContain('1 prośba o usunięcie danych czeka');
    expect(mail.sent[0]?.text).not.toContain('Prośba');
  });
});
