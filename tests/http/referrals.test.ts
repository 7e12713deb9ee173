import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  localities,
  memberships,
  organisations,
  participants,
  people,
  referrals,
  supportPlans,
} from '../../db/schema/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo.ts';
import { makeUser } from '../factories/index.ts';
import { createDemoDatabase, type TestDatabase } from '../setup/db.ts';
import { createTestApp, pageText, TestBrowser } from '../setup/http.ts';
import { recordingMail, testServices } from '../setup/services.ts';

let t: TestDatabase;
let app: Awaited<ReturnType<typeof createTestApp>>;
const mail = recordingMail();
let poznanId: string;
let pupId: string;
let centreId: string;
let person: { id: string; givenName: string; familyName: string; pesel: string | null };
let coopRep: { email: string; password: string };
const PLAN_TEXT = 'Potrzeby zapisane tylko w planie wsparcia XYZ';

beforeAll(async () => {
  t = await createDemoDatabase();
  app = await createTestApp(testServices(t.db, mail));
  const [pz] = await t.db.select({ id: localities.id }).from(localities).where(eq(localities.slug, 'poznan'));
  poznanId = pz!.id;
  const orgId = async (name: string) => {
    const [o] = await t.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.localityId, poznanId), eq(organisations.name, name)));
    return o!.id;
  };
  pupId = await orgId('Powiatowy Urząd Pracy w Poznaniu');
  centreId = await orgId('Fundacja Wspólna Droga');
  // A Poznań participant with a PESEL, no plan and no consent to share with anyone yet.
  const [p] = await t.db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      pesel: participants.pesel,
    })
    .from(participants)
    .innerJoin(people, eq(people.id, participants.personId))
    .where(
      and(
        eq(participants.localityId, poznanId),
        eq(participants.status, 'active'),
        sql`${participants.pesel} <> ''`,
        sql`${people.userId} is null`,
        sql`not exists (select 1 from support_plans sp where sp.person_id = ${people.id})`,
        sql`not exists (select 1 from participant_consents c where c.person_id = ${people.id} and c.purpose = 'share_partner')`,
      ),
    )
    .limit(1);
  person = p!;
  await t.db.insert(supportPlans).values({
    localityId: poznanId,
    personId: person.id,
    needs: PLAN_TEXT,
    startsOn: '2026-01-10',
  });
  // Another organisation's representative in Poznań: the social cooperative.
  const made = await makeUser(t.db, {
    email: 'spoldzielnia.poznan@example.test',
    name: 'Jolanta Spółdzielcza',
    roles: [{ localityId: poznanId, role: 'enterprise_member' }],
  });
  await t.db
    .update(memberships)
    .set({ organisationId: await orgId('Spółdzielnia Socjalna „Zielona Pracownia”') })
    .where(and(eq(memberships.userId, made.id), eq(memberships.localityId, poznanId)));
  coopRep = made;
});
afterAll(async () => {
  await t.dispose();
});

async function signedIn(email: string, lang?: 'en', password = DEMO_PASSWORD) {
  const b = new TestBrowser(app);
  if (lang) b.setCookie('splot_lang', lang);
  await b.signIn(email, password);
  return b;
}
async function audits(action: string, entityId?: string) {
  const [row] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(
      entityId
        ? and(eq(auditLog.action, action), eq(auditLog.entityId, entityId))
        : eq(auditLog.action, action),
    );
  return row!.n;
}
const sqlStatements = (res: Response) =>
  Number(/db;desc="sql statements";dur=(\d+)/.exec(res.headers.get('Server-Timing') ?? '')?.[1]);

const PUP_REP = 'urzad.pracy.poznan@splot.demo';

describe('the demo', () => {
  it('shows the PUP representative one referral waiting, and only their own', async () => {
    const b = await signedIn(PUP_REP);
    const res = await b.get('/app/poznan/referrals?status=sent');
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    expect(text).toContain('Widzisz tylko to, co skierowanie przekazuje');
    expect(text).toContain('1 skierowanie');
    expect(text).toContain('wysłane — czeka na odpowiedź');
    const all = pageText(await (await b.get('/app/poznan/referrals')).text());
    expect(all).not.toContain('Centrum Integracji Społecznej w Poznaniu');
  });

  it('lists all referrals to the staff, filtered by status and organisation, in few statements', async () => {
    const b = await signedIn('koordynator.poznan@splot.demo');
    const res = await b.get('/app/poznan/referrals');
    expect(res.status).toBe(200);
    expect(sqlStatements(res)).toBeLessThanOrEqual(8);
    const text = pageText(await res.text());
    expect(text).toContain('5 skierowań');
    expect(text).toContain('Miejski Ośrodek Pomocy Społecznej w Poznaniu');
    const declined = pageText(await (await b.get('/app/poznan/referrals?status=declined')).text());
    expect(declined).toContain('1 skierowanie');
    expect(declined).toContain('odrzucone');
    expect(await (await b.get('/app/poznan/referrals')).text()).toContain(`<option value="${pupId}">`);
    const toPup = pageText(await (await b.get(`/app/poznan/referrals?organisation=${pupId}`)).text());
    expect(toPup).toContain('2 skierowania');
  });
});

describe('a referral from the form to the inbox', () => {
  let referralId: string;

  it('refuses without consent, in Polish with the way out, saving nothing', async () => {
    const b = await signedIn('doradca@splot.demo');
    const form = await b.get(`/app/poznan/referrals/new?person=${person.id}`);
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(pageText(formHtml)).toContain('Osoba nie wyraziła zgody na przekazanie danych żadnej organizacji');
    // The Centre's leader organisation is the default sender.
    expect(formHtml).toMatch(new RegExp(`<option value="${centreId}" selected=""`));
    const [before] = await t.db.select({ n: count() }).from(referrals);
    const res = await b.post(`/app/poznan/referrals/new?person=${person.id}`, {
      personId: person.id,
      toOrganisationId: pupId,
      reason: 'Szkolenie zawodowe',
    });
    expect(res.status).toBe(422);
    const text = pageText(await res.text());
    expect(text).toContain(
      'Osoba nie wyraziła zgody na przekazanie danych do: Powiatowy Urząd Pracy w Poznaniu. Zapisz jej zgodę na stronie uczestnika, w sekcji „Zgody i podstawy prawne”.',
    );
    expect(text).toContain('Przejdź do zgód uczestnika');
    const [after] = await t.db.select({ n: count() }).from(referrals);
    expect(after!.n).toBe(before!.n);
  });

  it('refuses in English too, and explains missing fields', async () => {
    const b = await signedIn('doradca@splot.demo', 'en');
    await b.get(`/app/poznan/referrals/new?person=${person.id}`);
    const res = await b.post(`/app/poznan/referrals/new?person=${person.id}`, {
      personId: person.id,
      toOrganisationId: pupId,
      reason: 'Training',
    });
    expect(pageText(await res.text())).toContain(
      'The person has not agreed to share their data with Powiatowy Urząd Pracy w Poznaniu. Record their consent on the participant page',
    );
    const empty = await b.post(`/app/poznan/referrals/new?person=${person.id}`, { personId: person.id });
    expect(empty.status).toBe(400);
    const text = pageText(await empty.text());
    expect(text).toContain('Choose the organisation you refer the person to');
    expect(text).toContain('Enter the reason for the referral');
  });

  it('is sent once the consent is recorded, and the PUP hears of it by e-mail without personal data', async () => {
    const b = await signedIn('doradca@splot.demo');
    await b.get(`/app/poznan/participants/${person.id}`);
    const consent = await b.post(`/app/poznan/participants/${person.id}`, {
      intent: 'side.recordConsent',
      purpose: 'share_partner',
      organisationId: pupId,
      basis: 'consent',
      givenOn: '1.11.2026',
    });
    expect(consent.status).toBe(302);
    const form = pageText(await (await b.get(`/app/poznan/referrals/new?person=${person.id}`)).text());
    expect(form).toContain('Powiatowy Urząd Pracy w Poznaniu — od 1.11.2026');
    expect(form).toContain('Powiatowy Urząd Pracy w Poznaniu (jest zgoda)');
    const sentBefore = mail.sent.length;
    const res = await b.post(`/app/poznan/referrals/new?person=${person.id}`, {
      personId: person.id,
      fromOrganisationId: centreId,
      toOrganisationId: pupId,
      reason: 'Prosimy o szkolenie dla pomocy kuchennej',
      sharedNote: 'Ukończony kurs HACCP',
    });
    expect(res.status).toBe(302);
    const location = res.headers.get('Location')!;
    referralId = location.split('/').at(-1)!;
    const page = pageText(await (await b.get(location)).text());
    expect(page).toContain('Skierowanie zostało wysłane');
    const notices = mail.sent.slice(sentBefore);
    expect(notices.map((m) => m.to)).toEqual([PUP_REP]);
    expect(notices[0]!.subject).toContain('Nowe skierowanie od: Fundacja Wspólna Droga');
    expect(notices[0]!.text).toContain(`/app/poznan/referrals/${referralId}`);
    expect(notices[0]!.text).not.toContain(person.familyName);
    expect(notices[0]!.text).not.toContain('HACCP');
  });

  it('shows the PUP only what the referral shares, audited: no PESEL, no plan', async () => {
    const b = await signedIn(PUP_REP);
    const before = await audits('referral.read', referralId);
    const res = await b.get(`/app/poznan/referrals/${referralId}`);
    expect(res.status).toBe(200);
    expect(sqlStatements(res)).toBeLessThanOrEqual(6);
    const html = await res.text();
    const text = pageText(html);
    expect(text).toContain(`${person.givenName} ${person.familyName}`);
    expect(text).toContain('Prosimy o szkolenie dla pomocy kuchennej');
    expect(text).toContain('Ukończony kurs HACCP');
    expect(text).toContain('Skierowanie nie przekazuje danych kontaktowych');
    expect(html).not.toContain(person.pesel!);
    expect(text).not.toContain('PESEL');
    expect(html).not.toContain(PLAN_TEXT);
    expect(html).not.toContain(`/participants/${person.id}`);
    expect(await audits('referral.read', referralId)).toBe(before + 1);
  });

  it("puts the PUP's look in the coordinator's who-looked-at-whom log", async () => {
    const b = await signedIn('koordynator.poznan@splot.demo');
    const text = pageText(
      await (await b.get(`/app/poznan/participants/access-log?person=${person.id}`)).text(),
    );
    expect(text).toContain('Robert Michalak');
  });

  it('refuses another organisation with 404, audited, and a leader with 403', async () => {
    const other = await signedIn(coopRep.email, undefined, coopRep.password);
    const before = await audits('referral.read_refused', referralId);
    const res = await other.get(`/app/poznan/referrals/${referralId}`);
    expect(res.status).toBe(404);
    expect(pageText(await res.text())).not.toContain(person.familyName);
    expect(await audits('referral.read_refused', referralId)).toBe(before + 1);
    expect(
      (await other.post(`/app/poznan/referrals/${referralId}`, { intent: 'answer', decision: 'accepted' }))
        .status,
    ).toBe(404);
    // Staff of two localities: a Poznań referral or person is unknown under Wągrowiec.
    const advisor = await signedIn('doradca@splot.demo');
    expect((await advisor.get(`/app/wagrowiec/referrals/${referralId}`)).status).toBe(404);
    expect((await advisor.get(`/app/wagrowiec/referrals/new?person=${person.id}`)).status).toBe(404);
    const leader = await signedIn('lider.poznan@splot.demo');
    expect((await leader.get('/app/poznan/referrals')).status).toBe(403);
  });

  it('is accepted by the PUP; the sender is told; a second answer is refused in words', async () => {
    const b = await signedIn(PUP_REP);
    await b.get(`/app/poznan/referrals/${referralId}`);
    const sentBefore = mail.sent.length;
    const res = await b.post(`/app/poznan/referrals/${referralId}`, {
      intent: 'answer',
      decision: 'accepted',
      responseNote: 'Zapraszamy 3 grudnia',
    });
    expect(res.status).toBe(302);
    const page = pageText(await (await b.get(res.headers.get('Location')!)).text());
    expect(page).toContain('Skierowanie zostało przyjęte.');
    expect(page).toContain('Oznacz jako zrealizowane');
    expect(mail.sent.slice(sentBefore).map((m) => [m.to, m.subject])).toEqual([
      ['doradca@splot.demo', 'Skierowanie przyjęte: Powiatowy Urząd Pracy w Poznaniu'],
    ]);
    const again = await b.post(`/app/poznan/referrals/${referralId}`, {
      intent: 'answer',
      decision: 'declined',
      responseNote: 'Jednak nie',
    });
    expect(again.status).toBe(422);
    expect(pageText(await again.text())).toContain(
      'Skierowanie zostało już przyjęte — można je teraz tylko oznaczyć',
    );
  });
});

describe('a withdrawn consent', () => {
  it('leaves the receiving organisation no personal data, only the fact', async () => {
    const b = await signedIn(coopRep.email, undefined, coopRep.password);
    const inbox = await b.get('/app/poznan/referrals');
    expect(inbox.status).toBe(200);
    const text = pageText(await inbox.text());
    expect(text).toContain('dane niedostępne — zgoda wycofana');
    const [ref] = await t.db
      .select({ id: referrals.id, personId: referrals.personId, reason: referrals.reason })
      .from(referrals)
      .innerJoin(organisations, eq(organisations.id, referrals.toOrganisationId))
      .where(
        and(
          eq(referrals.localityId, poznanId),
          eq(organisations.name, 'Spółdzielnia Socjalna „Zielona Pracownia”'),
        ),
      );
    const [p] = await t.db.select().from(people).where(eq(people.id, ref!.personId));
    const page = pageText(await (await b.get(`/app/poznan/referrals/${ref!.id}`)).text());
    expect(page).toContain('Osoba wycofała zgodę na przekazanie danych');
    expect(page).not.toContain(p!.familyName);
    expect(page).not.toContain(ref!.reason);
  });
});
