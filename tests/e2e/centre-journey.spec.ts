import type { Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { makePesel } from '../../app/features/participants/pesel.ts';
import {
  clickAndWaitForUrl,
  expectHeading,
  flashText,
  mainText,
  openSession,
  PHONE,
  type Session,
  screenshot,
  settled,
  sharedBrowser,
  signIn,
  signOut,
  switchLanguage,
  visit,
} from './support/browser.ts';
import {
  download,
  menuLink,
  message,
  openPanel,
  pdfText,
  submitExpectingErrors,
  submitExpectingFlash,
  warsawDate,
} from './support/journey.ts';
import { linkFrom, recordedMail, waitForMail } from './support/mail.ts';

/**
 * Issue 4's "done when", tried as new users would, in the Poznań demo: the animator registers a
 * person met at the club with consents (support, contact, sharing with the labour office); the
 * advisor builds the support plan, records advice with a confidential note, refers the person
 * to the labour office (a referral without consent is refused first) and invites the person to
 * self-service; the labour office's representative gets a notice without personal data, sees
 * only what the referral shares and accepts; the person accepts the invitation, sees the plan,
 * books an appointment and downloads their data; the coordinator sees who read the record. Role
 * checks: the animator does not read the confidential note, and a coordinator of another
 * locality reads nothing. Some of the new pages are checked in English too; axe runs on every page.
 *
 * The suite shares one database: names carry this run's tag.
 */
const browser = sharedBrowser();
const TAG = Date.now().toString(36).slice(-5);
const BASE = '/app/poznan';
const LIST = `${BASE}/participants`;
const ANIMATOR = 'animator.poznan@splot.demo';
const ANIMATOR_NAME = 'Agata Pawlak';
const ADVISOR = 'doradca@splot.demo';
const ADVISOR_NAME = 'Piotr Zieliński';
const OFFICE_REP = 'urzad.pracy.poznan@splot.demo';
const COORDINATOR = 'koordynator.poznan@splot.demo';
const OTHER_COORDINATOR = 'koordynator.wagrowiec@splot.demo';
const PUP = 'Powiatowy Urząd Pracy w Poznaniu';

const PERSON = { given: 'Renata', family: `Jankowska-${TAG}` };
const NAME = `${PERSON.given} ${PERSON.family}`;
const EMAIL = `renata.${TAG}@example.org`;
const PASSWORD = `moje nowe haslo ${TAG}`;
const PESEL = makePesel('1979-09-14', 'female', (Number.parseInt(TAG, 36) * 11) % 10_000);
const NEEDS = `Powrót do pracy po latach opieki nad mamą ${TAG}`;
const GOALS = `Stała praca w ciągu pół roku ${TAG}`;
const ACTION = `Warsztat pisania CV w klubie ${TAG}`;
const ADVICE_TOPIC = `Rozmowa o ścieżce zawodowej ${TAG}`;
const CONFIDENTIAL = `Poufne: zadłużenie u komornika ${TAG}`;
const REASON = `Pomoc w znalezieniu pracy w handlu ${TAG}`;
const SHARED_NOTE = `Najlepiej kontakt przed południem ${TAG}`;
const TOPIC = `Chcę porozmawiać o CV ${TAG}`;

let personPath = '';
let planPath = '';
let advicePath = '';
let referralPath = '';
let officeMailsBefore = 0;

function section(session: Session, heading: string): Locator {
  return session.page.locator(`section:has(> h2#${heading})`);
}

async function sectionText(session: Session, heading: string): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator, layout-aware on purpose
  return (await section(session, heading).innerText()).replace(/\s+/g, ' ').trim();
}

/** Records a consent (or another basis) through the folded form in "Zgody i podstawy prawne". */
async function recordConsent(session: Session, purpose: string, organisation?: string): Promise<void> {
  const panel = await openPanel(session.page, 'Zapisz zgodę lub inną podstawę');
  await panel.getByRole('radio', { name: purpose }).check();
  if (organisation) {
    await panel.getByLabel('Organizacja, której przekazujemy dane').selectOption({ label: organisation });
  }
  await panel.getByLabel('Od kiedy').fill(warsawDate());
  await submitExpectingFlash(
    session,
    () => panel.getByRole('button', { name: 'Zapisz', exact: true }).click(),
    'Zapisano zgodę lub podstawę prawną',
  );
}

/** Staff find the person the way a person would: the list's search, then the name. */
async function openPersonFromList(session: Session): Promise<void> {
  await visit(session, `${LIST}?q=${encodeURIComponent(PERSON.family)}`);
  await clickAndWaitForUrl(
    session,
    () => session.page.getByRole('link', { name: `${PERSON.family} ${PERSON.given}` }).click(),
    (u) => u.pathname === personPath,
  );
  await expectHeading(session.page, NAME);
}

/**
 * The person books an appointment from "Moje sprawy": a kind of help, then the first free slot
 * (trying the kinds in turn until one has a free slot). Returns the slot's time as shown.
 */
async function bookFreeSlot(session: Session, topic: string, shot?: string): Promise<string> {
  const { page } = session;
  await clickAndWaitForUrl(
    session,
    () => page.getByRole('link', { name: 'Umów spotkanie z doradcą' }).first().click(),
    (u) => u.pathname === `${BASE}/me/appointments/new`,
  );
  await expectHeading(page, 'Umów spotkanie z doradcą');
  let slot: Locator | null = null;
  for (const kind of ['Porada o pracy', 'Porada prawna', 'Porada o pieniądzach', 'Pomoc w założeniu firmy']) {
    if (new URL(page.url()).searchParams.has('kind')) {
      await clickAndWaitForUrl(
        session,
        () => page.getByRole('link', { name: 'Zmień rodzaj pomocy' }).click(),
        (u) => !u.searchParams.has('kind'),
      );
    }
    // The choices are large cards: a person taps the card (the label), not the small circle.
    const choice = page.getByRole('radio', { name: new RegExp(`^${kind}`) });
    await page.locator(`label[for="${await choice.getAttribute('id')}"]`).click();
    expect(await choice.isChecked()).toBe(true);
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Dalej' }).click(),
      (u) => u.searchParams.has('kind'),
    );
    const free = page.getByRole('group', { name: 'Wolne terminy' }).getByRole('radio');
    if ((await free.count()) > 0) {
      slot = free.first();
      break;
    }
  }
  expect(slot, 'a free slot in Poznań').not.toBeNull();
  const slotLabel = page.locator(`label[for="${await slot!.getAttribute('id')}"]`);
  const when = ((await slotLabel.locator('strong').textContent()) ?? '').trim();
  await slotLabel.click();
  expect(await slot!.isChecked()).toBe(true);
  const bookForm = page.locator('form', { has: page.getByRole('button', { name: 'Zarezerwuj ten termin' }) });
  await bookForm.getByLabel('O czym chcesz porozmawiać?').fill(topic);
  if (shot) await screenshot(page, shot);
  await submitExpectingFlash(
    session,
    () => bookForm.getByRole('button', { name: 'Zarezerwuj ten termin' }).click(),
    'Zarezerwowaliśmy termin. Do zobaczenia!',
  );
  return when;
}

describe('the Social Economy Centre, from the club to the labour office (Poznań)', () => {
  test('the animator registers a person met at the club and records consents, one for sharing with the labour office', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, ANIMATOR);
    const participants = await menuLink(page, 'Uczestnicy');
    await clickAndWaitForUrl(
      session,
      () => participants.click(),
      (u) => u.pathname === LIST,
    );
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: 'Zarejestruj uczestnika', exact: true }).click(),
      (u) => u.pathname === `${LIST}/new`,
    );
    await expectHeading(page, 'Rejestracja uczestnika');
    await page.getByRole('textbox', { name: 'Imię', exact: true }).fill(PERSON.given);
    await page.getByRole('textbox', { name: 'Nazwisko', exact: true }).fill(PERSON.family);
    await page
      .getByRole('combobox', { name: 'Podstawa przetwarzania danych (RODO art. 6)' })
      .selectOption({ label: 'zadanie publiczne' });
    await page.getByLabel('PESEL (opcjonalnie)').fill(PESEL);
    await page.getByLabel('Adres e-mail (opcjonalnie)').fill(EMAIL);
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Zarejestruj uczestnika', exact: true }).click(),
      (u) => /^\/app\/poznan\/participants\/[0-9a-f-]{36}$/.test(u.pathname),
    );
    personPath = new URL(page.url()).pathname;
    await expectHeading(page, NAME);
    expect(await flashText(page)).toBe('Uczestnik został zarejestrowany.');
    const data = await sectionText(session, 'pp-data');
    expect(data).toContain(PESEL);
    expect(data).toContain(EMAIL);
    expect(data).toContain(`Zarejestrował(a): ${ANIMATOR_NAME}`);

    await recordConsent(session, 'Wsparcie (udział w działaniach Centrum)');
    await recordConsent(session, 'Kontakt (telefon, e-mail)');
    await recordConsent(session, 'Przekazanie danych partnerowi', PUP);
    const today = warsawDate();
    const consents = await sectionText(session, 'consents');
    expect(consents).toContain(
      `Wsparcie (udział w działaniach Centrum) Zgoda osoby (art. 6 ust. 1 lit. a RODO), od ${today}`,
    );
    expect(consents).toContain(
      `Kontakt (telefon, e-mail) Zgoda osoby (art. 6 ust. 1 lit. a RODO), od ${today}`,
    );
    expect(consents).toContain(
      `Przekazanie danych partnerowi ${PUP}: Zgoda osoby (art. 6 ust. 1 lit. a RODO), od ${today}`,
    );
    // The animator neither records advice nor sees a plan yet.
    expect(await sectionText(session, 'pp-plan')).toContain('Plan wsparcia');
    expect(await section(session, 'pp-advice').getByRole('link', { name: 'Zapisz poradę' }).count()).toBe(0);
    await screenshot(page, 'journey-centre-registered');
    await session.context.close();
  });

  test('the advisor builds and agrees the plan, records confidential advice, refers the person to the labour office and invites them', async () => {
    expect(personPath, 'the first test registered the person').not.toBe('');
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, ADVISOR);
    // Two localities: the advisor picks Poznań.
    await visit(session, BASE);
    await openPersonFromList(session);

    // The support plan: needs, goals, start.
    expect(await sectionText(session, 'pp-plan')).toContain('Plan wsparcia');
    await clickAndWaitForUrl(
      session,
      () => section(session, 'pp-plan').getByRole('link', { name: 'Utwórz plan' }).click(),
      (u) => u.pathname === `${personPath}/plans/new`,
    );
    await expectHeading(page, 'Nowy plan wsparcia');
    await page.getByLabel('Potrzeby', { exact: true }).fill(NEEDS);
    await page.getByLabel('Cele', { exact: true }).fill(GOALS);
    await page.getByLabel('Początek planu').fill(warsawDate());
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Utwórz plan', exact: true }).click(),
      (u) => new RegExp(`^${personPath}/plans/[0-9a-f-]{36}$`).test(u.pathname),
    );
    planPath = new URL(page.url()).pathname;
    expect(await flashText(page)).toBe('Plan wsparcia został utworzony.');
    await expectHeading(page, `Plan wsparcia: ${NAME}`);
    const current = page.locator('.plan-steps [aria-current="step"]');
    expect(((await current.textContent()) ?? '').trim()).toContain('szkic');

    // Agreeing a plan without any action is explained, not done.
    const agreeErrors = await submitExpectingErrors(session, () =>
      page.getByRole('button', { name: 'Plan uzgodniony', exact: true }).click(),
    );
    expect(agreeErrors).toContain(
      'Zanim plan zostanie uzgodniony, dodaj co najmniej jedno zaplanowane działanie',
    );

    // An action, then the plan is agreed: the next named step.
    const actionForm = page.locator('#action-form');
    await actionForm.getByLabel('Rodzaj działania').selectOption({ label: 'szkolenie' });
    await actionForm.getByLabel('Opis działania').fill(ACTION);
    await submitExpectingFlash(
      session,
      () => actionForm.getByRole('button', { name: 'Dodaj działanie', exact: true }).click(),
      'Działanie zostało dodane.',
    );
    expect(await mainText(page)).toContain(ACTION);
    expect(await actionForm.getByLabel('Opis działania').inputValue(), 'the form is ready for the next').toBe(
      '',
    );
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Plan uzgodniony', exact: true }).click(),
      'Plan jest uzgodniony.',
    );
    expect(((await current.textContent()) ?? '').trim()).toContain('uzgodniony');
    expect(await mainText(page)).toContain('Następny krok: rozpocznij realizację');
    await screenshot(page, 'journey-centre-plan-agreed');

    // Advice with a confidential note, recorded from the person's page.
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: 'Wróć do danych uczestnika' }).first().click(),
      (u) => u.pathname === personPath,
    );
    expect(await sectionText(session, 'pp-plan')).toContain('uzgodniony');
    await clickAndWaitForUrl(
      session,
      () => section(session, 'pp-advice').getByRole('link', { name: 'Zapisz poradę' }).click(),
      (u) => u.pathname === `${BASE}/advice/new`,
    );
    await expectHeading(page, 'Zapisz poradę');
    await page.getByLabel('Rodzaj doradztwa').selectOption({ label: 'zawodowe' });
    await page.getByLabel('Czas trwania (minuty)').fill('45');
    await page.getByRole('textbox', { name: 'Temat', exact: true }).fill(ADVICE_TOPIC);
    await page.getByLabel('Notatka', { exact: true }).fill(CONFIDENTIAL);
    await page.getByRole('checkbox', { name: 'Notatka poufna' }).check();
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Zapisz poradę', exact: true }).click(),
      (u) => /^\/app\/poznan\/advice\/[0-9a-f-]{36}$/.test(u.pathname),
    );
    advicePath = new URL(page.url()).pathname;
    expect(await flashText(page)).toBe('Porada została zapisana.');
    const advice = await mainText(page);
    expect(advice).toContain(ADVICE_TOPIC);
    expect(advice, 'the advisor reads the confidential note').toContain(CONFIDENTIAL);

    // A referral: first to an organisation the person did not agree to share data with.
    await visit(session, personPath);
    await clickAndWaitForUrl(
      session,
      () => section(session, 'pp-referrals').getByRole('link', { name: 'Skieruj', exact: true }).click(),
      (u) => u.pathname === `${BASE}/referrals/new`,
    );
    await expectHeading(page, 'Skieruj osobę do organizacji');
    expect(await mainText(page)).toContain(`${PUP} — od ${warsawDate()}`);
    const to = page.getByLabel('Do kogo (organizacja przyjmująca)');
    const options = (await to.locator('option').allTextContents()).map((o) => o.trim());
    expect(options).toContain(`${PUP} (jest zgoda)`);
    const withoutConsent = options.find((o) => o !== '— wybierz —' && !o.endsWith('(jest zgoda)'));
    expect(withoutConsent, 'the directory has organisations without consent').toBeDefined();
    await to.selectOption({ label: withoutConsent! });
    await page.getByLabel('Powód skierowania').fill(REASON);
    const refusal = await submitExpectingErrors(session, () =>
      page.getByRole('button', { name: 'Wyślij skierowanie', exact: true }).click(),
    );
    expect(refusal).toContain(
      `Osoba nie wyraziła zgody na przekazanie danych do: ${withoutConsent}. Zapisz jej zgodę na stronie uczestnika, w sekcji „Zgody i podstawy prawne”.`,
    );
    await screenshot(page, 'journey-centre-referral-refused');

    // Then to the labour office, which she agreed to.
    await page.getByLabel('Do kogo (organizacja przyjmująca)').selectOption({ label: `${PUP} (jest zgoda)` });
    await page.getByLabel('Powód skierowania').fill(REASON);
    await page.getByLabel('Notatka dla organizacji przyjmującej (nieobowiązkowa)').fill(SHARED_NOTE);
    officeMailsBefore = recordedMail().length;
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Wyślij skierowanie', exact: true }).click(),
      'Skierowanie zostało wysłane. Organizacja przyjmująca dostała powiadomienie.',
    );
    referralPath = new URL(page.url()).pathname;
    expect(referralPath).toMatch(/^\/app\/poznan\/referrals\/[0-9a-f-]{36}$/);
    await expectHeading(page, `Skierowanie do: ${PUP}`);
    expect(await mainText(page)).toContain('wysłane — czeka na odpowiedź');

    // Self-service: the person is invited to sign in.
    await visit(session, personPath);
    await submitExpectingFlash(
      session,
      () =>
        section(session, 'self-service-title').getByRole('button', { name: 'Zaproś do logowania' }).click(),
      'Wysłaliśmy zaproszenie na adres e-mail tej osoby.',
    );
    const referrals = await sectionText(session, 'pp-referrals');
    expect(referrals).toContain(PUP);
    expect(referrals).toContain('wysłane — czeka na odpowiedź');
    await screenshot(page, 'journey-centre-advisor-person');
    await session.context.close();
  }, 120_000);

  test('the labour office gets a notice without personal data, sees only what the referral shares and accepts', async () => {
    expect(referralPath, 'the advisor sent the referral').not.toBe('');
    const notice = await waitForMail(OFFICE_REP, {
      after: officeMailsBefore,
      match: (m) => m.subject.startsWith('Nowe skierowanie'),
    });
    expect(notice.text).toContain('ta wiadomość nie zawiera danych osoby');
    for (const secret of [PESEL, NEEDS, GOALS, PERSON.family, CONFIDENTIAL]) {
      expect(notice.text).not.toContain(secret);
      expect(notice.subject).not.toContain(secret);
    }

    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, OFFICE_REP);
    const menu = await menuLink(page, 'Skierowania');
    await clickAndWaitForUrl(
      session,
      () => menu.click(),
      (u) => u.pathname === `${BASE}/referrals`,
    );
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: NAME, exact: true }).click(),
      (u) => u.pathname === referralPath,
    );
    await expectHeading(page, `Skierowanie do: ${PUP}`);
    const shared = await mainText(page);
    expect(shared).toContain('Widzisz tylko to, co przekazuje skierowanie.');
    expect(shared).toContain(NAME);
    expect(shared).toContain(REASON);
    expect(shared).toContain(SHARED_NOTE);
    expect(shared).toContain('Skierowanie nie przekazuje danych kontaktowych.');
    for (const secret of [PESEL, NEEDS, GOALS, ACTION, CONFIDENTIAL, EMAIL]) {
      expect(shared).not.toContain(secret);
    }
    await screenshot(page, 'journey-centre-office-referral');

    await page.getByRole('radio', { name: 'Przyjmujemy' }).check();
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Zapisz odpowiedź', exact: true }).click(),
      'Skierowanie zostało przyjęte.',
    );
    expect(await mainText(page)).toContain('przyjęte');

    // The person's record itself stays closed to the office.
    await visit(session, personPath, 403);
    expect(await mainText(page)).not.toContain(PERSON.family);
    await session.context.close();
  });

  test('the person accepts the invitation, sees the plan, books an appointment and downloads their data', async () => {
    expect(planPath, 'the advisor created the plan').not.toBe('');
    const mail = await waitForMail(EMAIL, { match: (m) => m.text.includes('/invitation/') });
    const link = linkFrom(mail, '/invitation/');

    const session = await openSession(browser(), { viewport: PHONE });
    const { page } = session;
    await visit(session, link);
    await expectHeading(page, 'Zaproszenie do Splotu');
    expect(await mainText(page)).toContain(EMAIL);
    await page.getByLabel('Imię i nazwisko').fill(NAME);
    await page.getByLabel('Nowe hasło').fill(PASSWORD);
    await page.getByLabel('Powtórz hasło').fill(PASSWORD);
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Załóż konto i przyjmij zaproszenie' }).click(),
      (u) => u.pathname === `${BASE}/me`,
    );
    await expectHeading(page, 'Moje sprawy');

    // Later: signing in with the new password lands on "Moje sprawy" again.
    await signOut(session);
    await signIn(session, EMAIL, PASSWORD);
    if (new URL(page.url()).pathname !== `${BASE}/me`) {
      await visit(session, BASE);
    }
    expect(new URL(page.url()).pathname).toBe(`${BASE}/me`);
    await expectHeading(page, 'Moje sprawy');
    const mine = await mainText(page);
    expect(mine).toContain(NEEDS);
    expect(mine).toContain(GOALS);
    expect(mine).toContain(ACTION);
    expect(mine).toContain(PUP);
    expect(mine, 'no confidential advice for the person either').not.toContain(CONFIDENTIAL);
    await screenshot(page, 'journey-centre-me');

    // Booking: a kind of help, then a free slot.
    const when = await bookFreeSlot(session, TOPIC, 'journey-centre-booking');
    expect(new URL(page.url()).pathname).toBe(`${BASE}/me`);
    const booked = await mainText(page);
    expect(booked).toContain(when);
    expect(booked).toContain(TOPIC);

    // Their data: JSON and a readable PDF.
    const json = await download(page, 'Pobierz plik JSON');
    expect(json.name).toMatch(/\.json$/);
    const exported = json.bytes.toString('utf8');
    expect(() => JSON.parse(exported)).not.toThrow();
    expect(exported).toContain(PERSON.family);
    expect(exported).toContain(NEEDS);
    const pdf = await download(page, 'Pobierz PDF do czytania');
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfText(pdf.bytes)).toContain(PERSON.family);

    // The staff page of their own record is not theirs to open.
    const staffPage = await page.goto(personPath);
    expect([403, 404]).toContain(staffPage?.status());
    await settled(session);
    await session.context.close();
  });

  test('the coordinator sees who read the record: the animator and the advisor', async () => {
    expect(personPath, 'the first test registered the person').not.toBe('');
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, COORDINATOR);
    await openPersonFromList(session);
    const viewers = await sectionText(session, 'pp-viewers');
    expect(viewers).toContain(ADVISOR_NAME);
    await clickAndWaitForUrl(
      session,
      () => section(session, 'pp-viewers').getByRole('link', { name: 'Kto przeglądał dane' }).click(),
      (u) => u.pathname === `${LIST}/access-log` && u.searchParams.has('person'),
    );
    await expectHeading(page, 'Kto przeglądał dane uczestników');
    const rows = page.locator('main tbody tr');
    for (const row of await rows.allTextContents()) expect(row).toContain(NAME);
    const reads = (who: string) => rows.filter({ hasText: who }).filter({ hasText: 'otwarcie strony' });
    expect(await reads(ANIMATOR_NAME).count()).toBeGreaterThan(0);
    expect(await reads(ADVISOR_NAME).count()).toBeGreaterThan(0);
    // The labour office's refused attempt is there too.
    expect(await rows.filter({ hasText: 'Robert Michalak' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'journey-centre-access-log');
    await session.context.close();
  });

  test('the animator does not read the confidential note; another locality reads nothing', async () => {
    expect(advicePath, 'the advisor recorded advice').not.toBe('');
    const animator = await openSession(browser());
    await signIn(animator, ANIMATOR);
    await visit(animator, advicePath);
    let text = await mainText(animator.page);
    expect(text).toContain(ADVICE_TOPIC);
    expect(text).toContain('Notatka poufna — widoczna tylko dla doradców');
    expect(text).not.toContain(CONFIDENTIAL);
    await visit(animator, personPath);
    text = await sectionText(animator, 'pp-advice');
    expect(text).toContain(ADVICE_TOPIC);
    expect(text).toContain('Notatka poufna — widoczna tylko dla doradców');
    expect(text).not.toContain(CONFIDENTIAL);
    await screenshot(animator.page, 'journey-centre-animator-advice');
    await animator.context.close();

    const other = await openSession(browser());
    const { page } = other;
    await signIn(other, OTHER_COORDINATOR);
    const personId = personPath.split('/').pop()!;
    for (const path of [personPath, `/app/wagrowiec/participants/${personId}`, advicePath, planPath]) {
      const response = await page.goto(path);
      expect([403, 404], `GET ${path} as the Wągrowiec coordinator`).toContain(response?.status());
      await settled(other);
      const seen = await mainText(page);
      expect(seen).not.toContain(PERSON.family);
      expect(seen).not.toContain(PESEL);
    }
    await other.context.close();
  });

  test('the plan, the advice session, the referral and the access log in English', async () => {
    expect(referralPath, 'the advisor sent the referral').not.toBe('');
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, COORDINATOR);
    await visit(session, planPath);
    await switchLanguage(session, 'en');
    try {
      await expectHeading(page, message('en', 'plans.page.title', { name: NAME }));
      expect(await mainText(page)).toContain(message('en', 'plans.step.agreed'));
      await screenshot(page, 'journey-centre-en-plan');
      await visit(session, advicePath);
      const advice = await mainText(page);
      expect(advice).toContain(message('en', 'advice.session.notesHidden'));
      expect(advice).not.toContain(CONFIDENTIAL);
      await visit(session, referralPath);
      await expectHeading(page, message('en', 'referrals.page.title', { organisation: PUP }));
      expect(await mainText(page)).toContain(message('en', 'referrals.status.accepted'));
      await visit(session, `${BASE}/referrals`);
      await visit(session, `${LIST}/access-log`);
      await expectHeading(page, "Who looked at participants' data");
    } finally {
      await switchLanguage(session, 'pl');
    }
    await session.context.close();
  });

  test('the person books another appointment without JavaScript, and reads "Moje sprawy" in English', async () => {
    expect(planPath, 'the advisor created the plan').not.toBe('');
    const session = await openSession(browser(), { javaScriptEnabled: false, viewport: PHONE });
    const { page } = session;
    await signIn(session, EMAIL, PASSWORD);
    if (new URL(page.url()).pathname !== `${BASE}/me`) await visit(session, BASE);
    await expectHeading(page, 'Moje sprawy');
    const topic = `Druga rozmowa bez JavaScriptu ${TAG}`;
    const when = await bookFreeSlot(session, topic);
    const mine = await mainText(page);
    expect(mine).toContain(when);
    expect(mine).toContain(topic);

    await switchLanguage(session, 'en');
    try {
      await expectHeading(page, message('en', 'me.title'));
      const english = await mainText(page);
      expect(english).toContain(NEEDS);
      expect(english).toContain(message('en', 'me.download.json'));
      await screenshot(page, 'journey-centre-en-me');
      await visit(session, `${BASE}/me/data`);
      await visit(session, `${BASE}/me/appointments/new`);
    } finally {
      await switchLanguage(session, 'pl');
    }
    await session.context.close();
  }, 120_000);
});
