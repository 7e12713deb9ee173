import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, organisations } from '../../../db/schema/index.ts';
import { makeLocality, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor, recordingMail } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import type { Role } from '../../lib/roles.ts';
import { addContact, addContactEvent, completeFollowUp, sendFollowUpReminders } from './contacts.server.ts';
import { organisationSchema } from './organisation.schema.ts';
import { getOrganisation, searchOrganisations } from './organisations.queries.server.ts';
import { saveOrganisation } from './save-organisation.server.ts';

let t: TestDatabase;
let kwilcz: { id: string; slug: string; name: string };
let poznan: { id: string; slug: string; name: string };
let coordinator: { id: string; email: string };
let partner: { id: string };
const TODAY = '2026-11-27';

beforeAll(async () => {
  t = await createTestDatabase();
  kwilcz = await makeLocality(t.db, { terytCode: '3014022' });
  poznan = await makeLocality(t.db, { terytCode: '3064011' });
  coordinator = await makeUser(t.db, {
    email: 'koord@kwilcz.test',
    roles: [{ localityId: kwilcz.id, role: 'coordinator' }],
  });
  partner = await makeUser(t.db, { roles: [{ localityId: kwilcz.id, role: 'partner_rep' }] });
});
afterAll(async () => {
  await t.dispose();
});

const loc = (roles: Role[], l = kwilcz): ActorLocality => ({
  localityId: l.id,
  slug: l.slug,
  name: l.name,
  kind: 'rural',
  roles,
  organisationIds: [],
});
const input = (fields: Record<string, string>) => {
  const r = organisationSchema.safeParse(fields);
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
};
const save = (fields: Record<string, string>, roles: Role[] = ['coordinator'], l = kwilcz) =>
  saveOrganisation(t.db, {
    actor: actorFor(coordinator),
    locality: loc(roles, l),
    input: input(fields),
    today: TODAY,
  });

describe('the directory of local actors', () => {
  it('derives social-economy status from the legal form and kind, with the article letter', async () => {
    const assoc = await save({
      name: 'Stowarzyszenie „Razem dla Kwilcza”',
      kind: 'association',
      nip: '526-025-02-74',
    });
    const shop = await save({ name: 'Piekarnia Kowalski', kind: 'business' });
    const cis = await save({
      name: 'Centrum Integracji Społecznej w Kwilczu',
      kind: 'cis',
      legalForm: 'budgetary_unit',
    });
    const rows = await t.db
      .select({
        id: organisations.id,
        isPes: organisations.isPes,
        letter: organisations.pesLetter,
        legalForm: organisations.legalForm,
        nip: organisations.nip,
      })
      .from(organisations);
    const by = (r: { ok: boolean; id?: string }) => rows.find((x) => r.ok && 'id' in r && x.id === r.id)!;
    expect(by(assoc)).toMatchObject({
      isPes: true,
      letter: 'e',
      legalForm: 'association',
      nip: '5260250274',
    });
    expect(by(shop)).toMatchObject({ isPes: false, letter: null, legalForm: 'company' });
    expect(by(cis)).toMatchObject({ isPes: true, letter: 'c' });
  });

  it('refuses a second entry with the same NIP and names the existing one', async () => {
    await expect(
      save({ name: 'Zupełnie Inna Nazwa', kind: 'association', nip: '5260250274' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      fieldErrors: {
        nip: { key: 'organisations.form.nip.taken', values: { name: 'Stowarzyszenie „Razem dla Kwilcza”' } },
      },
    });
  });

  it('warns about a near-identical name until the person confirms it is different', async () => {
    const first = await save({ name: 'Stowarzyszenie Razem dla Kwilcza', kind: 'association' });
    expect(first).toEqual({
      ok: false,
      similar: [expect.objectContaining({ name: 'Stowarzyszenie „Razem dla Kwilcza”' })],
    });
    const confirmed = await save({
      name: 'Stowarzyszenie Razem dla Kwilcza',
      kind: 'association',
      confirmDistinct: '1',
    });
    expect(confirmed.ok).toBe(true);
  });

  it('keeps the same NIP in two localities apart', async () => {
    const other = await save(
      { name: 'Stowarzyszenie Razem', kind: 'association', nip: '5260250274' },
      ['coordinator'],
      poznan,
    );
    expect(other.ok).toBe(true);
  });

  it('finds organisations ignoring case and Polish diacritics, filtered by kind and status', async () => {
    await save({ name: 'Parafia Rzymskokatolicka pw. Świętej Jadwigi', kind: 'parish' });
    const search = (q: string, extra: Partial<{ kind: 'parish' | null; pes: boolean | null }> = {}) =>
      searchOrganisations(t.db, {
        localityId: kwilcz.id,
        filter: { q, kind: null, pes: null, ...extra },
        offset: 0,
        limit: 20,
      });
    expect((await search('SWIETEJ JADWIGI')).rows.map((r) => r.name)).toEqual([
      'Parafia Rzymskokatolicka pw. Świętej Jadwigi',
    ]);
    expect((await search('kwilcz')).total).toBe(3);
    expect((await search('', { kind: 'parish' })).total).toBe(1);
    expect((await search('', { pes: false })).rows.map((r) => r.name)).toEqual(['Piekarnia Kowalski']);
    // Poznań's entry never shows in Kwilcz.
    expect((await search('razem')).rows.every((r) => r.name.includes('Kwilcza'))).toBe(true);
  });

  it('refuses a partner representative and writes nothing', async () => {
    const before = (await t.db.select({ n: count() }).from(organisations))[0]!.n;
    await expect(
      saveOrganisation(t.db, {
        actor: actorFor(partner),
        locality: loc(['partner_rep']),
        input: input({ name: 'Nowa', kind: 'other' }),
        today: TODAY,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.db.select({ n: count() }).from(organisations))[0]!.n).toBe(before);
  });

  it('refuses identifiers with wrong check digits, explaining them', () => {
    const r = organisationSchema.safeParse({
      name: 'X',
      kind: 'other',
      nip: '5260250275',
      regon: '12345',
      krs: 'abc',
    });
    expect(r.success).toBe(false);
    const issues = Object.fromEntries(
      (r.error?.issues ?? []).map((i) => [
        i.path[0],
        [i.message, i.code === 'custom' ? i.params : undefined],
      ]),
    );
    expect(issues.nip).toEqual(['organisations.id.checkDigit', { typed: 5, expected: 4 }]);
    expect(issues.regon).toEqual(['organisations.id.regon.length', { count: 5 }]);
    expect(issues.krs?.[0]).toBe('organisations.id.krs.digits');
  });

  it('audits every write with the actor and request', async () => {
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.action, 'organisation.create'));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.every((r) => r.actorUserId === coordinator.id && r.requestId === 'test-request')).toBe(true);
  });

  it('reads the social-economy rule from the dated parameter table, with its source', async () => {
    const p = await legalParameter<{ kinds: Record<string, string> }>(t.db, 'pes.entities', TODAY);
    expect(p.source).toContain('art. 2 pkt 5');
    expect(p.value.kinds.kis).toBe('c');
    await expect(legalParameter(t.db, 'pes.entities', '2021-01-01')).rejects.toThrow(/No legal parameter/);
  });
});

describe('contacts and follow-ups', () => {
  it('records contacts with a legal basis, and reminds the owner once when a follow-up falls due', async () => {
    const [org] = (
      await searchOrganisations(t.db, {
        localityId: kwilcz.id,
        filter: { q: 'piekarnia', kind: null, pes: null },
        offset: 0,
        limit: 1,
      })
    ).rows;
    const actor = actorFor(coordinator);
    const contactId = await addContact(t.db, {
      actor,
      locality: loc(['coordinator']),
      organisationId: org!.id,
      input: {
        name: 'Jan Kowalski',
        role: 'właściciel',
        email: 'jan@piekarnia.test',
        phone: '',
        legalBasis: 'consent',
        basisNote: 'zgoda ustna',
      },
    });
    await expect(
      addContactEvent(t.db, {
        actor,
        locality: loc(['coordinator']),
        organisationId: org!.id,
        input: {
          happenedOn: '2026-11-20',
          channel: 'visit',
          summary: 'Rozmowa o zamówieniach dla klubu',
          contactId,
          followUp: 'Wysłać ofertę',
          followUpDue: '2026-11-19',
          followUpOwnerId: null,
        },
      }),
    ).rejects.toMatchObject({
      code: 'DOMAIN_RULE',
      fieldErrors: { followUpDue: 'organisations.events.dueBeforeContact' },
    });
    const eventId = await addContactEvent(t.db, {
      actor,
      locality: loc(['coordinator']),
      organisationId: org!.id,
      input: {
        happenedOn: '2026-11-20',
        channel: 'visit',
        summary: 'Rozmowa o zamówieniach dla klubu',
        contactId,
        followUp: 'Wysłać ofertę',
        followUpDue: '2026-11-27',
        followUpOwnerId: null,
      },
    });
    const mail = recordingMail();
    expect(
      await sendFollowUpReminders(t.db, { mail, today: '2026-11-26', baseUrl: 'https://s.example' }),
    ).toBe(0);
    expect(await sendFollowUpReminders(t.db, { mail, today: TODAY, baseUrl: 'https://s.example' })).toBe(1);
    expect(mail.sent[0]).toMatchObject({
      to: 'koord@kwilcz.test',
      subject: 'Splot: przypomnienie – Piekarnia Kowalski',
    });
    expect(mail.sent[0]!.text).toContain(`https://s.example/app/kwilcz/organisations/${org!.id}`);
    expect(
      await sendFollowUpReminders(t.db, { mail, today: '2026-11-28', baseUrl: 'https://s.example' }),
    ).toBe(0);
    await completeFollowUp(t.db, { actor, locality: loc(['coordinator']), organisationId: org!.id, eventId });
    await expect(
      completeFollowUp(t.db, { actor, locality: loc(['coordinator']), organisationId: org!.id, eventId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('does not reach another locality’s organisation', async () => {
    const [org] = (
      await searchOrganisations(t.db, {
        localityId: poznan.id,
        filter: { q: '', kind: null, pes: null },
        offset: 0,
        limit: 1,
      })
    ).rows;
    expect(await getOrganisation(t.db, { localityId: kwilcz.id, id: org!.id })).toBeNull();
    await expect(
      addContact(t.db, {
        actor: actorFor(coordinator),
        locality: loc(['coordinator']),
        organisationId: org!.id,
        input: { name: 'X', role: '', email: '', phone: '', legalBasis: 'consent', basisNote: '' },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
