import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, participants, people } from '../../../db/schema/index.ts';
import { makeLocality, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import type { Role } from '../../lib/roles.ts';
import { ageBand } from './participant.schema.ts';
import { accessLog, getParticipant, lastViewers, searchParticipants } from './participants.queries.server.ts';
import {
  auditParticipantRead,
  closeParticipant,
  refuseParticipantRead,
  registerParticipant,
  reopenParticipant,
  updateParticipant,
} from './participants.server.ts';
import { makePesel } from './pesel.ts';

let t: TestDatabase;
let wg: { id: string; slug: string; name: string };
let pz: { id: string; slug: string; name: string };
let user: { id: string };
const today = '2026-11-27';

beforeAll(async () => {
  t = await createTestDatabase();
  wg = await makeLocality(t.db, { terytCode: '3028011' });
  pz = await makeLocality(t.db, { terytCode: '3064011' });
  user = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'advisor' }] });
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

const base = { givenName: 'Anna', familyName: 'Żółkiewska', legalBasis: 'public_task' };
const counts = async () => {
  const [a] = await t.db.select({ n: count() }).from(people);
  const [b] = await t.db.select({ n: count() }).from(participants);
  return [a!.n, b!.n];
};

describe('registering a participant', () => {
  let id: string;
  const pesel = makePesel('1984-05-14', 'female', 1234);

  it('records the person and the participant together, birth date and sex read from the PESEL, audited', async () => {
    id = await registerParticipant(t.db, {
      ...ctx(['advisor']),
      today,
      values: { ...base, pesel, registeredOn: '3.11.2026', disability: 'refused', education: 'isced3_4' },
    });
    const row = await getParticipant(t.db, { localityId: wg.id, id });
    expect(row?.person).toMatchObject({ givenName: 'Anna', legalBasis: 'public_task' });
    expect(row?.participant).toMatchObject({
      pesel,
      birthDate: '1984-05-14',
      sex: 'female',
      registeredOn: '2026-11-03',
      disability: 'refused',
      education: 'isced3_4',
      status: 'active',
    });
    expect(ageBand(row!.participant.birthDate, row!.participant.registeredOn)).toBe('age30_54');
    const [a] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'participant.create'), eq(auditLog.entityId, id)));
    expect(a!.n).toBe(1);
  });

  it('refuses a bad PESEL in words with the figures, and nothing is half-saved', async () => {
    const before = await counts();
    const wrong = `${pesel.slice(0, 10)}${(Number(pesel[10]) + 1) % 10}`;
    const e = await refusal(
      registerParticipant(t.db, { ...ctx(['advisor']), today, values: { ...base, pesel: wrong } }),
    );
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.fieldErrors.pesel).toEqual({
      key: 'participants.pesel.checkDigit',
      values: { expected: Number(pesel[10]), given: (Number(pesel[10]) + 1) % 10 },
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a PESEL that contradicts the typed birth date or sex', async () => {
    const e = await refusal(
      registerParticipant(t.db, {
        ...ctx(['animator']),
        today,
        values: { ...base, pesel, birthDate: '15.05.1984', sex: 'male' },
      }),
    );
    expect(e.fieldErrors.birthDate).toEqual({
      key: 'participants.form.birthDate.contradicts',
      values: { date: '14.05.1984' },
    });
    expect(e.fieldErrors.sex).toEqual({
      key: 'participants.form.sex.contradicts',
      values: { sex: 'female' },
    });
  });

  it('without a PESEL needs the birth date and sex; a future registration date is refused', async () => {
    const e = await refusal(
      registerParticipant(t.db, {
        ...ctx(['coordinator']),
        today,
        values: { ...base, noPesel: 'on', registeredOn: '2026-11-28' },
      }),
    );
    expect(e.fieldErrors).toMatchObject({
      birthDate: 'participants.form.birthDate.requiredNoPesel',
      sex: 'participants.form.sex.requiredNoPesel',
      registeredOn: 'participants.form.registeredOn.future',
    });
    const ok = await registerParticipant(t.db, {
      ...ctx(['coordinator']),
      today,
      values: {
        ...base,
        givenName: 'Olena',
        familyName: 'Kovalenko',
        noPesel: 'on',
        birthDate: '2.02.2000',
        sex: 'female',
        thirdCountryNational: 'yes',
      },
    });
    expect((await getParticipant(t.db, { localityId: wg.id, id: ok }))?.participant).toMatchObject({
      noPesel: true,
      pesel: '',
      birthDate: '2000-02-02',
      thirdCountryNational: 'yes',
    });
  });

  it('is for the coordinator, advisor and animator only', async () => {
    for (const r of ['leader', 'partner_rep', 'enterprise_member', 'participant'] as const)
      expect((await refusal(registerParticipant(t.db, { ...ctx([r]), today, values: base }))).code).toBe(
        'FORBIDDEN',
      );
  });

  it('is corrected, closed with a reason and reopened, each audited; another locality sees nothing', async () => {
    await updateParticipant(t.db, {
      ...ctx(['advisor']),
      id,
      today,
      values: { ...base, familyName: 'Nowak', pesel, registeredOn: '2026-11-03', homeless: 'no' },
    });
    expect((await getParticipant(t.db, { localityId: wg.id, id }))?.participant.homeless).toBe('no');
    expect(
      (
        await refusal(
          updateParticipant(t.db, { ...ctx(['advisor'], pz), id, today, values: { ...base, pesel } }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(await getParticipant(t.db, { localityId: pz.id, id })).toBeNull();
    const e = await refusal(
      closeParticipant(t.db, { ...ctx(['advisor']), id, today, values: { closedOn: '1.11.2026' } }),
    );
    expect(e.fieldErrors).toMatchObject({ closedReason: 'participants.close.reason.required' });
    const e2 = await refusal(
      closeParticipant(t.db, {
        ...ctx(['advisor']),
        id,
        today,
        values: { closedOn: '1.11.2026', closedReason: 'x' },
      }),
    );
    expect(e2.fieldErrors).toMatchObject({ closedOn: 'participants.close.closedOn.beforeRegistered' });
    await closeParticipant(t.db, {
      ...ctx(['advisor']),
      id,
      today,
      values: { closedReason: 'Podjęła pracę' },
    });
    expect((await getParticipant(t.db, { localityId: wg.id, id }))?.participant).toMatchObject({
      status: 'closed',
      closedOn: today,
      closedReason: 'Podjęła pracę',
    });
    await reopenParticipant(t.db, { ...ctx(['advisor']), id });
    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, id));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'participant.create',
        'participant.update',
        'participant.close',
        'participant.reopen',
      ]),
    );
  });

  it('is found by name ignoring case and Polish letters', async () => {
    await registerParticipant(t.db, {
      ...ctx(['advisor']),
      today,
      values: {
        ...base,
        givenName: 'Józef',
        familyName: 'Śliwiński',
        noPesel: 'on',
        birthDate: '1.01.1950',
        sex: 'male',
      },
    });
    const r = await searchParticipants(t.db, {
      localityId: wg.id,
      filter: { q: 'JOZEF sliwin', status: '' },
      offset: 0,
      limit: 50,
    });
    expect(r.rows.map((x) => x.familyName)).toEqual(['Śliwiński']);
    const none = await searchParticipants(t.db, {
      localityId: pz.id,
      filter: { q: '', status: '' },
      offset: 0,
      limit: 50,
    });
    expect(none.total).toBe(0);
  });

  it('reads and refused reads are audited and listed for the coordinator', async () => {
    await auditParticipantRead(t.db, { ...ctx(['advisor']), id });
    await refuseParticipantRead(t.db, { ...ctx(['leader']), id, reason: 'role' });
    const viewers = await lastViewers(t.db, { localityId: wg.id, id });
    expect(viewers.length).toBe(1);
    const log = await accessLog(t.db, {
      localityId: wg.id,
      filter: { staff: '', person: id },
      offset: 0,
      limit: 50,
    });
    expect(log.rows.map((r) => r.action).sort()).toEqual(['participant.read', 'participant.read_refused']);
    expect(log.rows[0]!.familyName).toBe('Nowak');
  });
});
