import { and, eq } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createRoutesStub } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlCounter } from '../../../db/client.ts';
import {
  auditLog,
  labourStatuses,
  participantCategories,
  participantConsents,
  participants,
  people,
} from '../../../db/schema/index.ts';
import { makeLocality, makeOrganisation, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor } from '../../../tests/setup/services.ts';
import { ShellContext } from '../../components/ui/i18n-context.tsx';
import type { ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import type { Role } from '../../lib/roles.ts';
import { ParticipantSideSections } from './components/side-sections.tsx';
import { handleSideIntent, loadParticipantSide } from './side.server.ts';

let t: TestDatabase;
let kwilcz: { id: string; slug: string; name: string };
let poznan: { id: string; slug: string; name: string };
let gops: { id: string };
let poznanOrg: { id: string };
let advisor: { id: string };
let leader: { id: string };
let anna: string;
let obcy: string;
const TODAY = '2026-11-27';

async function makeParticipant(localityId: string, givenName: string, registeredOn: string) {
  const [p] = await t.db
    .insert(people)
    .values({ localityId, givenName, familyName: 'Testowa', legalBasis: 'public_task' })
    .returning({ id: people.id });
  await t.db.insert(participants).values({ personId: p!.id, localityId, registeredOn });
  return p!.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  kwilcz = await makeLocality(t.db, { terytCode: '3014022' });
  poznan = await makeLocality(t.db, { terytCode: '3064011' });
  gops = await makeOrganisation(t.db, {
    localityId: kwilcz.id,
    name: 'Gminny Ośrodek Pomocy Społecznej w Kwilczu',
    kind: 'ops',
  });
  poznanOrg = await makeOrganisation(t.db, {
    localityId: poznan.id,
    name: 'Fundacja z Poznania',
    kind: 'foundation',
  });
  advisor = await makeUser(t.db, {
    name: 'Ewa Doradczyni',
    roles: [{ localityId: kwilcz.id, role: 'advisor' }],
  });
  leader = await makeUser(t.db, { roles: [{ localityId: kwilcz.id, role: 'leader' }] });
  anna = await makeParticipant(kwilcz.id, 'Anna', '2026-10-01');
  obcy = await makeParticipant(poznan.id, 'Jan', '2026-10-01');
});
afterAll(async () => {
  await t.dispose();
});

const loc = (roles: Role[]): ActorLocality => ({
  localityId: kwilcz.id,
  slug: kwilcz.slug,
  name: kwilcz.name,
  kind: 'rural',
  roles,
  organisationIds: [],
});

function send(
  intent: string,
  fields: Record<string, string>,
  opts: { personId?: string; user?: { id: string }; roles?: Role[] } = {},
) {
  const form = new FormData();
  form.set('intent', intent);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return handleSideIntent({
    db: t.db,
    actor: actorFor(opts.user ?? advisor),
    locality: loc(opts.roles ?? ['advisor']),
    personId: opts.personId ?? anna,
    intent,
    form,
    today: TODAY,
  });
}

const countRows = async () => {
  const [c, k, s, a] = await Promise.all([
    t.db.select({ id: participantConsents.id }).from(participantConsents),
    t.db.select({ c: participantCategories.category }).from(participantCategories),
    t.db.select({ id: labourStatuses.id }).from(labourStatuses),
    t.db.select({ id: auditLog.id }).from(auditLog),
  ]);
  return { consents: c.length, categories: k.length, statuses: s.length, audit: a.length };
};

const side = () => loadParticipantSide(t.db, { localityId: kwilcz.id, personId: anna, today: TODAY });

describe('consents of a participant', () => {
  it('are recorded per purpose, with an audit row, and shown as in force', async () => {
    const r = await send('side.recordConsent', {
      purpose: 'support',
      basis: 'consent',
      givenOn: '1.10.2026',
    });
    expect(r).toEqual({ ok: true, flashKey: 'participants.side.flash.consentRecorded', anchor: '#consents' });
    const s = await side();
    const support = s.consents.find((c) => c.purpose === 'support')!;
    expect(support.active).toHaveLength(1);
    expect(support.active[0]).toMatchObject({ basis: 'consent', givenOn: '2026-10-01', withdrawable: true });
    expect(support.active[0]!.recordedByName).toBe('Ewa Doradczyni');
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'participant.consent.record'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: advisor.id, localityId: kwilcz.id, entityId: anna });
  });

  it('a second consent in force for the same purpose is refused with an explanation', async () => {
    const before = await countRows();
    const r = await send('side.recordConsent', {
      purpose: 'support',
      basis: 'consent',
      givenOn: '2026-11-01',
    });
    expect(r).toEqual({
      ok: false,
      status: 409,
      errors: { purpose: { key: 'participants.side.consent.duplicate', values: { date: '1.10.2026' } } },
    });
    expect(await countRows()).toEqual(before);
  });

  it('sharing needs an organisation of this locality, named on the page', async () => {
    const before = await countRows();
    expect(
      await send('side.recordConsent', { purpose: 'share_partner', basis: 'consent', givenOn: '2026-11-01' }),
    ).toMatchObject({
      ok: false,
      errors: { organisationId: 'participants.side.consent.organisation.required' },
    });
    expect(
      await send('side.recordConsent', {
        purpose: 'share_partner',
        organisationId: poznanOrg.id,
        basis: 'consent',
        givenOn: '2026-11-01',
      }),
    ).toMatchObject({
      ok: false,
      errors: { organisationId: 'participants.side.consent.organisation.required' },
    });
    expect(await countRows()).toEqual(before);
    const ok = await send('side.recordConsent', {
      purpose: 'share_partner',
      organisationId: gops.id,
      basis: 'consent',
      givenOn: '2026-11-01',
    });
    expect(ok).toMatchObject({ ok: true });
    const again = await send('side.recordConsent', {
      purpose: 'share_partner',
      organisationId: gops.id,
      basis: 'consent',
      givenOn: '2026-11-02',
    });
    expect(again).toMatchObject({ ok: false, status: 409 });
    const s = await side();
    const share = s.consents.find((c) => c.purpose === 'share_partner')!;
    expect(share.active.map((c) => c.organisationName)).toEqual([
      'Gminny Ośrodek Pomocy Społecznej w Kwilczu',
    ]);
    expect(s.options.organisations.map((o) => o.id)).toEqual([gops.id]);
  });

  it('a consent date in the future is refused', async () => {
    const before = await countRows();
    expect(
      await send('side.recordConsent', { purpose: 'photos', basis: 'consent', givenOn: '2026-11-28' }),
    ).toMatchObject({
      ok: false,
      errors: { givenOn: 'participants.side.consent.givenOn.future' },
    });
    expect(await countRows()).toEqual(before);
  });

  it('withdrawing is refused before the given date, in the future, and for another basis', async () => {
    await send('side.recordConsent', { purpose: 'contact', basis: 'public_task', givenOn: '2026-10-05' });
    const s = await side();
    const support = s.consents.find((c) => c.purpose === 'support')!.active[0]!;
    const contact = s.consents.find((c) => c.purpose === 'contact')!.active[0]!;
    expect(contact.withdrawable).toBe(false);
    const before = await countRows();
    expect(
      await send('side.withdrawConsent', { consentId: support.id, withdrawnOn: '2026-09-30' }),
    ).toMatchObject({
      ok: false,
      errors: { withdrawnOn: { key: 'participants.side.withdraw.beforeGiven' } },
    });
    expect(
      await send('side.withdrawConsent', { consentId: support.id, withdrawnOn: '2026-11-28' }),
    ).toMatchObject({
      ok: false,
      errors: { withdrawnOn: 'participants.side.withdraw.future' },
    });
    expect(
      await send('side.withdrawConsent', { consentId: contact.id, withdrawnOn: '2026-11-20' }),
    ).toMatchObject({
      ok: false,
      errors: { consentId: 'participants.side.withdraw.notConsent' },
    });
    expect(await countRows()).toEqual(before);
  });

  it('withdrawing consent to support is recorded and the page says support needs another basis', async () => {
    const before = await side();
    expect(before.supportNeedsOtherBasis).toBe(false);
    const support = before.consents.find((c) => c.purpose === 'support')!.active[0]!;
    const r = await send('side.withdrawConsent', { consentId: support.id, withdrawnOn: '20.11.2026' });
    expect(r).toEqual({
      ok: true,
      flashKey: 'participants.side.flash.supportWithdrawn',
      anchor: '#consents',
    });
    const after = await side();
    const s = after.consents.find((c) => c.purpose === 'support')!;
    expect(s.active).toHaveLength(0);
    expect(s.history[0]).toMatchObject({
      withdrawnOn: '2026-11-20',
      withdrawnByName: 'Ewa Doradczyni',
      withdrawable: false,
    });
    expect(after.supportNeedsOtherBasis).toBe(true);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'participant.consent.withdraw'));
    expect(audits).toHaveLength(1);
    expect(
      await send('side.withdrawConsent', { consentId: support.id, withdrawnOn: '2026-11-21' }),
    ).toMatchObject({
      ok: false,
      errors: { consentId: 'participants.side.withdraw.already' },
    });
    // Support continues on another basis: then the page no longer warns.
    expect(
      await send('side.recordConsent', { purpose: 'support', basis: 'public_task', givenOn: '2026-11-21' }),
    ).toMatchObject({
      ok: true,
    });
    expect((await side()).supportNeedsOtherBasis).toBe(false);
  });
});

describe('at-risk categories', () => {
  it('come from the legal parameter, with references and the unverified ones flagged', async () => {
    const s = await side();
    expect(s.categoryParameter.source).toContain('art. 2 pkt 6');
    const unemployed = s.options.categories.find((c) => c.key === 'unemployed')!;
    expect(unemployed).toMatchObject({ ref: 'art. 2 pkt 6 lit. a', verified: true, assigned: false });
    expect(s.options.categories.find((c) => c.key === 'refugee')?.verified).toBe(false);
  });

  it('are added with evidence and removed, each with an audit row', async () => {
    const r = await send('side.addCategory', { category: 'refugee', evidence: 'decyzja UdSC', notedOn: '' });
    expect(r).toEqual({ ok: true, flashKey: 'participants.side.flash.categoryAdded', anchor: '#categories' });
    const s = await side();
    expect(s.categories).toEqual([
      {
        key: 'refugee',
        evidence: 'decyzja UdSC',
        notedOn: TODAY,
        ref: 'art. 2 pkt 6',
        verified: false,
        listed: true,
      },
    ]);
    expect(await send('side.addCategory', { category: 'refugee' })).toMatchObject({
      ok: false,
      status: 409,
      errors: { category: 'participants.side.category.already' },
    });
    expect(await send('side.removeCategory', { category: 'refugee' })).toMatchObject({ ok: true });
    expect((await side()).categories).toEqual([]);
    const audits = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, anna));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['participant.category.add', 'participant.category.remove']),
    );
  });

  it('a category not on the list is refused, nothing written', async () => {
    const before = await countRows();
    expect(await send('side.addCategory', { category: 'left_handed' })).toMatchObject({
      ok: false,
      errors: { category: 'participants.side.category.notListed' },
    });
    expect(await countRows()).toEqual(before);
  });
});

describe('labour-market status', () => {
  it('is recorded over time, newest first, with the current one', async () => {
    expect(
      await send('side.recordStatus', { labourStatus: 'unemployed_registered', fromDate: '2026-10-01' }),
    ).toEqual({
      ok: true,
      flashKey: 'participants.side.flash.statusRecorded',
      anchor: '#labour-status',
    });
    await send('side.recordStatus', {
      labourStatus: 'employed',
      fromDate: '15.11.2026',
      statusNote: 'umowa o pracę',
    });
    const s = await side();
    expect(s.labourStatuses.map((x) => x.status)).toEqual(['employed', 'unemployed_registered']);
    expect(s.currentStatus).toMatchObject({
      status: 'employed',
      fromDate: '2026-11-15',
      note: 'umowa o pracę',
    });
  });

  it('a date before registration or in the future is refused, nothing written', async () => {
    const before = await countRows();
    expect(
      await send('side.recordStatus', { labourStatus: 'inactive', fromDate: '2026-09-30' }),
    ).toMatchObject({
      ok: false,
      errors: {
        fromDate: { key: 'participants.side.status.beforeRegistration', values: { date: '1.10.2026' } },
      },
    });
    expect(
      await send('side.recordStatus', { labourStatus: 'inactive', fromDate: '2026-11-28' }),
    ).toMatchObject({
      ok: false,
      errors: { fromDate: 'participants.side.status.future' },
    });
    expect(await send('side.recordStatus', { labourStatus: 'inactive', fromDate: '' })).toMatchObject({
      ok: false,
      status: 400,
      errors: { fromDate: 'participants.side.status.date.required' },
    });
    expect(await countRows()).toEqual(before);
  });
});

describe('who and whom', () => {
  it('other intents are not handled here', async () => {
    expect(await send('register', {})).toBeNull();
    expect(await send('side.somethingElse', {})).toBeNull();
  });

  it('a person of another locality is unknown, to the page and to every form', async () => {
    await expect(
      loadParticipantSide(t.db, { localityId: kwilcz.id, personId: obcy, today: TODAY }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const before = await countRows();
    for (const [intent, fields] of [
      ['side.recordConsent', { purpose: 'photos', basis: 'consent', givenOn: '2026-11-01' }],
      ['side.addCategory', { category: 'unemployed' }],
      ['side.recordStatus', { labourStatus: 'employed', fromDate: '2026-11-01' }],
      ['side.removeCategory', { category: 'unemployed' }],
    ] as const) {
      await expect(send(intent, fields, { personId: obcy })).rejects.toBeInstanceOf(AppError);
    }
    expect(await countRows()).toEqual(before);
    const theirs = await t.db
      .select()
      .from(participantConsents)
      .where(and(eq(participantConsents.personId, obcy)));
    expect(theirs).toHaveLength(0);
  });

  it('a leader may not write here', async () => {
    await expect(
      send(
        'side.recordStatus',
        { labourStatus: 'employed', fromDate: '2026-11-01' },
        { user: leader, roles: ['leader'] },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the page data take at most three SQL statements', async () => {
    const counter = { count: 0 };
    const s = await sqlCounter.run(counter, () => side());
    expect(counter.count).toBeGreaterThan(0);
    expect(counter.count).toBeLessThanOrEqual(3);
    expect(s.consents.map((c) => c.purpose)).toEqual(['support', 'contact', 'photos', 'share_partner']);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

type SectionsProps = Parameters<typeof ParticipantSideSections>[0];
/** What the stub route renders next: the sections inside the app shell's context. */
let shown: { props: SectionsProps; locale: 'pl' | 'en' } | null = null;
function ShownSections() {
  if (!shown) return null;
  return createElement(
    ShellContext.Provider,
    { value: { i18n: getI18n(shown.locale), csrf: 'token' } },
    createElement(ParticipantSideSections, shown.props),
  );
}
const Stub = createRoutesStub([{ path: '/', Component: ShownSections }]);

describe('the three sections on the page', () => {
  const render = (
    s: SectionsProps['side'],
    canEdit: boolean,
    failed: SectionsProps['failed'] = null,
    locale: 'pl' | 'en' = 'pl',
  ) => {
    shown = { props: { side: s, canEdit, failed }, locale };
    return renderToString(createElement(Stub, { initialEntries: ['/'] }));
  };

  it('show headings with anchors, the warning about support, references and unverified items, in plain Polish', async () => {
    await send('side.addCategory', { category: 'refugee', evidence: 'decyzja UdSC' });
    await send('side.addCategory', { category: 'unemployed', evidence: 'zaświadczenie z PUP' });
    const html = render(await side(), true);
    for (const id of ['consents', 'categories', 'labour-status']) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('Zgody i podstawy prawne');
    expect(html).toContain('Gminny Ośrodek Pomocy Społecznej w Kwilczu');
    expect(html).toContain('art. 2 pkt 6 lit. a');
    expect(html).toContain('niezweryfikowane w ISAP');
    expect(html).toContain('Obecnie: Pracująca (od 15.11.2026).');
    expect(html).toContain('name="intent" value="side.recordConsent"');
    expect(html).toContain('name="_csrf" value="token"');
    expect(html).toMatch(/<details[^>]*class="panel-details"/);
    expect(html).not.toMatch(/<details[^>]*open/);
  });

  it('say plainly that support continues only on another basis once its consent is withdrawn', () => {
    const base = { ...emptySide(), supportNeedsOtherBasis: true };
    const html = render(base, false);
    expect(html).toContain('Wsparcie może trwać dalej tylko na innej podstawie prawnej');
    expect(html).not.toContain('name="intent"');
  });

  it('open the failed form with its error summary and the typed values, in English too', () => {
    const html = render(
      emptySide(),
      true,
      {
        intent: 'side.recordStatus',
        errors: { fromDate: 'participants.side.status.future' },
        values: { labourStatus: 'employed', fromDate: '28.11.2026' },
      },
      'en',
    );
    expect(html).toMatch(/<details[^>]*open/);
    expect(html).toContain('The date cannot be in the future');
    expect(html).toContain('value="28.11.2026"');
  });
});

function emptySide(): Awaited<ReturnType<typeof loadParticipantSide>> {
  return {
    personId: 'p',
    registeredOn: '2026-10-01',
    today: TODAY,
    consents: (['support', 'contact', 'photos', 'share_partner'] as const).map((purpose) => ({
      purpose,
      active: [],
      history: [],
    })),
    supportNeedsOtherBasis: false,
    categories: [],
    categoryParameter: {
      source: 'Ustawa o ekonomii społecznej, art. 2 pkt 6',
      verified: false,
      validFrom: '2022-10-30',
    },
    labourStatuses: [],
    currentStatus: null,
    options: {
      purposes: ['support', 'contact', 'photos', 'share_partner'],
      bases: ['consent', 'public_task'],
      labourStatuses: ['employed', 'inactive'],
      categories: [{ key: 'unemployed', ref: 'art. 2 pkt 6 lit. a', verified: true, assigned: false }],
      organisations: [],
    },
  };
}
