import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  localities,
  memberships,
  roadmapSteps,
  sessions,
  users,
} from '../../../db/schema/index.ts';
import { makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor, recordingMail } from '../../../tests/setup/services.ts';
import { DEFAULT_CONFIG } from '../../lib/services.ts';
import { createSession } from '../../lib/session.server.ts';
import { login } from '../auth/login.server.ts';
import { createLocality, listLocalitiesWithProgress, searchGminas } from '../localities/localities.server.ts';
import { acceptInvitation, findOpenInvitation, inviteUser } from './invitations.server.ts';
import { deactivateUser, listUsers } from './users.server.ts';

let t: TestDatabase;
let admin: ReturnType<typeof actorFor>;

beforeAll(async () => {
  t = await createTestDatabase();
  const a = await makeUser(t.db, { email: 'admin@example.test', isPlatformAdmin: true });
  admin = actorFor(a, { isPlatformAdmin: true });
});
afterAll(async () => {
  await t.dispose();
});

describe('localities', () => {
  it('finds gminas ignoring case and diacritics, exact names first', async () => {
    const found = await searchGminas(t.db, { query: 'WAGROWIEC' });
    expect(found.slice(0, 2).map((g) => [g.name, g.kind])).toEqual([
      ['Wągrowiec', 'urban'],
      ['Wągrowiec', 'rural'],
    ]);
    expect((await searchGminas(t.db, { query: 'łódź' }))[0]).toMatchObject({
      name: 'Łódź',
      kind: 'city_county',
    });
    expect(await searchGminas(t.db, { query: 'x' })).toEqual([]);
    // Names starting with the query, then names with a later word starting with it, then the rest.
    const wola = (await searchGminas(t.db, { query: 'wola' })).map((g) => g.name);
    expect(wola.indexOf('Wola Uhruska')).toBeLessThan(wola.indexOf('Stalowa Wola'));
    expect(wola.indexOf('Stalowa Wola')).toBeLessThan(wola.indexOf('Dzwola'));
  });

  it('creates a locality from the TERYT list with its roadmap, and refuses it twice', async () => {
    const created = await createLocality(t.db, { actor: admin, terytCode: '0806023', population: 16_000 });
    expect(created.slug).toBe('drezdenko');
    const [row] = await t.db.select().from(localities).where(eq(localities.id, created.id));
    expect(row).toMatchObject({
      name: 'Drezdenko',
      kind: 'urban_rural',
      voivodeship: 'lubuskie',
      population: 16_000,
    });
    const [steps] = await t.db
      .select({ n: count() })
      .from(roadmapSteps)
      .where(eq(roadmapSteps.localityId, created.id));
    expect(steps!.n).toBe(10);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'locality.create'), eq(auditLog.entityId, created.id)));
    expect(audit?.actorUserId).toBe(admin.userId);

    await expect(
      createLocality(t.db, { actor: admin, terytCode: '0806023', population: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      createLocality(t.db, { actor: admin, terytCode: '9999999', population: null }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await searchGminas(t.db, { query: 'Drezdenko' }))[0]?.taken).toBe(true);
  });

  it('gives two gminas with one name different addresses', async () => {
    const a = await createLocality(t.db, { actor: admin, terytCode: '3028011', population: null });
    const b = await createLocality(t.db, { actor: admin, terytCode: '3028072', population: null });
    expect(a.slug).toBe('wagrowiec');
    expect(b.slug).toBe('wagrowiec-3028072');
  });

  it('refuses anyone but a platform admin', async () => {
    const u = await makeUser(t.db);
    await expect(
      createLocality(t.db, { actor: actorFor(u), terytCode: '3014022', population: null }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lists progress side by side, filtered by kind, a page at a time', async () => {
    const all = await listLocalitiesWithProgress(t.db, {
      kind: null,
      offset: 0,
      limit: 2,
      today: '2026-11-27',
    });
    expect(all.total).toBe(3);
    expect(all.rows).toHaveLength(2);
    expect(all.rows[0]).toMatchObject({ name: 'Drezdenko', done: 0, total: 10, overdue: 0 });
    expect(Object.keys(all.rows[0]!.statuses)).toHaveLength(10);
    const rural = await listLocalitiesWithProgress(t.db, {
      kind: 'rural',
      offset: 0,
      limit: 10,
      today: '2026-11-27',
    });
    expect(rural.rows.map((r) => r.slug)).toEqual(['wagrowiec-3028072']);
  });
});

describe('invitations', () => {
  it('mails a link; a new person sets name and password and gets the role', async () => {
    const [loc] = await t.db.select().from(localities).where(eq(localities.slug, 'drezdenko'));
    const mail = recordingMail();
    await inviteUser(t.db, {
      actor: admin,
      input: { email: 'nowa@example.test', localityId: loc!.id, role: 'animator' },
      baseUrl: 'https://s.example',
      mail,
      locale: 'pl',
    });
    expect(mail.sent[0]).toMatchObject({
      to: 'nowa@example.test',
      subject: 'Zaproszenie do Splotu: Drezdenko',
    });
    expect(mail.sent[0]!.text).toContain('animator');
    const token = mail.lastLink()!.split('/').pop()!;
    expect(await findOpenInvitation(t.db, { token })).toMatchObject({
      email: 'nowa@example.test',
      role: 'animator',
      existingUserId: null,
    });

    const r = await acceptInvitation(t.db, {
      token,
      requestId: 'r',
      signedInUserId: null,
      newAccount: { name: 'Nowa Osoba', password: 'bezpieczne-123', locale: 'pl' },
    });
    expect(r.localitySlug).toBe('drezdenko');
    const [m] = await t.db.select().from(memberships).where(eq(memberships.userId, r.userId));
    expect(m).toMatchObject({ localityId: loc!.id, role: 'animator' });
    expect(
      await login(t.db, {
        email: 'nowa@example.test',
        password: 'bezpieczne-123',
        ip: '1.1.1.1',
        requestId: 'r',
      }),
    ).toMatchObject({ ok: true });
    // A link works once.
    await expect(
      acceptInvitation(t.db, {
        token,
        requestId: 'r',
        signedInUserId: null,
        newAccount: { name: 'X', password: 'bezpieczne-123', locale: 'pl' },
      }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('asks an existing account to sign in first, then adds the role', async () => {
    const existing = await makeUser(t.db, { email: 'jest@example.test' });
    const [loc] = await t.db.select().from(localities).where(eq(localities.slug, 'drezdenko'));
    const mail = recordingMail();
    await inviteUser(t.db, {
      actor: admin,
      input: { email: 'jest@example.test', localityId: loc!.id, role: 'advisor' },
      baseUrl: 'https://s.example',
      mail,
      locale: 'en',
    });
    expect(mail.sent[0]!.subject).toBe('Invitation to Splot: Drezdenko');
    const token = mail.lastLink()!.split('/').pop()!;
    await expect(
      acceptInvitation(t.db, { token, requestId: 'r', signedInUserId: null }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await acceptInvitation(t.db, { token, requestId: 'r', signedInUserId: existing.id });
    const rows = await t.db.select().from(memberships).where(eq(memberships.userId, existing.id));
    expect(rows.map((m) => m.role)).toEqual(['advisor']);
  });

  it('does not know a made-up token', async () => {
    expect(await findOpenInvitation(t.db, { token: 'made-up' })).toBeNull();
  });
});

describe('users', () => {
  it('deactivates an account: its sessions end and it cannot sign in', async () => {
    const u = await makeUser(t.db, { email: 'bye@example.test', password: 'dobre-haslo-123' });
    await createSession(t.db, { userId: u.id, ip: '1.1.1.1', userAgent: null, config: DEFAULT_CONFIG });
    await deactivateUser(t.db, { actor: admin, userId: u.id });
    const [s] = await t.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, u.id));
    expect(s!.n).toBe(0);
    expect(
      await login(t.db, { email: u.email, password: 'dobre-haslo-123', ip: '1.1.1.1', requestId: 'r' }),
    ).toMatchObject({ ok: false });
    const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.active).toBe(false);
  });

  it('refuses to deactivate yourself', async () => {
    await expect(deactivateUser(t.db, { actor: admin, userId: admin.userId })).rejects.toMatchObject({
      code: 'DOMAIN_RULE',
    });
  });

  it('lists accounts with their roles, searchable', async () => {
    const { rows, total } = await listUsers(t.db, { query: 'nowa', offset: 0, limit: 20 });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({
      email: 'nowa@example.test',
      roles: [{ locality: 'Drezdenko', role: 'animator' }],
    });
  });
});
