import type { Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { makePesel } from '../../app/features/participants/pesel.ts';
import {
  clickAndWaitForUrl,
  expectHeading,
  flashText,
  mainText,
  openSession,
  type Session,
  screenshot,
  settled,
  sharedBrowser,
  signIn,
  submitForm,
  switchLanguage,
  visit,
} from './support/browser.ts';
import {
  menuLink,
  openPanel,
  submitExpectingErrors,
  submitExpectingFlash,
  warsawDate,
} from './support/journey.ts';

/**
 * Participants of the Centre in Kwilcz: the animator registers a person met at the club (a
 * wrong PESEL first), records consents, an at-risk category and the labour-market status,
 * withdraws a consent; the coordinator sees who read the record; a partner is refused. Also
 * without JavaScript and in English. The suite shares one database: names carry this run's tag.
 */
const browser = sharedBrowser();
const TAG = Date.now().toString(36).slice(-5);
const LIST = '/app/kwilcz/participants';
const ANIMATOR = 'animator.kwilcz@splot.demo';
const COORDINATOR = 'koordynator.kwilcz@splot.demo';
const PARTNER = 'partner.kwilcz@splot.demo';

/** A serial for PESELs of this run (PESEL need not be unique, but keep runs apart anyway). */
const serial = (n: number) => (Number.parseInt(TAG, 36) * 7 + n) % 10_000;

/** The same PESEL with a wrong last digit, and what the page should say about it. */
function wrongCheckDigit(pesel: string): { wrong: string; expected: number; given: number } {
  const expected = Number(pesel[10]);
  const given = (expected + 3) % 10;
  return { wrong: `${pesel.slice(0, 10)}${given}`, expected, given };
}

const PERSON = { given: 'Bożena', family: `Kaczmarek-${TAG}` };
const NAME = `${PERSON.given} ${PERSON.family}`;
let personPath = '';

function section(session: Session, id: string): Locator {
  return session.page.locator(`section:has(> h2#${id})`);
}

async function sectionText(session: Session, id: string): Promise<string> {
  // The rendered text (as a person reads it: a term and its value stay apart), not textContent.
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator, layout-aware on purpose
  return (await section(session, id).innerText()).replace(/\s+/g, ' ').trim();
}

/** The register form, Polish labels. */
async function fillPerson(session: Session, given: string, family: string, pesel: string): Promise<void> {
  const { page } = session;
  await page.getByRole('textbox', { name: 'Imię', exact: true }).fill(given);
  await page.getByRole('textbox', { name: 'Nazwisko', exact: true }).fill(family);
  await page
    .getByRole('combobox', { name: 'Podstawa przetwarzania danych (RODO art. 6)' })
    .selectOption({ label: 'zadanie publiczne' });
  await page.getByLabel('PESEL (opcjonalnie)').fill(pesel);
}

/** Records a consent (or another basis) through the folded form in #consents. */
async function recordConsent(
  session: Session,
  purpose: string,
  flash = 'Zapisano zgodę lub podstawę prawną',
) {
  const panel = await openPanel(session.page, 'Zapisz zgodę lub inną podstawę');
  await panel.getByRole('radio', { name: purpose }).check();
  await panel.getByLabel('Od kiedy').fill(warsawDate());
  await submitExpectingFlash(
    session,
    () => panel.getByRole('button', { name: 'Zapisz', exact: true }).click(),
    flash,
  );
}

describe('participants of the Centre (Kwilcz)', () => {
  test('the animator registers a person met at the club and records consents, a category and the labour-market status', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, ANIMATOR);
    await menuLink(page, 'Uczestnicy');
    await visit(session, LIST);
    await expectHeading(page, 'Uczestnicy');
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: 'Zarejestruj uczestnika', exact: true }).click(),
      (u) => u.pathname === `${LIST}/new`,
    );
    await expectHeading(page, 'Rejestracja uczestnika');

    // A mistyped PESEL: the check digit is explained in figures; nothing typed is lost.
    const pesel = makePesel('1971-04-18', 'female', serial(1));
    const bad = wrongCheckDigit(pesel);
    await fillPerson(session, PERSON.given, PERSON.family, bad.wrong);
    const summary = await submitExpectingErrors(session, () =>
      page.getByRole('button', { name: 'Zarejestruj uczestnika', exact: true }).click(),
    );
    expect(summary).toContain(
      `Cyfra kontrolna powinna wynosić ${bad.expected}, a nie ${bad.given} — sprawdź numer PESEL`,
    );
    expect(await page.getByRole('textbox', { name: 'Imię', exact: true }).inputValue()).toBe(PERSON.given);
    expect(await page.getByRole('textbox', { name: 'Nazwisko', exact: true }).inputValue()).toBe(
      PERSON.family,
    );
    expect(await page.getByLabel('PESEL (opcjonalnie)').inputValue()).toBe(bad.wrong);
    await screenshot(page, 'journey-participants-pesel-error');

    // Corrected: the page shows the person, with birth date and sex read from the number.
    await page.getByLabel('PESEL (opcjonalnie)').fill(pesel);
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Zarejestruj uczestnika', exact: true }).click(),
      (u) => /^\/app\/kwilcz\/participants\/[0-9a-f-]{36}$/.test(u.pathname),
    );
    personPath = new URL(page.url()).pathname;
    await expectHeading(page, NAME);
    expect(await flashText(page)).toBe('Uczestnik został zarejestrowany.');
    const data = await sectionText(session, 'pp-data');
    expect(data).toContain(pesel);
    expect(data).toContain('18.04.1971');
    expect(data).toContain('kobieta');
    expect(data).toContain('zadanie publiczne');
    expect(data).toContain('Zarejestrował(a): Jan Kowalczyk');
    expect(await sectionText(session, 'consents')).toContain(
      'Nie zapisano jeszcze żadnej zgody ani podstawy.',
    );

    // Consents for support and for contact.
    await recordConsent(session, 'Wsparcie (udział w działaniach Centrum)');
    await recordConsent(session, 'Kontakt (telefon, e-mail)');
    const today = warsawDate();
    let consents = await sectionText(session, 'consents');
    expect(consents).toContain(
      `Wsparcie (udział w działaniach Centrum) Zgoda osoby (art. 6 ust. 1 lit. a RODO), od ${today}`,
    );
    expect(consents).toContain(
      `Kontakt (telefon, e-mail) Zgoda osoby (art. 6 ust. 1 lit. a RODO), od ${today}`,
    );
    expect(await section(session, 'consents').getByRole('row').count()).toBe(3);

    // An at-risk category with its evidence.
    const categoryPanel = await openPanel(page, 'Dodaj kategorię');
    await categoryPanel.getByRole('radio', { name: /^Osoba bezrobotna \(/ }).check();
    await categoryPanel
      .getByLabel('Na jakiej podstawie (dokument)')
      .fill('zaświadczenie z PUP w Szamotułach');
    await submitExpectingFlash(
      session,
      () => categoryPanel.getByRole('button', { name: 'Dodaj', exact: true }).click(),
      'Dodano kategorię',
    );
    const categories = await sectionText(session, 'categories');
    expect(categories).toContain('Osoba bezrobotna');
    expect(categories).toContain('zaświadczenie z PUP w Szamotułach');
    expect(categories).not.toContain('Nie zapisano żadnej kategorii.');

    // The labour-market status on joining.
    expect(await sectionText(session, 'labour-status')).toContain(
      'Nie zapisano jeszcze sytuacji na rynku pracy.',
    );
    const statusPanel = await openPanel(page, 'Zapisz zmianę sytuacji');
    await statusPanel.getByRole('radio', { name: 'Bezrobotna, zarejestrowana w PUP' }).check();
    await statusPanel.getByLabel('Od kiedy').fill(today);
    await submitExpectingFlash(
      session,
      () => statusPanel.getByRole('button', { name: 'Zapisz', exact: true }).click(),
      'Zapisano sytuację na rynku pracy',
    );
    expect(await sectionText(session, 'labour-status')).toContain(
      `Obecnie: Bezrobotna, zarejestrowana w PUP (od ${today}).`,
    );

    // The person no longer wants phone calls: the contact consent is withdrawn, support stays.
    const withdraw = await openPanel(page, 'Wycofaj zgodę');
    await withdraw
      .getByLabel('Którą zgodę')
      .selectOption({ label: `Kontakt (telefon, e-mail) (od ${today})` });
    await withdraw.getByLabel('Data wycofania').fill(today);
    await submitExpectingFlash(
      session,
      () => withdraw.getByRole('button', { name: 'Wycofaj zgodę' }).click(),
      'Zgoda została wycofana',
    );
    consents = await sectionText(session, 'consents');
    expect(consents).toContain(
      'Kontakt (telefon, e-mail) Brak podstawy — nie przetwarzamy danych w tym celu',
    );
    expect(consents).toContain(`Wycofana ${today} (zapisał(a): Jan Kowalczyk)`);
    expect(consents).toContain(
      `Wsparcie (udział w działaniach Centrum) Zgoda osoby (art. 6 ust. 1 lit. a RODO), od ${today}`,
    );
    // Only the support consent is left to withdraw.
    const left = await openPanel(page, 'Wycofaj zgodę');
    const options = await left.getByLabel('Którą zgodę').locator('option').allTextContents();
    expect(options).toEqual(['— wybierz zgodę —', `Wsparcie (udział w działaniach Centrum) (od ${today})`]);
    await screenshot(page, 'journey-participants-page');

    // The person is on the list, found by a search without Polish letters.
    await visit(session, `${LIST}?q=${encodeURIComponent(`bozena kaczmarek-${TAG}`)}`);
    expect(await mainText(page)).toContain('1 uczestnik');
    await page.getByRole('link', { name: `${PERSON.family} ${PERSON.given}` }).waitFor();
    await session.context.close();
  });

  test('a partner is refused the record and has no menu item; the coordinator sees who looked', async () => {
    expect(personPath, 'the first test registered the person').not.toBe('');
    const partner = await openSession(browser());
    await signIn(partner, PARTNER);
    const menu = partner.page.getByRole('navigation', { name: 'Menu główne' });
    await menu.getByRole('link').first().waitFor();
    expect(await menu.getByRole('link', { name: 'Uczestnicy', includeHidden: true }).count()).toBe(0);
    await visit(partner, personPath, 403);
    await expectHeading(partner.page, 'Brak dostępu');
    expect(await mainText(partner.page)).not.toContain(PERSON.family);
    await visit(partner, LIST, 403);
    await partner.context.close();

    const coordinator = await openSession(browser());
    const { page } = coordinator;
    await signIn(coordinator, COORDINATOR);
    await visit(coordinator, LIST);
    await clickAndWaitForUrl(
      coordinator,
      () => page.getByRole('link', { name: 'Kto przeglądał dane' }).click(),
      (u) => u.pathname === `${LIST}/access-log`,
    );
    await expectHeading(page, 'Kto przeglądał dane uczestników');
    const reads = page.getByRole('row').filter({ hasText: NAME });
    const animatorRead = reads.filter({ hasText: 'Jan Kowalczyk' }).filter({ hasText: 'otwarcie strony' });
    expect(await animatorRead.count()).toBeGreaterThan(0);
    const refused = reads.filter({ hasText: 'Ks. Marek Dąbrowski' }).filter({ hasText: 'odmowa dostępu' });
    expect(await refused.count()).toBeGreaterThan(0);
    // Narrowed to this one person.
    await clickAndWaitForUrl(
      coordinator,
      () => animatorRead.first().getByRole('link', { name: 'Tylko ta osoba' }).click(),
      (u) => u.searchParams.has('person'),
    );
    const rows = await page.locator('main tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row).toContain(NAME);
    await screenshot(page, 'journey-participants-access-log');
    await coordinator.context.close();
  });

  test('the register form and the consent form work without JavaScript', async () => {
    const session = await openSession(browser(), { javaScriptEnabled: false });
    const { page } = session;
    await signIn(session, ANIMATOR);
    await visit(session, `${LIST}/new`);
    const family = `Nowicki-${TAG}`;
    const pesel = makePesel('1988-02-29', 'male', serial(2));

    // A PESEL one digit short and no family name: both explained, the rest kept.
    await fillPerson(session, 'Tadeusz', '', pesel.slice(0, 10));
    const summary = await submitExpectingErrors(session, () =>
      page.getByRole('button', { name: 'Zarejestruj uczestnika', exact: true }).click(),
    );
    expect(summary).toContain('PESEL ma 11 cyfr, a wpisano 10 cyfr');
    expect(await page.getByRole('textbox', { name: 'Imię', exact: true }).inputValue()).toBe('Tadeusz');
    expect(await page.getByLabel('PESEL (opcjonalnie)').inputValue()).toBe(pesel.slice(0, 10));

    await page.getByRole('textbox', { name: 'Nazwisko', exact: true }).fill(family);
    await page.getByLabel('PESEL (opcjonalnie)').fill(pesel);
    const post = await submitForm(session, () =>
      page.getByRole('button', { name: 'Zarejestruj uczestnika', exact: true }).click(),
    );
    expect(post.status()).toBe(302);
    await page.waitForURL((u) => /^\/app\/kwilcz\/participants\/[0-9a-f-]{36}$/.test(u.pathname));
    await settled(session);
    await expectHeading(page, `Tadeusz ${family}`);
    expect(await flashText(page)).toBe('Uczestnik został zarejestrowany.');
    expect(await sectionText(session, 'pp-data')).toContain('29.02.1988');

    // The consent form without a purpose: explained, the date kept; then saved.
    let panel = await openPanel(page, 'Zapisz zgodę lub inną podstawę');
    await panel.getByLabel('Od kiedy').fill(warsawDate(-2));
    const errors = await submitExpectingErrors(session, () =>
      panel.getByRole('button', { name: 'Zapisz', exact: true }).click(),
    );
    expect(errors).toContain('Wybierz cel');
    panel = page.locator('details.panel-details[open]', {
      has: page.locator('summary', { hasText: 'Zapisz zgodę lub inną podstawę' }),
    });
    expect(await panel.getByLabel('Od kiedy').inputValue()).toBe(warsawDate(-2));
    await panel.getByRole('radio', { name: 'Wsparcie (udział w działaniach Centrum)' }).check();
    await submitExpectingFlash(
      session,
      () => panel.getByRole('button', { name: 'Zapisz', exact: true }).click(),
      'Zapisano zgodę lub podstawę prawną',
    );
    expect(await sectionText(session, 'consents')).toContain(
      `Wsparcie (udział w działaniach Centrum) Zgoda osoby (art. 6 ust. 1 lit. a RODO), od ${warsawDate(-2)}`,
    );
    await session.context.close();
  });

  test('the list, a page, the register form and the access log in English', async () => {
    expect(personPath, 'the first test registered the person').not.toBe('');
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, COORDINATOR);
    await visit(session, LIST);
    // The choice of language is kept on the account: put it back afterwards.
    await switchLanguage(session, 'en');
    try {
      await expectHeading(page, 'Participants');
      expect(
        await page
          .getByRole('navigation', { name: 'Main menu' })
          // The link sits in the menu's (closed) "Centre" group.
          .getByRole('link', { name: 'Participants', includeHidden: true })
          .count(),
      ).toBe(1);
      expect(await mainText(page)).toMatch(/\d+ participants?/);
      await screenshot(page, 'journey-participants-en-list');

      await visit(session, personPath);
      await expectHeading(page, NAME);
      expect(await sectionText(session, 'pp-data')).toContain('Personal data');
      const consents = await sectionText(session, 'consents');
      expect(consents).toContain('Consents and legal bases');
      expect(consents).toContain('Contact (phone, e-mail)');
      expect(await sectionText(session, 'categories')).toContain('Unemployed person');
      await screenshot(page, 'journey-participants-en-page');

      await visit(session, `${LIST}/new`);
      await expectHeading(page, 'Register a participant');
      const pesel = makePesel('1990-07-03', 'male', serial(3));
      const bad = wrongCheckDigit(pesel);
      await page.getByRole('textbox', { name: 'Given name', exact: true }).fill('John');
      await page.getByRole('textbox', { name: 'Family name', exact: true }).fill(`Smith-${TAG}`);
      await page
        .getByRole('combobox', { name: 'Legal basis (GDPR art. 6)' })
        .selectOption({ label: 'consent' });
      await page.getByLabel('PESEL (optional)').fill(bad.wrong);
      const summary = await submitExpectingErrors(session, () =>
        page.getByRole('button', { name: 'Register the participant', exact: true }).click(),
      );
      expect(summary).toContain(
        `The check digit should be ${bad.expected}, not ${bad.given} — check the PESEL`,
      );
      expect(await page.getByRole('textbox', { name: 'Family name', exact: true }).inputValue()).toBe(
        `Smith-${TAG}`,
      );

      await visit(session, `${LIST}/access-log`);
      await expectHeading(page, "Who looked at participants' data");
      expect(await mainText(page)).toContain('opened the page');
      await screenshot(page, 'journey-participants-en-access-log');
    } finally {
      await switchLanguage(session, 'pl');
    }
    await expectHeading(page, 'Kto przeglądał dane uczestników');
    await session.context.close();
  });
});
