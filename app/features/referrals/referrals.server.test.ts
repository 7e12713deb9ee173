import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlCounter } from '../../../db/client.ts';
import {
  auditLog,
  memberships,
  organisations,
  participantConsents,
  participants,
  people,
  referrals,
} from '../../../db/schema/index.ts';
import { makeLocality, makeOrganisation, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor, recordingMail } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import type { Role } from '../../lib/roles.ts';
import { loadReferralsForParticipant } from './participant-referrals.server.ts';
import { readReferral } from './referral-read.server.ts';
import { answerReferral, completeReferral } from './referral-status.server.ts';
import { sendReferral } from './send-referral.server.ts';

let t: TestDatabase;
let poznan: { id: string; slug: string; name: string };
let kwilcz: { id: string; slug: string; name: string };
let ops: { id: string };
let pup: { id: string };
let parish: { id: string };
let kwOrg: { id: string };
let advisor: { id: string; email: string };
let pupRep: { id: string; email: string };
let parishRep: { id: string; email: string };
let anna: string;
let jan: string;
let kwPerson: string;
const TODAY = '2026-11-27';

async function makeParticipant(
  localityId: string,
  givenName: string,
  extra: { email?: string; phone?: string } = {},
) {
  const [p] = await t.db
    .insert(people)
    .values({ localityId, givenName, familyName: 'Testowa', legalBasis: 'public_task', ...extra })
    .returning({ id: people.id });
  await t.db.insert(participants).values({
    personId: p!.id,
    localityId,
    registeredOn: '2026-01-01',
    pesel: '44051401359',
  });
  return p!.id;
}

async function giveConsent(
  localityId: string,
  personId: string,
  organisationId: string,
  withdrawnOn?: string,
) {
  const [c] = await t.db
    .insert(participantConsents)
    .values({
      localityId,
      personId,
      purpose: 'share_partner',
      organisationId,
      basis: 'consent',
      givenOn: '2026-11-01',
      withdrawnOn: withdrawnOn ?? null,
    })
    .returning({ id: participantConsents.id });
  return c!.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  poznan = await makeLocality(t.db, { terytCode: '3064011' });
  kwilcz = await makeLocality(t.db, { terytCode: '3014022' });
  ops = await makeOrganisation(t.db, { localityId: poznan.id, name: 'MOPS w Poznaniu', kind: 'ops' });
  pup = await makeOrganisation(t.db, {
    localityId: poznan.id,
    name: 'Powiatowy Urząd Pracy w Poznaniu',
    kind: 'pup',
  });
  parish = await makeOrganisation(t.db, {
    localityId: poznan.id,
    name: 'Parafia w Poznaniu',
    kind: 'parish',
  });
  kwOrg = await makeOrganisation(t.db, { localityId: kwilcz.id, name: 'GOPS w Kwilczu', kind: 'ops' });
  advisor = await makeUser(t.db, {
    name: 'Ewa Doradczyni',
    roles: [{ localityId: poznan.id, role: 'advisor' }],
  });
  pupRep = await makeUser(t.db, {
    name: 'Robert z PUP',
    locale: 'en',
    roles: [{ localityId: poznan.id, role: 'partner_rep' }],
  });
  parishRep = await makeUser(t.db, { roles: [{ localityId: poznan.id, role: 'partner_rep' }] });
  anna = await makeParticipant(poznan.id, 'Anna', { email: 'anna@example.test', phone: '600100200' });
  jan = await makeParticipant(poznan.id, 'Jan');
  kwPerson = await makeParticipant(kwilcz.id, 'Zofia');
  await giveConsent(poznan.id, anna, pup.id);
  await giveConsent(poznan.id, jan, pup.id, '2026-11-10');
  await giveConsent(kwilcz.id, kwPerson, kwOrg.id);
  await t.db.update(memberships).set({ organisationId: pup.id }).where(eq(memberships.userId, pupRep.id));
  await t.db
    .update(memberships)
    .set({ organisationId: parish.id })
    .where(eq(memberships.userId, parishRep.id));
});
afterAll(async () => {
  await t.dispose();
});

const loc = (roles: Role[], organisationIds: string[] = []): ActorLocality => ({
  localityId: poznan.id,
  slug: poznan.slug,
  name: poznan.name,
  kind: 'urban',
  roles,
  organisationIds,
});
const staff = () => ({ actor: actorFor(advisor, { name: 'Ewa Doradczyni' }), locality: loc(['advisor']) });
const pupSide = () => ({ actor: actorFor(pupRep), locality: loc(['partner_rep'], [pup.id]) });
const parishSide = () => ({ actor: actorFor(parishRep), locality: loc(['partner_rep'], [parish.id]) });

const values = (over: Record<string, string> = {}) => ({
  fromOrganisationId: ops.id,
  toOrganisationId: pup.id,
  reason: 'Szkolenie zawodowe',
  sharedNote: 'Kurs HACCP ukończony',
  ...over,
});

async function n(table: typeof referrals | typeof auditLog) {
  const [r] = await t.db.select({ n: count() }).from(table);
  return r!.n;
}
async function refusal(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}
const words = (e: AppError, locale: 'pl' | 'en' = 'pl') => {
  const f = e.fieldErrors.toOrganisationId ?? e.messageKey;
  return typeof f === 'string' ? getI18n(locale).t(f) : getI18n(locale).t(f.key, f.values);
};

describe('sending a referral', () => {
  it('refuses without the consent for the receiving organisation, in words with the way out, saving nothing', async () => {
    const [refs, audits] = [await n(referrals), await n(auditLog)];
    const e = await refusal(() =>
      sendReferral(t.db, {
        ...staff(),
        personId: anna,
        values: values({ toOrganisationId: parish.id }),
        today: TODAY,
        notify: null,
      }),
    );
    expect(e.code).toBe('DOMAIN_RULE');
    expect(words(e)).toBe(
      'Osoba nie wyraziła zgody na przekazanie danych do: Parafia w Poznaniu. Zapisz jej zgodę na stronie uczestnika, w sekcji „Zgody i podstawy prawne”.',
    );
    expect(words(e, 'en')).toContain('has not agreed to share their data with Parafia w Poznaniu');
    expect(await n(referrals)).toBe(refs);
    expect(await n(auditLog)).toBe(audits);
  });

  it('refuses when the consent was withdrawn, saying when', async () => {
    const e = await refusal(() =>
      sendReferral(t.db, { ...staff(), personId: jan, values: values(), today: TODAY, notify: null }),
    );
    expect(words(e)).toContain(
      'Osoba wycofała zgodę na przekazanie danych do: Powiatowy Urząd Pracy w Poznaniu (10.11.2026)',
    );
  });

  it('is only for staff who manage participants', async () => {
    const e = await refusal(() =>
      sendReferral(t.db, { ...pupSide(), personId: anna, values: values(), today: TODAY, notify: null }),
    );
    expect(e.code).toBe('FORBIDDEN');
  });

  it("treats another locality's person or organisation as unknown", async () => {
    expect(
      (
        await refusal(() =>
          sendReferral(t.db, {
            ...staff(),
            personId: kwPerson,
            values: values(),
            today: TODAY,
            notify: null,
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    const e = await refusal(() =>
      sendReferral(t.db, {
        ...staff(),
        personId: anna,
        values: values({ toOrganisationId: kwOrg.id }),
        today: TODAY,
        notify: null,
      }),
    );
    expect(e.fieldErrors.toOrganisationId).toBeDefined();
  });

  it('saves with the consent id, audits in the same transaction, and e-mails the linked representative in their language', async () => {
    const mail = recordingMail();
    const id = await sendReferral(t.db, {
      ...staff(),
      personId: anna,
      values: values(),
      today: TODAY,
      notify: { mail, baseUrl: 'https://splot.test' },
    });
    const [row] = await t.db.select().from(referrals).where(eq(referrals.id, id));
    const [consent] = await t.db
      .select({ id: participantConsents.id })
      .from(participantConsents)
      .where(and(eq(participantConsents.personId, anna), eq(participantConsents.organisationId, pup.id)));
    expect(row).toMatchObject({
      status: 'sent',
      consentId: consent!.id,
      fromOrganisationId: ops.id,
      sentOn: TODAY,
    });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'referral.send'), eq(auditLog.entityId, id)));
    expect(audit?.details).toMatchObject({ personId: anna, consentId: consent!.id });
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]!.to).toBe(pupRep.email);
    expect(mail.sent[0]!.subject).toBe('New referral from MOPS w Poznaniu');
    expect(mail.sent[0]!.text).toContain(`https://splot.test/app/${poznan.slug}/referrals/${id}`);
    expect(mail.sent[0]!.text).not.toContain('Anna');
    expect(mail.sent[0]!.text).not.toContain('Szkolenie');
  });
  it("e-mails the organisation's directory address when no account speaks for it, asking to contact the sender", async () => {
    await t.db
      .update(organisations)
      .set({ email: 'sekretariat@mops.test' })
      .where(eq(organisations.id, ops.id));
    await giveConsent(poznan.id, anna, ops.id);
    const mail = recordingMail();
    await sendReferral(t.db, {
      ...staff(),
      personId: anna,
      values: values({ fromOrganisationId: '', toOrganisationId: ops.id }),
      today: TODAY,
      notify: { mail, baseUrl: 'https://splot.test' },
    });
    expect(mail.sent.map((m) => m.to)).toEqual(['sekretariat@mops.test']);
    expect(mail.sent[0]!.subject).toBe(`Nowe skierowanie od: Centrum Ekonomii Społecznej (${poznan.name})`);
    expect(mail.sent[0]!.text).toContain('Skontaktuj się z osobą, która je wysłała: Ewa Doradczyni');
    expect(mail.sent[0]!.text).not.toContain('Anna');
  });
});

describe('answering and completing', () => {
  let id: string;
  beforeAll(async () => {
    id = await sendReferral(t.db, {
      ...staff(),
      personId: anna,
      values: values(),
      today: TODAY,
      notify: null,
    });
  });

  it('refuses the sending side and another organisation', async () => {
    await t.db.update(referrals).set({ fromOrganisationId: parish.id }).where(eq(referrals.id, id));
    const e = await refusal(() =>
      answerReferral(t.db, { ...parishSide(), id, values: { decision: 'accepted' }, notify: null }),
    );
    expect(e.code).toBe('FORBIDDEN');
    await t.db.update(referrals).set({ fromOrganisationId: ops.id }).where(eq(referrals.id, id));
    const other = await refusal(() =>
      answerReferral(t.db, { ...parishSide(), id, values: { decision: 'accepted' }, notify: null }),
    );
    expect(other.code).toBe('NOT_FOUND');
  });

  it('refuses to mark done before acceptance, in words', async () => {
    const e = await refusal(() =>
      completeReferral(t.db, { ...pupSide(), id, values: { outcomeNote: 'Staż' }, today: TODAY }),
    );
    expect(e.messageKey).toBe('referrals.transition.notAccepted');
  });

  it('accepts, tells the sender, then refuses a second answer', async () => {
    const mail = recordingMail();
    await answerReferral(t.db, {
      ...pupSide(),
      id,
      values: { decision: 'accepted', responseNote: 'Zapraszamy' },
      notify: { mail, baseUrl: 'https://splot.test' },
    });
    expect(mail.sent.map((m) => [m.to, m.subject])).toEqual([
      [advisor.email, 'Skierowanie przyjęte: Powiatowy Urząd Pracy w Poznaniu'],
    ]);
    const e = await refusal(() =>
      answerReferral(t.db, {
        ...pupSide(),
        id,
        values: { decision: 'declined', responseNote: 'x' },
        notify: null,
      }),
    );
    expect(e.messageKey).toBe('referrals.transition.alreadyAccepted');
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'referral.accept'), eq(auditLog.entityId, id)));
    expect(audit?.details).toMatchObject({ from: 'sent', to: 'accepted', onBehalf: false });
  });

  it('marks done with an outcome, checks the date, and then nothing moves', async () => {
    const future = await refusal(() =>
      completeReferral(t.db, {
        ...pupSide(),
        id,
        values: { outcomeNote: 'Staż', doneOn: '1.12.2026' },
        today: TODAY,
      }),
    );
    expect(future.fieldErrors.doneOn).toBeDefined();
    await completeReferral(t.db, {
      ...pupSide(),
      id,
      values: { outcomeNote: 'Staż rozpoczęty' },
      today: TODAY,
    });
    const [row] = await t.db.select().from(referrals).where(eq(referrals.id, id));
    expect(row).toMatchObject({ status: 'done', doneOn: TODAY, outcomeNote: 'Staż rozpoczęty' });
    const e = await refusal(() =>
      completeReferral(t.db, { ...pupSide(), id, values: { outcomeNote: 'x' }, today: TODAY }),
    );
    expect(e.messageKey).toBe('referrals.transition.done');
  });

  it('needs a reason to decline', async () => {
    const other = await sendReferral(t.db, {
      ...staff(),
      personId: anna,
      values: values(),
      today: TODAY,
      notify: null,
    });
    const e = await refusal(() =>
      answerReferral(t.db, { ...pupSide(), id: other, values: { decision: 'declined' }, notify: null }),
    );
    expect(e.fieldErrors.responseNote).toBe('referrals.respond.note.requiredForDecline');
    await answerReferral(t.db, {
      ...staff(),
      id: other,
      values: { decision: 'declined', responseNote: 'Brak miejsc' },
      notify: null,
    });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'referral.decline'), eq(auditLog.entityId, other)));
    expect(audit?.details).toMatchObject({ onBehalf: true });
  });
});

describe('reading', () => {
  it('shows the receiving side only what is shared, audited; hides everything once the consent is withdrawn', async () => {
    const [ref] = await t.db
      .insert(referrals)
      .values({
        localityId: poznan.id,
        personId: anna,
        toOrganisationId: pup.id,
        consentId: await giveConsent(poznan.id, anna, parish.id),
        reason: 'Powód',
        sentOn: TODAY,
      })
      .returning({ id: referrals.id });
    const r = await readReferral(t.db, { ...pupSide(), id: ref!.id });
    expect(r.side).toBe('receiving');
    expect(r.shared).toMatchObject({ name: 'Anna Testowa', email: null, phone: null, hidden: false });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'referral.read'), eq(auditLog.entityId, ref!.id)));
    expect(audit?.details).toMatchObject({ side: 'receiving', personalData: true });
    await t.db
      .update(participantConsents)
      .set({ withdrawnOn: TODAY })
      .where(eq(participantConsents.organisationId, parish.id));
    const after = await readReferral(t.db, { ...pupSide(), id: ref!.id });
    expect(after.shared).toMatchObject({ name: null, reason: null, hidden: true });
  });

  it('answers another organisation, another locality or a leader with a refusal, audited', async () => {
    const [ref] = await t.db.select({ id: referrals.id }).from(referrals).limit(1);
    const before = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'referral.read_refused'));
    expect((await refusal(() => readReferral(t.db, { ...parishSide(), id: ref!.id }))).code).toBe(
      'NOT_FOUND',
    );
    const kw = { ...staff(), locality: { ...loc(['advisor']), localityId: kwilcz.id, slug: kwilcz.slug } };
    expect((await refusal(() => readReferral(t.db, { ...kw, id: ref!.id }))).code).toBe('NOT_FOUND');
    expect(
      (
        await refusal(() =>
          readReferral(t.db, { actor: actorFor(advisor), locality: loc(['leader']), id: ref!.id }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    const after = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'referral.read_refused'));
    expect(after[0]!.n).toBe(before[0]!.n + 3);
  });
});

describe("a participant's referrals", () => {
  it('come in one SQL statement with the organisations and status, scoped to the locality', async () => {
    const store = { count: 0 };
    const rows = await sqlCounter.run(store, () =>
      loadReferralsForParticipant(t.db, { localityId: poznan.id, personId: anna }),
    );
    expect(store.count).toBe(1);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.map((r) => r.status)).toEqual(expect.arrayContaining(['done', 'declined']));
    expect(rows[0]).toMatchObject({ toName: expect.any(String) });
    expect(rows.some((r) => r.consentWithdrawn)).toBe(true);
    expect(await loadReferralsForParticipant(t.db, { localityId: kwilcz.id, personId: anna })).toEqual([]);
  });
});
