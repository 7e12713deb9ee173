import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, inKindEntries, people, volunteerHours, volunteers } from '../../../db/schema/index.ts';
import { makeLocality, makeOrganisation, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import type { Role } from '../../lib/roles.ts';
import {
  candidatePeople,
  getVolunteer,
  listHours,
  searchVolunteers,
  volunteerDataOf,
} from './volunteers.queries.server.ts';
import {
  deleteHours,
  endVolunteer,
  HOURS_SOURCE,
  hourlyRateOn,
  logHours,
  registerVolunteer,
  updateHours,
  updateVolunteer,
} from './volunteers.server.ts';

let t: TestDatabase;
let wg: { id: string; slug: string; name: string };
let pz: { id: string; slug: string; name: string };
let user: { id: string };
let parish: { id: string };
let osp: { id: string };
let pzOrg: { id: string };
const today = '2026-11-27';

beforeAll(async () => {
  t = await createTestDatabase();
  wg = await makeLocality(t.db, { terytCode: '3028011' });
  pz = await makeLocality(t.db, { terytCode: '3064011' });
  user = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'animator' }] });
  parish = await makeOrganisation(t.db, { localityId: wg.id, name: 'Parafia św. Jana', kind: 'parish' });
  osp = await makeOrganisation(t.db, { localityId: wg.id, name: 'OSP Wągrowiec', kind: 'association' });
  pzOrg = await makeOrganisation(t.db, { localityId: pz.id, name: 'Bank Żywności', kind: 'association' });
});
afterAll(async () => {
  await t.dispose();
});

const ctx = (roles: Role[], loc = wg, organisationIds: string[] = []) => ({
  actor: actorFor(user),
  locality: {
    localityId: loc.id,
    slug: loc.slug,
    name: loc.name,
    kind: 'urban',
    roles,
    organisationIds,
  } as ActorLocality,
  today,
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

const newPerson = { givenName: 'Zofia', familyName: 'Łęcka', legalBasis: 'consent', email: '', phone: '' };
const agreement = {
  since: '1.01.2025',
  agreementScope: 'Pomoc przy zbiórkach żywności',
  agreementFrom: '1.01.2025',
};

async function audits(action: string, entityId: string) {
  const [r] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
  return r!.n;
}
async function ledgerOf(hoursId: string) {
  return t.db
    .select()
    .from(inKindEntries)
    .where(and(eq(inKindEntries.source, HOURS_SOURCE), eq(inKindEntries.sourceId, hoursId)));
}

describe('registering a volunteer', () => {
  it('records a new person and the volunteer in one go, audited', async () => {
    const id = await registerVolunteer(t.db, {
      ...ctx(['animator']),
      personId: null,
      person: newPerson,
      values: { ...agreement, organisationId: parish.id, skills: 'prawo jazdy' },
    });
    const row = await getVolunteer(t.db, { localityId: wg.id, id });
    expect(row?.person).toMatchObject({ givenName: 'Zofia', familyName: 'Łęcka', legalBasis: 'consent' });
    expect(row?.volunteer).toMatchObject({
      since: '2025-01-01',
      status: 'active',
      agreementFrom: '2025-01-01',
      agreementTo: null,
      agreementSignedOn: null,
    });
    expect(row?.organisation?.name).toBe('Parafia św. Jana');
    expect(await audits('volunteer.create', id)).toBe(1);
  });

  it('takes an existing person of the locality, found ignoring Polish letters, once only', async () => {
    const [p] = await t.db
      .insert(people)
      .values({ localityId: wg.id, givenName: 'Łukasz', familyName: 'Żak', legalBasis: 'public_task' })
      .returning({ id: people.id });
    const found = await candidatePeople(t.db, { localityId: wg.id, query: 'lukasz zak' });
    expect(found.rows.map((r) => r.id)).toContain(p!.id);
    const id = await registerVolunteer(t.db, {
      ...ctx(['advisor']),
      personId: p!.id,
      person: null,
      values: { ...agreement, organisationId: '' },
    });
    expect(id).toBe(p!.id);
    expect((await candidatePeople(t.db, { localityId: wg.id, query: 'zak' })).rows).toHaveLength(0);
    const again = await refusal(
      registerVolunteer(t.db, { ...ctx(['advisor']), personId: p!.id, person: null, values: agreement }),
    );
    expect(again.fieldErrors.personId).toBe('volunteers.form.person.already');
  });

  it("refuses another locality's person and organisation, and bad dates, saving nothing", async () => {
    const [before] = await t.db.select({ n: count() }).from(volunteers);
    const [other] = await t.db
      .insert(people)
      .values({ localityId: pz.id, givenName: 'Ewa', familyName: 'Obca', legalBasis: 'consent' })
      .returning({ id: people.id });
    const e1 = await refusal(
      registerVolunteer(t.db, { ...ctx(['animator']), personId: other!.id, person: null, values: agreement }),
    );
    expect(e1.fieldErrors.personId).toBe('volunteers.form.person.unknown');
    const e2 = await refusal(
      registerVolunteer(t.db, {
        ...ctx(['animator']),
        personId: null,
        person: newPerson,
        values: { ...agreement, organisationId: pzOrg.id },
      }),
    );
    expect(e2.fieldErrors.organisationId).toBe('volunteers.form.organisation.unknown');
    const e3 = await refusal(
      registerVolunteer(t.db, {
        ...ctx(['animator']),
        personId: null,
        person: { ...newPerson, givenName: '' },
        values: {
          since: '',
          agreementScope: '',
          agreementFrom: '10.03.2026',
          agreementTo: '1.03.2026',
          agreementSignedOn: '1.01.2099',
        },
      }),
    );
    expect(e3.fieldErrors).toMatchObject({
      givenName: 'club.people.givenName.required',
      since: 'volunteers.form.since.required',
      agreementScope: 'volunteers.form.scope.required',
    });
    const e4 = await refusal(
      registerVolunteer(t.db, {
        ...ctx(['animator']),
        personId: null,
        person: newPerson,
        values: {
          ...agreement,
          agreementFrom: '10.03.2026',
          agreementTo: '1.03.2026',
          agreementSignedOn: '1.01.2099',
        },
      }),
    );
    expect(e4.fieldErrors).toEqual({
      agreementTo: 'volunteers.form.agreementTo.beforeFrom',
      agreementSignedOn: 'volunteers.form.signedOn.future',
    });
    const [after] = await t.db.select({ n: count() }).from(volunteers);
    expect(after!.n).toBe(before!.n);
  });

  it('is refused to a leader and a partner representative', async () => {
    for (const role of ['leader', 'partner_rep'] as Role[]) {
      const e = await refusal(
        registerVolunteer(t.db, { ...ctx([role]), personId: null, person: newPerson, values: agreement }),
      );
      expect(e.code).toBe('FORBIDDEN');
    }
  });
});

describe('hours and the in-kind ledger', () => {
  let vid: string;
  beforeAll(async () => {
    vid = await registerVolunteer(t.db, {
      ...ctx(['coordinator']),
      personId: null,
      person: { ...newPerson, givenName: 'Marta', familyName: 'Godzinna' },
      values: { ...agreement, since: '1.06.2025', organisationId: osp.id },
    });
  });

  it('finds the rate in force on the day', async () => {
    expect(await hourlyRateOn(t.db, '2025-12-31')).toBe('30.50');
    expect(await hourlyRateOn(t.db, '2026-01-01')).toBe('31.40');
    expect(await hourlyRateOn(t.db, '2024-12-31')).toBeNull();
  });

  it('values hours at the rate of THAT day and writes one ledger entry per row, without the name', async () => {
    const h25 = await logHours(t.db, {
      ...ctx(['animator']),
      personId: vid,
      values: { workedOn: '15.12.2025', hours: '2,5', activity: 'Zbiórka żywności', organisationId: osp.id },
    });
    const h26 = await logHours(t.db, {
      ...ctx(['animator']),
      personId: vid,
      values: { workedOn: '2026-03-10', hours: '2,5', activity: 'Festyn', organisationId: '' },
    });
    const rows = await t.db.select().from(volunteerHours).where(eq(volunteerHours.personId, vid));
    expect(rows.find((r) => r.id === h25)).toMatchObject({
      ratePln: '30.50',
      valuePln: '76.25',
      hours: '2.50',
    });
    expect(rows.find((r) => r.id === h26)).toMatchObject({ ratePln: '31.40', valuePln: '78.50' });
    const [e25] = await ledgerOf(h25);
    expect(e25).toMatchObject({
      localityId: wg.id,
      kind: 'volunteers',
      description: 'Wolontariat: Zbiórka żywności (2,5 h)',
      valuePln: '76.25',
      organisationId: osp.id,
      occurredFrom: '2025-12-15',
    });
    expect(e25!.description).not.toContain('Godzinna');
    expect((await ledgerOf(h26))[0]).toMatchObject({ valuePln: '78.50', organisationId: null });
    expect(await audits('volunteer.hours_log', vid)).toBe(2);
    const list = await listHours(t.db, {
      localityId: wg.id,
      personId: vid,
      year: '2026',
      offset: 0,
      limit: 20,
    });
    expect(list).toMatchObject({ total: 2, hours: 5, value: 154.75, yearHours: 2.5, yearValue: 78.5 });
  });

  it('keeps the ledger in step when a row is corrected (re-valued by its new date) or removed', async () => {
    const id = await logHours(t.db, {
      ...ctx(['advisor']),
      personId: vid,
      values: { workedOn: '2.01.2026', hours: '4', activity: 'Dyżur', organisationId: osp.id },
    });
    expect((await ledgerOf(id))[0]!.valuePln).toBe('125.60');
    await updateHours(t.db, {
      ...ctx(['advisor']),
      personId: vid,
      hoursId: id,
      values: {
        workedOn: '31.12.2025',
        hours: '3',
        activity: 'Dyżur sylwestrowy',
        organisationId: parish.id,
      },
    });
    const [row] = await t.db.select().from(volunteerHours).where(eq(volunteerHours.id, id));
    expect(row).toMatchObject({ ratePln: '30.50', valuePln: '91.50', workedOn: '2025-12-31' });
    expect((await ledgerOf(id))[0]).toMatchObject({
      valuePln: '91.50',
      description: 'Wolontariat: Dyżur sylwestrowy (3 h)',
      organisationId: parish.id,
      occurredFrom: '2025-12-31',
    });
    await deleteHours(t.db, { ...ctx(['advisor']), personId: vid, hoursId: id });
    expect(await t.db.select().from(volunteerHours).where(eq(volunteerHours.id, id))).toHaveLength(0);
    expect(await ledgerOf(id)).toHaveLength(0);
    expect(await audits('volunteer.hours_update', vid)).toBe(1);
    expect(await audits('volunteer.hours_delete', vid)).toBe(1);
  });

  it('refuses a future day, a day before the start, bad hours; nothing is written', async () => {
    const [before] = await t.db.select({ n: count() }).from(inKindEntries);
    const e1 = await refusal(
      logHours(t.db, {
        ...ctx(['animator']),
        personId: vid,
        values: { workedOn: '28.11.2026', hours: '2', activity: 'X' },
      }),
    );
    expect(e1.fieldErrors.workedOn).toBe('volunteers.hours.workedOn.future');
    const e2 = await refusal(
      logHours(t.db, {
        ...ctx(['animator']),
        personId: vid,
        values: { workedOn: '31.05.2025', hours: '2', activity: 'X' },
      }),
    );
    expect(e2.fieldErrors.workedOn).toEqual({
      key: 'volunteers.hours.workedOn.beforeSince',
      values: { date: '1.06.2025' },
    });
    const e3 = await refusal(
      logHours(t.db, {
        ...ctx(['animator']),
        personId: vid,
        values: { workedOn: '1.06.2026', hours: '25', activity: '' },
      }),
    );
    expect(e3.fieldErrors).toEqual({
      hours: 'volunteers.hours.hours.range',
      activity: 'volunteers.hours.activity.required',
    });
    const [after] = await t.db.select({ n: count() }).from(inKindEntries);
    expect(after!.n).toBe(before!.n);
  });

  it("answers another locality's volunteer or hours row with 404", async () => {
    const e1 = await refusal(
      logHours(t.db, {
        ...ctx(['coordinator'], pz),
        personId: vid,
        values: { workedOn: '1.06.2026', hours: '2', activity: 'X' },
      }),
    );
    expect(e1.code).toBe('NOT_FOUND');
    expect(await getVolunteer(t.db, { localityId: pz.id, id: vid })).toBeNull();
    const e2 = await refusal(deleteHours(t.db, { ...ctx(['coordinator'], pz), personId: vid, hoursId: vid }));
    expect(e2.code).toBe('NOT_FOUND');
    const e3 = await refusal(endVolunteer(t.db, { ...ctx(['coordinator'], pz), id: vid }));
    expect(e3.code).toBe('NOT_FOUND');
  });

  it("lets a partner representative log hours for their organisation's volunteer only", async () => {
    const id = await logHours(t.db, {
      ...ctx(['partner_rep'], wg, [osp.id]),
      personId: vid,
      values: { workedOn: '1.06.2026', hours: '1', activity: 'Pokaz', organisationId: parish.id },
    });
    // The representative speaks for their organisation: the hours are the OSP's.
    expect((await ledgerOf(id))[0]!.organisationId).toBe(osp.id);
    const e = await refusal(
      logHours(t.db, {
        ...ctx(['partner_rep'], wg, [parish.id]),
        personId: vid,
        values: { workedOn: '1.06.2026', hours: '1', activity: 'Pokaz' },
      }),
    );
    expect(e.code).toBe('FORBIDDEN');
  });

  it('records the signing date and ends the volunteering once', async () => {
    await updateVolunteer(t.db, {
      ...ctx(['coordinator']),
      id: vid,
      values: { ...agreement, since: '1.06.2025', organisationId: osp.id, agreementSignedOn: '2.01.2025' },
    });
    expect((await getVolunteer(t.db, { localityId: wg.id, id: vid }))?.volunteer.agreementSignedOn).toBe(
      '2025-01-02',
    );
    await endVolunteer(t.db, { ...ctx(['coordinator']), id: vid });
    const e = await refusal(endVolunteer(t.db, { ...ctx(['coordinator']), id: vid }));
    expect(e.messageKey).toBe('volunteers.end.already');
    expect(await audits('volunteer.end', vid)).toBe(1);
  });

  it('lists the register with hours of the year, searched ignoring Polish letters, filtered by status', async () => {
    const r = await searchVolunteers(t.db, {
      localityId: wg.id,
      filter: { q: 'GODZINNA marta', status: '' },
      year: '2026',
      offset: 0,
      limit: 20,
    });
    expect(r.total).toBe(1);
    expect(r.rows[0]).toMatchObject({
      familyName: 'Godzinna',
      status: 'ended',
      organisationName: 'OSP Wągrowiec',
    });
    expect(r.rows[0]!.hours).toBe(3.5);
    expect(r.hours).toBe(3.5);
    expect(r.value).toBeCloseTo(78.5 + 31.4, 2);
    const active = await searchVolunteers(t.db, {
      localityId: wg.id,
      filter: { q: 'lecka', status: 'active' },
      year: '2026',
      offset: 0,
      limit: 20,
    });
    expect(active.rows.map((x) => x.familyName)).toEqual(['Łęcka']);
  });

  it('exports the volunteer record and hours of a person, only in its own locality', async () => {
    const data = await volunteerDataOf(t.db, { localityId: wg.id, personId: vid });
    expect(data).toMatchObject({ organisation: 'OSP Wągrowiec', status: 'ended', since: '2025-06-01' });
    expect(data!.hours.map((h) => h.workedOn)).toEqual(['2025-12-15', '2026-03-10', '2026-06-01']);
    expect(await volunteerDataOf(t.db, { localityId: pz.id, personId: vid })).toBeNull();
  });
});
