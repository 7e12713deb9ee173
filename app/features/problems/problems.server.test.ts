import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLocality, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { checkSpam, checkTransition, SPAM } from './problem.rules.ts';
import { publicProblemSchema } from './problem.schema.ts';
import {
  changeProblemStatus,
  listProblems,
  listPublicProblems,
  raiseProblem,
  submitPublicProblem,
} from './problems.server.ts';

describe('spam protection and status rules', () => {
  const now = 1_800_000_000_000;
  it('refuses a filled hidden field, a form sent too fast or too late, and floods from one address', () => {
    const base = { honeypot: '', renderedAt: now - 10_000, now, recentFromAddress: 0 };
    expect(checkSpam(base)).toEqual({ ok: true });
    expect(checkSpam({ ...base, honeypot: 'http://spam' })).toEqual({ ok: false, reason: 'honeypot' });
    expect(checkSpam({ ...base, renderedAt: now - 1000 })).toEqual({ ok: false, reason: 'too_fast' });
    expect(checkSpam({ ...base, renderedAt: now - (SPAM.maxHours * 3600 + 1) * 1000 })).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(checkSpam({ ...base, recentFromAddress: SPAM.perAddressPerHour })).toEqual({
      ok: false,
      reason: 'rate',
    });
  });

  it('allows only the named moves', () => {
    expect(checkTransition('pending', 'open')).toBeNull();
    expect(checkTransition('pending', 'solved')).toBe('problems.errors.transition');
    expect(checkTransition('rejected', 'open')).toBe('problems.errors.transition');
  });
});

describe('the local problems register', () => {
  let t: TestDatabase;
  let kwilcz: { id: string; slug: string; name: string };
  let coordinator: { id: string };
  const loc = (): ActorLocality => ({
    localityId: kwilcz.id,
    slug: kwilcz.slug,
    name: kwilcz.name,
    kind: 'rural',
    roles: ['coordinator'],
    organisationIds: [],
  });
  const input = (fields: Record<string, string | number>) => publicProblemSchema.parse(fields);

  beforeAll(async () => {
    t = await createTestDatabase();
    kwilcz = await makeLocality(t.db, { terytCode: '3014022' });
    coordinator = await makeUser(t.db, { roles: [{ localityId: kwilcz.id, role: 'coordinator' }] });
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('keeps a resident’s report out of sight until moderation accepts it, and never shows their contact publicly', async () => {
    const now = new Date();
    const verdict = await submitPublicProblem(t.db, {
      localityId: kwilcz.id,
      input: input({
        title: 'Brak transportu do pracy',
        description: 'Autobus jeździ dwa razy dziennie.',
        contactName: 'Ala',
        contactEmail: 'ala@example.test',
        consent: '1',
        renderedAt: now.getTime() - 20_000,
      }),
      ip: '10.0.0.7',
      requestId: 'r',
      now,
    });
    expect(verdict).toEqual({ ok: true });
    expect((await listPublicProblems(t.db, { localityId: kwilcz.id, offset: 0, limit: 10 })).total).toBe(0);
    const staff = await listProblems(t.db, {
      localityId: kwilcz.id,
      status: 'pending',
      offset: 0,
      limit: 10,
    });
    expect(staff.pending).toBe(1);
    expect(staff.rows[0]).toMatchObject({ contactEmail: 'ala@example.test', source: 'resident' });

    await expect(
      changeProblemStatus(t.db, {
        actor: actorFor(coordinator),
        locality: loc(),
        id: staff.rows[0]!.id,
        to: 'solved',
        note: '',
      }),
    ).rejects.toMatchObject({ code: 'DOMAIN_RULE' });
    await changeProblemStatus(t.db, {
      actor: actorFor(coordinator),
      locality: loc(),
      id: staff.rows[0]!.id,
      to: 'open',
      note: '',
    });
    const pub = await listPublicProblems(t.db, { localityId: kwilcz.id, offset: 0, limit: 10 });
    expect(pub.rows.map((r) => r.title)).toEqual(['Brak transportu do pracy']);
    expect(JSON.stringify(pub.rows)).not.toContain('ala@example.test');
    expect(JSON.stringify(pub.rows)).not.toContain('Ala');
  });

  it('drops the contact details when the resident did not consent, and refuses rejection without a reason', async () => {
    const schemaResult = publicProblemSchema.safeParse({
      title: 'X',
      description: 'Y',
      contactEmail: 'b@example.test',
    });
    expect(schemaResult.success).toBe(false);
    const now = new Date();
    await submitPublicProblem(t.db, {
      localityId: kwilcz.id,
      input: input({
        title: 'Śmieci w lesie',
        description: 'Dzikie wysypisko',
        renderedAt: now.getTime() - 10_000,
      }),
      ip: '10.0.0.8',
      requestId: 'r',
      now,
    });
    const pending = await listProblems(t.db, {
      localityId: kwilcz.id,
      status: 'pending',
      offset: 0,
      limit: 10,
    });
    await expect(
      changeProblemStatus(t.db, {
        actor: actorFor(coordinator),
        locality: loc(),
        id: pending.rows[0]!.id,
        to: 'rejected',
        note: ' ',
      }),
    ).rejects.toMatchObject({
      fieldErrors: { note: 'problems.errors.rejectReason' },
    });
    await changeProblemStatus(t.db, {
      actor: actorFor(coordinator),
      locality: loc(),
      id: pending.rows[0]!.id,
      to: 'rejected',
      note: 'Sprawa dla straży gminnej',
    });
    expect((await listPublicProblems(t.db, { localityId: kwilcz.id, offset: 0, limit: 10 })).total).toBe(1);
  });

  it('limits reports from one address per hour', async () => {
    const now = new Date();
    const send = () =>
      submitPublicProblem(t.db, {
        localityId: kwilcz.id,
        input: input({ title: 'T', description: 'D', renderedAt: now.getTime() - 10_000 }),
        ip: '10.0.0.9',
        requestId: 'r',
        now,
      });
    for (let i = 0; i < SPAM.perAddressPerHour; i++) expect(await send()).toEqual({ ok: true });
    expect(await send()).toEqual({ ok: false, reason: 'rate' });
  });

  it('puts problems raised by staff on the register at once; participants cannot', async () => {
    await raiseProblem(t.db, {
      actor: actorFor(coordinator),
      locality: loc(),
      input: {
        title: 'Bezrobocie kobiet 50+',
        description: 'Dane PUP',
        affected: '',
        evidence: '',
        proposals: '',
      },
    });
    expect(
      (await listPublicProblems(t.db, { localityId: kwilcz.id, offset: 0, limit: 10 })).rows[0]?.title,
    ).toBe('Bezrobocie kobiet 50+');
    await expect(
      raiseProblem(t.db, {
        actor: actorFor(coordinator),
        locality: { ...loc(), roles: ['participant'] },
        input: { title: 'X', description: 'Y', affected: '', evidence: '', proposals: '' },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
