import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, loginAttempts, sessions, users } from '../../../db/schema/index.ts';
import { makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { recordingMail } from '../../../tests/setup/services.ts';
import { AppError } from '../../lib/errors.ts';
import { DEFAULT_CONFIG } from '../../lib/services.ts';
import { createSession, loadSession } from '../../lib/session.server.ts';
import { login, THROTTLE } from './login.server.ts';
import { findValidReset, requestPasswordReset, resetPassword } from './password-reset.server.ts';
import { createFirstAdmin } from './setup.server.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.dispose();
});

const req = { requestId: 'req-1' };

describe('login', () => {
  it('accepts the right password and audits the sign-in', async () => {
    const u = await makeUser(t.db, { email: 'ok@example.test', password: 'dobre-haslo-123' });
    const r = await login(t.db, { email: u.email, password: 'dobre-haslo-123', ip: '10.0.0.1', ...req });
    expect(r).toEqual({ ok: true, userId: u.id });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, u.id));
    expect(audit.map((a) => a.action)).toContain('auth.login');
  });

  it('refuses a wrong password, an unknown account and a deactivated account alike', async () => {
    const u = await makeUser(t.db, { email: 'off@example.test', password: 'dobre-haslo-123', active: false });
    expect(await login(t.db, { email: 'ok@example.test', password: 'zle', ip: '10.0.0.2', ...req })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(
      await login(t.db, { email: 'nobody@example.test', password: 'x', ip: '10.0.0.2', ...req }),
    ).toEqual({ ok: false, reason: 'invalid' });
    expect(
      await login(t.db, { email: u.email, password: 'dobre-haslo-123', ip: '10.0.0.2', ...req }),
    ).toEqual({ ok: false, reason: 'invalid' });
  });

  it('throttles an account after repeated failures, even with the right password', async () => {
    const u = await makeUser(t.db, { email: 'target@example.test', password: 'dobre-haslo-123' });
    for (let i = 0; i < THROTTLE.maxPerAccount; i++) {
      await login(t.db, { email: u.email, password: `zgaduje-${i}`, ip: `10.1.0.${i}`, ...req });
    }
    const r = await login(t.db, { email: u.email, password: 'dobre-haslo-123', ip: '10.1.0.99', ...req });
    expect(r).toMatchObject({ ok: false, reason: 'throttled' });
    // The window passes: the account works again.
    const later = new Date(Date.now() + (THROTTLE.windowMinutes + 1) * 60_000);
    expect(
      await login(t.db, { email: u.email, password: 'dobre-haslo-123', ip: '10.1.0.99', now: later, ...req }),
    ).toMatchObject({ ok: true });
  });

  it('throttles an address that tries many accounts, and keeps the count in the database', async () => {
    for (let i = 0; i < THROTTLE.maxPerAddress; i++) {
      await login(t.db, { email: `probe${i}@example.test`, password: 'x', ip: '10.9.9.9', ...req });
    }
    const r = await login(t.db, {
      email: 'ok@example.test',
      password: 'dobre-haslo-123',
      ip: '10.9.9.9',
      ...req,
    });
    expect(r).toMatchObject({ ok: false, reason: 'throttled' });
    const [row] = await t.db
      .select({ n: count() })
      .from(loginAttempts)
      .where(eq(loginAttempts.key, '10.9.9.9'));
    expect(row!.n).toBe(THROTTLE.maxPerAddress);
  });
});

describe('sessions', () => {
  it('loads the user, ends at the idle limit and at the absolute limit', async () => {
    const u = await makeUser(t.db, { email: 'sess@example.test' });
    const now = new Date('2026-11-27T08:00:00Z');
    const token = await createSession(t.db, {
      userId: u.id,
      ip: '1.1.1.1',
      userAgent: 'x',
      config: DEFAULT_CONFIG,
      now,
    });
    expect(
      (await loadSession(t.db, token, DEFAULT_CONFIG, new Date(now.getTime() + 60_000)))?.actor.userId,
    ).toBe(u.id);
    const idle = new Date(now.getTime() + (DEFAULT_CONFIG.sessionIdleMinutes + 2) * 60_000);
    expect(await loadSession(t.db, token, DEFAULT_CONFIG, idle)).toBeNull();

    const token2 = await createSession(t.db, {
      userId: u.id,
      ip: '1.1.1.1',
      userAgent: 'x',
      config: DEFAULT_CONFIG,
      now,
    });
    let at = now.getTime();
    // Active use keeps the session alive, but not past the absolute limit.
    while (at < now.getTime() + (DEFAULT_CONFIG.sessionMaxHours - 1) * 3_600_000) {
      at += 30 * 60_000;
      expect(await loadSession(t.db, token2, DEFAULT_CONFIG, new Date(at))).not.toBeNull();
    }
    expect(
      await loadSession(
        t.db,
        token2,
        DEFAULT_CONFIG,
        new Date(now.getTime() + DEFAULT_CONFIG.sessionMaxHours * 3_600_000 + 1),
      ),
    ).toBeNull();
  });

  it('stores only a hash of the session token', async () => {
    const u = await makeUser(t.db);
    const token = await createSession(t.db, {
      userId: u.id,
      ip: '1.1.1.1',
      userAgent: null,
      config: DEFAULT_CONFIG,
    });
    const rows = await t.db
      .select({ idHash: sessions.idHash })
      .from(sessions)
      .where(eq(sessions.userId, u.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.idHash).not.toContain(token);
  });
});

describe('password reset', () => {
  it('mails a link that sets a new password once and signs the user out everywhere', async () => {
    const u = await makeUser(t.db, { email: 'reset@example.test', password: 'stare-haslo-123' });
    await createSession(t.db, { userId: u.id, ip: '1.1.1.1', userAgent: null, config: DEFAULT_CONFIG });
    const mail = recordingMail();
    await requestPasswordReset(t.db, { email: u.email, baseUrl: 'https://splot.example', mail, ...req });
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]!.subject).toBe('Splot: ustaw nowe hasło');
    const link = mail.lastLink()!;
    expect(link).toMatch(/^https:\/\/splot\.example\/password\/reset\/[\w-]{40,}$/);
    const token = link.split('/').pop()!;

    await resetPassword(t.db, { token, password: 'nowe-haslo-456', ...req });
    expect(
      await login(t.db, { email: u.email, password: 'nowe-haslo-456', ip: '2.2.2.2', ...req }),
    ).toMatchObject({ ok: true });
    const [left] = await t.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, u.id));
    expect(left!.n).toBe(0);
    await expect(resetPassword(t.db, { token, password: 'trzecie-haslo-789', ...req })).rejects.toMatchObject(
      { messageKey: 'auth.reset.expired' },
    );
  });

  it('sends nothing for an unknown address and refuses an expired link', async () => {
    const mail = recordingMail();
    await requestPasswordReset(t.db, { email: 'ghost@example.test', baseUrl: 'http://x', mail, ...req });
    expect(mail.sent).toHaveLength(0);

    const u = await makeUser(t.db, { email: 'late@example.test' });
    const past = new Date(Date.now() - 2 * 3_600_000);
    await requestPasswordReset(t.db, { email: u.email, baseUrl: 'http://x', mail, now: past, ...req });
    const token = mail.lastLink()!.split('/').pop()!;
    expect(await findValidReset(t.db, { token })).toBeNull();
    await expect(resetPassword(t.db, { token, password: 'nowe-haslo-456', ...req })).rejects.toBeInstanceOf(
      AppError,
    );
  });
});

describe('first administrator', () => {
  it('is refused once any account exists', async () => {
    await expect(
      createFirstAdmin(t.db, {
        email: 'boss@example.test',
        name: 'Boss',
        password: 'dlugie-haslo-1',
        requestId: null,
      }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const [row] = await t.db.select({ n: count() }).from(users).where(eq(users.email, 'boss@example.test'));
    expect(row!.n).toBe(0);
  });
});
