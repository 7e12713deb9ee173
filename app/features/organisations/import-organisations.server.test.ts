import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../../db/schema/index.ts';
import { makeLocality, makeOrganisation, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { importOrganisations } from './import-organisations.server.ts';

let t: TestDatabase;
let kwilcz: { id: string; slug: string; name: string };
let coordinator: { id: string };
const TODAY = '2026-11-27';

const CP1250: Record<string, number> = {
  ą: 0xb9,
  ć: 0xe6,
  ę: 0xea,
  ł: 0xb3,
  ń: 0xf1,
  ó: 0xf3,
  ś: 0x9c,
  ź: 0x9f,
  ż: 0xbf,
  Ą: 0xa5,
  Ć: 0xc6,
  Ę: 0xca,
  Ł: 0xa3,
  Ń: 0xd1,
  Ó: 0xd3,
  Ś: 0x8c,
  Ź: 0x8f,
  Ż: 0xaf,
  '„': 0x84,
  '”': 0x94,
};
function windows1250(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => CP1250[ch] ?? ch.charCodeAt(0)));
}
const utf8 = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  t = await createTestDatabase();
  kwilcz = await makeLocality(t.db, { terytCode: '3014022' });
  coordinator = await makeUser(t.db, { roles: [{ localityId: kwilcz.id, role: 'coordinator' }] });
  await makeOrganisation(t.db, {
    localityId: kwilcz.id,
    name: 'Gminny Ośrodek Pomocy Społecznej w Kwilczu',
    kind: 'ops',
    nip: '5260250274',
  });
});
afterAll(async () => {
  await t.dispose();
});

const loc: () => ActorLocality = () => ({
  localityId: kwilcz.id,
  slug: kwilcz.slug,
  name: kwilcz.name,
  kind: 'rural',
  roles: ['coordinator'],
  organisationIds: [],
});
const run = (bytes: Uint8Array) =>
  importOrganisations(t.db, { actor: actorFor(coordinator), locality: loc(), bytes, today: TODAY });
const total = async () =>
  (await t.db.select({ n: count() }).from(organisations).where(eq(organisations.localityId, kwilcz.id)))[0]!
    .n;

describe('importing organisations from CSV', () => {
  it('reports every problem by line and column, and imports nothing', async () => {
    const file = [
      'Nazwa;Rodzaj;NIP;Kod pocztowy',
      'Stowarzyszenie Łąka;stowarzyszenie;;64-420',
      'Klub Sportowy Orzeł;klub;;',
      ';parafia;;',
      'Piekarnia Nowak;firma;526-025-02-75;64420',
      'Stowarzyszenie Łąka;stowarzyszenie;;',
      'GOPS Kwilcz;OPS;5260250274;',
    ].join('\r\n');
    const before = await total();
    const r = await run(utf8(file));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.column, e.messageKey])).toEqual([
      [3, 'Rodzaj', 'organisations.import.kindUnknown'],
      [4, 'Nazwa', 'import.value.required'],
      [5, 'NIP', 'organisations.id.checkDigit'],
      [6, 'Nazwa', 'organisations.import.duplicateInFile'],
      [7, 'NIP', 'organisations.import.alreadyInDirectory'],
    ]);
    expect(r.errors.find((e) => e.line === 5)?.values).toEqual({ typed: 5, expected: 4 });
    expect(await total()).toBe(before);
  });

  it('reads a Windows-1250 file from an older office system and imports all of it', async () => {
    const file = [
      'nazwa;rodzaj;forma prawna;REGON;miejscowość',
      'Koło Gospodyń Wiejskich w Mościejewie;inny;koło gospodyń wiejskich;;Mościejewo',
      'Parafia pw. św. Wawrzyńca;parafia;;;Kwilcz',
      'Spółdzielnia Socjalna „Żurawinka”;spółdzielnia socjalna;;123456785;Kwilcz',
    ].join('\r\n');
    const r = await run(windows1250(file));
    expect(r).toEqual({ ok: true, imported: 3 });
    const rows = await t.db
      .select({
        name: organisations.name,
        isPes: organisations.isPes,
        legalForm: organisations.legalForm,
        city: organisations.city,
      })
      .from(organisations)
      .where(eq(organisations.localityId, kwilcz.id));
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          name: 'Koło Gospodyń Wiejskich w Mościejewie',
          isPes: true,
          legalForm: 'rural_housewives_circle',
          city: 'Mościejewo',
        },
        { name: 'Parafia pw. św. Wawrzyńca', isPes: true, legalForm: 'church_legal_person', city: 'Kwilcz' },
        {
          name: 'Spółdzielnia Socjalna „Żurawinka”',
          isPes: true,
          legalForm: 'social_cooperative',
          city: 'Kwilcz',
        },
      ]),
    );
  });

  it('says clearly when the file is not a CSV or lacks a required column', async () => {
    const xlsx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    expect(await run(xlsx)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ messageKey: 'import.file.not_text' })],
    });
    const noKind = await run(utf8('nazwa;miasto\nX;Kwilcz\n'));
    expect(noKind).toMatchObject({ ok: false, errors: [{ line: 1, messageKey: 'import.column.missing' }] });
    expect(await run(new Uint8Array())).toMatchObject({
      ok: false,
      errors: [{ messageKey: 'import.file.empty' }],
    });
  });

  it('refuses anyone who does not keep the directory', async () => {
    const partner = await makeUser(t.db, { roles: [{ localityId: kwilcz.id, role: 'partner_rep' }] });
    await expect(
      importOrganisations(t.db, {
        actor: actorFor(partner),
        locality: { ...loc(), roles: ['partner_rep'] },
        bytes: utf8('nazwa;rodzaj\nA;inny\n'),
        today: TODAY,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
