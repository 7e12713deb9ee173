import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, people } from '../../../db/schema/index.ts';
import { makeLocality, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import type { Role } from '../../lib/roles.ts';
import { createPerson, erasePerson, updatePerson } from './people.server.ts';

let t: TestDatabase;
let wg: { id: string; slug: string; name: string };
let pz: { id: string; slug: string; name: string };
let user: { id: string };

beforeAll(async () => {
  t = await createTestDatabase();
  wg = await makeLocality(t.db, { terytCode: '3028011' });
  pz = await makeLocality(t.db, { terytCode: '3064011' });
  user = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'coordinator' }] });
});
afterAll(async () => {
  await t.dispose();
});

const ctx = (roles: Role[], loc = wg) => ({
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

describe('people', () => {
  let id: string;

  it('are recorded with the legal basis, and the write is audited', async () => {
    id = await createPerson(t.db, {
      ...ctx(['animator']),
      input: {
        givenName: 'Zofia',
        familyName: 'Wiśniewska',
        email: 'Zofia@Example.pl',
        legalBasis: 'consent',
        basisNote: 'zgoda pisemna',
      },
    });
    const [p] = await t.db.select().from(people).where(eq(people.id, id));
    expect(p).toMatchObject({
      givenName: 'Zofia',
      email: 'zofia@example.pl',
      legalBasis: 'consent',
      localityId: wg.id,
    });
    const [a] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'person.create'), eq(auditLog.entityId, id)));
    expect(a!.n).toBe(1);
  });

  it('refuse bad input, with nothing written', async () => {
    const [before] = await t.db.select({ n: count() }).from(people);
    const e = await refusal(
      createPerson(t.db, {
        ...ctx(['coordinator']),
        input: { givenName: 'Jan', familyName: '', legalBasis: '' },
      }),
    );
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.fieldErrors).toEqual({
      familyName: 'club.people.familyName.required',
      legalBasis: 'club.people.basis.required',
    });
    const [after] = await t.db.select({ n: count() }).from(people);
    expect(after!.n).toBe(before!.n);
  });

  it('are corrected by the coordinator or animator only, within their locality', async () => {
    await updatePerson(t.db, {
      ...ctx(['coordinator']),
      id,
      input: {
        givenName: 'Zofia',
        familyName: 'Wiśniewska-Nowak',
        phone: '61 262 10 00',
        legalBasis: 'consent',
      },
    });
    const [p] = await t.db.select().from(people).where(eq(people.id, id));
    expect(p).toMatchObject({ familyName: 'Wiśniewska-Nowak', phone: '61 262 10 00', email: '' });
    expect(
      (
        await refusal(
          updatePerson(t.db, {
            ...ctx(['partner_rep']),
            id,
            input: { givenName: 'X', familyName: 'Y', legalBasis: 'consent' },
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await refusal(
          updatePerson(t.db, {
            ...ctx(['coordinator'], pz),
            id,
            input: { givenName: 'X', familyName: 'Y', legalBasis: 'consent' },
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('are erased by the coordinator: personal fields blanked, the row kept, no second erasure', async () => {
    expect((await refusal(erasePerson(t.db, { ...ctx(['animator']), id }))).code).toBe('FORBIDDEN');
    await erasePerson(t.db, { ...ctx(['coordinator']), id });
    const [p] = await t.db.select().from(people).where(eq(people.id, id));
    expect(p).toMatchObject({
      givenName: '',
      familyName: '',
      email: '',
      phone: '',
      basisNote: '',
      legalBasis: 'consent',
    });
    expect(p!.erasedAt).toBeInstanceOf(Date);
    expect((await refusal(erasePerson(t.db, { ...ctx(['coordinator']), id }))).code).toBe('NOT_FOUND');
  });
});
