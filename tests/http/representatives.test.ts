import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitments, memberships, organisations, partnershipMembers, users } from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { recordingMail, testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const mail = recordingMail();

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db, mail));
});
afterAll(async () => {
  await t.dispose();
});

const PARISH = 'Parafia pw. św. Jana Chrzciciela w Wągrowcu';
const OTHER_PARTNER = 'Stowarzyszenie Na Rzecz Osób Niepełnosprawnych „Razem”';

async function orgId(name: string) {
  const [row] = await t.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  return row!.id;
}

/** A promised commitment of the organisation in Wągrowiec's partnership (added by the coordinator if none). */
async function promisedCommitmentOf(name: string) {
  const rows = await t.db
    .select({ id: commitments.id, status: commitments.status, partnershipId: commitments.partnershipId })
    .from(commitments)
    .innerJoin(partnershipMembers, eq(partnershipMembers.id, commitments.memberId))
    .where(and(eq(partnershipMembers.organisationId, await orgId(name)), eq(commitments.status, 'promised')));
  return rows[0];
}

describe('who speaks for an organisation', () => {
  it('shows the coordinator the parish’s representative, and the representative changes only the parish’s commitments', async () => {
    const coordinator = new TestBrowser(app);
    await coordinator.signIn('koordynator.wagrowiec@splot.demo', DEMO_PASSWORD);
    const parishPage = pageText(
      await (await coordinator.get(`/app/wagrowiec/organisations/${await orgId(PARISH)}`)).text(),
    );
    expect(parishPage).toContain('Przedstawiciele z kontem w Splocie');
    expect(parishPage).toContain('Ks. Paweł Jankowski');

    const parishCommitment = await promisedCommitmentOf(PARISH);
    const otherCommitment = await promisedCommitmentOf(OTHER_PARTNER);
    expect(parishCommitment, 'the demo parish has a promised commitment').toBeDefined();
    expect(otherCommitment, 'another demo partner has a promised commitment').toBeDefined();
    const path = `/app/wagrowiec/partnerships/${parishCommitment!.partnershipId}`;

    const partner = new TestBrowser(app);
    await partner.signIn('partner.wagrowiec@splot.demo', DEMO_PASSWORD);
    const refused = await partner.post(path, {
      intent: 'deliverCommitment',
      commitmentId: otherCommitment!.id,
      deliveredOn: '1.11.2026',
    });
    expect(refused.status).toBe(403);
    const [other] = await t.db.select().from(commitments).where(eq(commitments.id, otherCommitment!.id));
    expect(other!.status).toBe('promised');

    const delivered = await partner.post(path, {
      intent: 'deliverCommitment',
      commitmentId: parishCommitment!.id,
      deliveredOn: '1.11.2026',
    });
    expect(delivered.status).toBe(302);
    const [parish] = await t.db.select().from(commitments).where(eq(commitments.id, parishCommitment!.id));
    expect(parish!.status).toBe('delivered');
  });

  it('lets the coordinator unlink and link an account; the partner may not', async () => {
    const parishId = await orgId(PARISH);
    const [rep] = await t.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'partner.wagrowiec@splot.demo'));
    const partner = new TestBrowser(app);
    await partner.signIn('partner.wagrowiec@splot.demo', DEMO_PASSWORD);
    const forbidden = await partner.post(`/app/wagrowiec/organisations/${parishId}`, {
      intent: 'unlinkRepresentative',
      representative: `${rep!.id}:partner_rep`,
    });
    expect(forbidden.status).toBe(403);

    const coordinator = new TestBrowser(app);
    await coordinator.signIn('koordynator.wagrowiec@splot.demo', DEMO_PASSWORD);
    const unlinked = await coordinator.post(`/app/wagrowiec/organisations/${parishId}`, {
      intent: 'unlinkRepresentative',
      representative: `${rep!.id}:partner_rep`,
    });
    expect(unlinked.status).toBe(302);
    const page = pageText(await (await coordinator.get(`/app/wagrowiec/organisations/${parishId}`)).text());
    expect(page).toContain('Konto odłączone od organizacji.');
    expect(page).toContain('Nikt nie ma jeszcze konta jako przedstawiciel tej organizacji.');

    const bad = await coordinator.post(`/app/wagrowiec/organisations/${parishId}`, {
      intent: 'linkRepresentative',
      representative: 'not-an-account',
    });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Wybierz konto z listy.');

    const linked = await coordinator.post(`/app/wagrowiec/organisations/${parishId}`, {
      intent: 'linkRepresentative',
      representative: `${rep!.id}:partner_rep`,
    });
    expect(linked.status).toBe(302);
    const [m] = await t.db
      .select({ organisationId: memberships.organisationId })
      .from(memberships)
      .where(and(eq(memberships.userId, rep!.id), eq(memberships.role, 'partner_rep')));
    expect(m!.organisationId).toBe(parishId);
  });

  it('invites a representative by e-mail; accepting ties the new account to the organisation', async () => {
    const schoolId = await orgId('Zespół Szkół Zawodowych w Wągrowcu');
    const coordinator = new TestBrowser(app);
    await coordinator.signIn('koordynator.wagrowiec@splot.demo', DEMO_PASSWORD);
    const bad = await coordinator.post(`/app/wagrowiec/organisations/${schoolId}`, {
      intent: 'inviteRepresentative',
      email: 'nie-adres',
      role: 'partner_rep',
    });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('Błąd');

    const sentBefore = mail.sent.length;
    const ok = await coordinator.post(`/app/wagrowiec/organisations/${schoolId}`, {
      intent: 'inviteRepresentative',
      email: 'dyrektor.zsz@example.test',
      role: 'partner_rep',
    });
    expect(ok.status).toBe(302);
    expect(mail.sent.length).toBe(sentBefore + 1);
    expect(mail.sent.at(-1)!.to).toBe('dyrektor.zsz@example.test');
    const page = pageText(await (await coordinator.get(`/app/wagrowiec/organisations/${schoolId}`)).text());
    expect(page).toContain('Zaproszenie wysłane: dyrektor.zsz@example.test (przedstawiciel partnera)');

    const link = new URL(mail.lastLink()!);
    const invitee = new TestBrowser(app);
    await invitee.get(link.pathname);
    const accepted = await invitee.post(link.pathname, {
      name: 'Dorota Zawadzka',
      password: 'Bardzo-dlugie-haslo-2026',
      confirm: 'Bardzo-dlugie-haslo-2026',
    });
    expect(accepted.status).toBe(302);
    const [m] = await t.db
      .select({ organisationId: memberships.organisationId, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(users.email, 'dyrektor.zsz@example.test'));
    expect(m).toEqual({ organisationId: schoolId, role: 'partner_rep' });
  });

  it('treats another locality’s organisation as unknown', async () => {
    const [poznanOrg] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .innerJoin(memberships, eq(memberships.localityId, organisations.localityId))
      .limit(1);
    const coordinator = new TestBrowser(app);
    await coordinator.signIn('koordynator.kwilcz@splot.demo', DEMO_PASSWORD);
    const res = await coordinator.post(`/app/kwilcz/organisations/${poznanOrg!.id}`, {
      intent: 'inviteRepresentative',
      email: 'ktos@example.test',
      role: 'partner_rep',
    });
    expect(res.status).toBe(404);
  });
});

describe('the in-kind ledger', () => {
  it('asks to check premises that a commitment and the club may both count', async () => {
    const coordinator = new TestBrowser(app);
    await coordinator.signIn('koordynator.wagrowiec@splot.demo', DEMO_PASSWORD);
    const before = pageText(await (await coordinator.get('/app/wagrowiec/in-kind')).text());
    expect(before).not.toContain('Sprawdź, czy lokal nie jest liczony dwa razy');

    // The town hall lends the club its room (demo club settings); now it also records a premises commitment.
    const [member] = await t.db
      .select({ id: partnershipMembers.id, partnershipId: partnershipMembers.partnershipId })
      .from(partnershipMembers)
      .where(eq(partnershipMembers.organisationId, await orgId('Urząd Miasta Wągrowiec')));
    const path = `/app/wagrowiec/partnerships/${member!.partnershipId}`;
    const added = await coordinator.post(path, {
      intent: 'addCommitment',
      memberId: member!.id,
      kind: 'premises',
      description: 'Sala w domu kultury dla klubu',
      quantity: '3',
      unit: 'month',
      valuePln: '3600',
      periodFrom: '1.09.2026',
      periodTo: '30.11.2026',
    });
    expect(added.status).toBe(302);
    const [c] = await t.db
      .select({ id: commitments.id })
      .from(commitments)
      .where(eq(commitments.description, 'Sala w domu kultury dla klubu'));
    expect(
      (
        await coordinator.post(path, {
          intent: 'deliverCommitment',
          commitmentId: c!.id,
          deliveredOn: '1.09.2026',
        })
      ).status,
    ).toBe(302);

    const after = pageText(await (await coordinator.get('/app/wagrowiec/in-kind')).text());
    expect(after).toContain('Sprawdź, czy lokal nie jest liczony dwa razy');
    expect(after).toMatch(
      /Urząd Miasta Wągrowiec: zobowiązanie „Sala w domu kultury dla klubu” i lokal klubu w tym samym czasie \(\d+ miesi/,
    );
  });
});
