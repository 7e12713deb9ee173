import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import {
  baseUrl,
  clickAndWaitForUrl,
  errorSummaryText,
  expectHeading,
  flashText,
  mainText,
  openSession,
  type Session,
  settled,
  sharedBrowser,
  signIn,
  submitForm,
  switchLanguage,
  visit,
} from './support/browser.ts';
import { menuLink } from './support/journey.ts';

const browser = sharedBrowser();

/**
 * Makes this run's names unique: the e2e suite shares one database, so the spec never relies on
 * (or clashes with) what other spec files create.
 */
const TAG = Date.now().toString(36).slice(-5);

const ORGANISATION_PAGE = /^\/app\/[\w-]+\/organisations\/[0-9a-f-]{36}$/;

type NewOrganisation = { name: string; kind: string; legalForm?: string; nip?: string; city?: string };

/** Fills the add/edit form the way a person would: labels, visible option texts. */
async function fillOrganisationForm(page: Page, org: NewOrganisation): Promise<void> {
  await page.getByLabel('Nazwa', { exact: true }).fill(org.name);
  await page.getByLabel('Rodzaj', { exact: true }).selectOption({ label: org.kind });
  if (org.legalForm) {
    await page.getByLabel('Forma prawna', { exact: true }).selectOption({ label: org.legalForm });
  }
  await page.getByLabel('NIP', { exact: true }).fill(org.nip ?? '');
  if (org.city) await page.getByLabel('Miejscowość', { exact: true }).fill(org.city);
}

function addButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Dodaj organizację', exact: true });
}

/** Adds an organisation through the form (no warnings expected); returns its page's path. */
async function addOrganisation(session: Session, locality: string, org: NewOrganisation): Promise<string> {
  await visit(session, `/app/${locality}/organisations/new`);
  await fillOrganisationForm(session.page, org);
  await clickAndWaitForUrl(
    session,
    () => addButton(session.page).click(),
    (u) => ORGANISATION_PAGE.test(u.pathname),
  );
  await expectHeading(session.page, org.name);
  return new URL(session.page.url()).pathname;
}

/** The texts an input is described by (its hint and its error), as a screen reader announces them. */
async function description(field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts: string[] = [];
  for (const id of ids) texts.push(((await field.page().locator(`[id="${id}"]`).textContent()) ?? '').trim());
  return texts.join(' ').replace(/\s+/g, ' ');
}

async function pesStatus(page: Page): Promise<string> {
  return ((await page.locator('.pes-status').textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Names linked in the directory table, in order. */
async function listedNames(page: Page): Promise<string[]> {
  return (await page.locator('main table tbody th a').allTextContents()).map((s) => s.trim());
}

async function caption(page: Page): Promise<string> {
  return ((await page.locator('main table caption').textContent()) ?? '').trim();
}

async function paginationStatus(page: Page): Promise<string> {
  return ((await page.locator('nav.pagination [aria-current="page"]').textContent()) ?? '').trim();
}

/** The list's caption for `n` organisations, with the Polish plural ("3 organizacje", "5 organizacji"). */
function polishCount(n: number): string {
  if (n === 1) return '1 organizacja';
  const few = n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14);
  return `${n} ${few ? 'organizacje' : 'organizacji'}`;
}

/** How many organisations the locality's directory holds, as its list page says. */
async function directorySize(session: Session, locality: string): Promise<number> {
  await visit(session, `/app/${locality}/organisations`);
  if ((await session.page.locator('main table').count()) === 0) return 0;
  const match = /^(\d+)/.exec(await caption(session.page));
  expect(match, 'the table caption starts with the number of organisations').not.toBeNull();
  return Number(match![1]);
}

/** Submits a form that redirects with a flash message (also on the same page) and waits for that flash. */
async function submitExpectingFlash(
  session: Session,
  click: () => Promise<void>,
  flash: string,
): Promise<void> {
  const post = await submitForm(session, click);
  if (!session.js) expect([302, 303], `POST ${post.url()} redirects`).toContain(post.status());
  await session.page.locator('main .flash', { hasText: flash }).waitFor();
  await settled(session);
  expect(await flashText(session.page)).toBe(flash);
}

/** Opens one of the detail page's folded forms ("Dodaj osobę do kontaktu", "Zapisz kontakt"). */
async function openPanel(page: Page, summary: string): Promise<Locator> {
  const panel = page.locator('details.panel-details', {
    has: page.locator('summary', { hasText: summary }),
  });
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  await page.waitForFunction((text) => {
    return [...document.querySelectorAll('details.panel-details')].some(
      (d) => (d as HTMLDetailsElement).open && d.querySelector('summary')?.textContent?.trim() === text,
    );
  }, summary);
  // The form was hidden until now: check it too.
  await expectNoAxeViolations(page);
  return panel;
}

/** A calendar date `days` from today in Warsaw, as typed in a date field and shown by the app ("5.03.2027"). */
function warsawDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d! + days));
  return `${date.getUTCDate()}.${String(date.getUTCMonth() + 1).padStart(2, '0')}.${date.getUTCFullYear()}`;
}

/** Windows-1250 bytes of the Polish letters (everything else in these files is ASCII). */
const WINDOWS_1250: Record<string, number> = {
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
};

/** A file as Polish Excel saves "CSV (rozdzielany średnikami)": Windows-1250, CRLF. */
function windows1250(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text.replace(/\n/g, '\r\n')) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const byte = WINDOWS_1250[ch];
      if (byte === undefined) throw new Error(`no Windows-1250 byte for "${ch}" in the test's table`);
      bytes.push(byte);
    }
  }
  return Buffer.from(bytes);
}

async function uploadCsv(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByLabel('Plik CSV', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer });
}

/** The import's problem table, one [line, column, problem] per row. */
async function importProblems(page: Page): Promise<string[][]> {
  const rows = page.locator('.error-summary table tbody tr');
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    out.push((await rows.nth(i).locator('td').allTextContents()).map((s) => s.trim()));
  }
  return out;
}

describe('coordinator builds the directory', () => {
  test('Kwilcz starts empty; a wrong NIP is explained, the status is derived, a near-identical name needs a confirmation', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, 'koordynator.kwilcz@splot.demo');
    await clickAndWaitForUrl(
      session,
      async () => (await menuLink(page, 'Katalog organizacji')).click(),
      '**/app/kwilcz/organisations',
    );
    await expectHeading(page, 'Katalog organizacji');
    // The Kwilcz demo directory starts empty; other spec files (partnership, kwilcz-from-nothing)
    // add to it too, and files run in no fixed order: the empty state shows when this one is first.
    if ((await page.locator('main table').count()) === 0) {
      expect(await mainText(page)).toContain(
        'Katalog jest jeszcze pusty. Dodaj pierwszą organizację albo zaimportuj listę z pliku CSV.',
      );
    } else {
      expect(await mainText(page)).not.toContain('Katalog jest jeszcze pusty.');
    }

    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: 'Dodaj organizację', exact: true }).click(),
      '**/app/kwilcz/organisations/new',
    );
    await expectHeading(page, 'Dodaj organizację');

    // A typo in the NIP's last digit.
    const name = `Stowarzyszenie Przyjaciół Kwilcza ${TAG}`;
    await fillOrganisationForm(page, { name, kind: 'stowarzyszenie', nip: '526-025-02-75', city: 'Kwilcz' });
    const refused = await submitForm(session, () => addButton(page).click());
    expect(refused.status()).toBe(400);
    const summary = await errorSummaryText(page);
    expect(summary).toContain('Wystąpił problem');
    expect(summary).toContain(
      'Ostatnia cyfra (kontrolna) nie pasuje do pozostałych: wpisano 5, a powinna być 4. Sprawdź, czy nie ma literówki',
    );
    expect(await page.locator('.error-summary a').getAttribute('href')).toBe('#f-nip');
    expect(await page.title()).toMatch(/^Błąd: Dodaj organizację/);
    const nip = page.getByLabel('NIP', { exact: true });
    expect(await nip.getAttribute('aria-invalid')).toBe('true');
    expect(await description(nip)).toContain('wpisano 5, a powinna być 4');
    // What was typed stays in the form.
    expect(await nip.inputValue()).toBe('526-025-02-75');
    expect(await page.getByLabel('Nazwa', { exact: true }).inputValue()).toBe(name);
    expect(await page.getByLabel('Miejscowość', { exact: true }).inputValue()).toBe('Kwilcz');
    await settled(session);

    await nip.fill('5260250274');
    await clickAndWaitForUrl(
      session,
      () => addButton(page).click(),
      (u) => ORGANISATION_PAGE.test(u.pathname),
    );
    const firstPath = new URL(page.url()).pathname;
    await expectHeading(page, name);
    expect(await flashText(page)).toBe('Dodano organizację do katalogu.');
    // An association is a social-economy entity by its legal form (derived, never typed).
    expect(await pesStatus(page)).toBe(
      'Podmiot ekonomii społecznej. Wynika to z formy prawnej i rodzaju: art. 2 pkt 5 lit. e ustawy z 5 sierpnia 2022 r. o ekonomii społecznej.',
    );
    // Kind and legal form read the same here: the lead says it once.
    expect(await page.locator('main .lead').textContent()).toBe('stowarzyszenie');
    expect(await page.locator('dl.summary-list').textContent()).toContain('5260250274');

    // A near-identical name: a warning with a link to the entry already there, and a confirmation.
    const similarName = `Fundacja Przyjaciół Kwilcza ${TAG}`;
    await visit(session, '/app/kwilcz/organisations/new');
    await fillOrganisationForm(page, { name: similarName, kind: 'fundacja' });
    const warned = await submitForm(session, () => addButton(page).click());
    expect(warned.status()).toBe(409);
    const warning = page.locator('.warning-box');
    await warning.waitFor();
    await settled(session);
    expect(((await warning.locator('h2').textContent()) ?? '').trim()).toBe(
      'Podobna organizacja jest już w katalogu',
    );
    expect(await warning.getByRole('link', { name, exact: true }).getAttribute('href')).toBe(firstPath);
    expect(await page.getByLabel('Nazwa', { exact: true }).inputValue()).toBe(similarName);
    const confirm = page.getByLabel('To inna organizacja – zapisz ją mimo podobnej nazwy');
    expect(await confirm.isChecked()).toBe(false);
    await confirm.check();
    await clickAndWaitForUrl(
      session,
      () => addButton(page).click(),
      (u) => ORGANISATION_PAGE.test(u.pathname) && u.pathname !== firstPath,
    );
    await expectHeading(page, similarName);
    expect(await flashText(page)).toBe('Dodano organizację do katalogu.');
    expect(await pesStatus(page)).toContain('Podmiot ekonomii społecznej.');

    // Both are in the directory.
    await visit(session, '/app/kwilcz/organisations');
    const names = await listedNames(page);
    expect(names).toContain(name);
    expect(names).toContain(similarName);
    const row = page.getByRole('row', { name: new RegExp(`^${name}`) });
    expect(((await row.locator('td').allTextContents()) ?? []).map((s) => s.trim())).toEqual([
      'stowarzyszenie',
      'tak',
      '5260250274',
      'Kwilcz',
    ]);
    await session.context.close();
  });

  test('on an organisation’s page: a contact person with a legal basis, a contact with a follow-up, marked done', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, 'koordynator.kwilcz@splot.demo');
    const orgName = `Ochotnicza Straż Pożarna w Mościejewie ${TAG}`;
    await addOrganisation(session, 'kwilcz', { name: orgName, kind: 'stowarzyszenie', city: 'Mościejewo' });
    expect(await mainText(page)).toContain('Nie ma jeszcze osób do kontaktu.');
    expect(await mainText(page)).toContain('Nie zapisano jeszcze żadnego kontaktu.');

    // A contact person: the legal basis for keeping their data is required.
    let panel = await openPanel(page, 'Dodaj osobę do kontaktu');
    await panel.getByLabel('Imię i nazwisko').fill('Halina Wiśniewska');
    await panel.getByLabel('Funkcja (opcjonalnie)').fill('prezeska zarządu');
    await panel.getByLabel('E-mail', { exact: true }).fill('halina.wisniewska@example.org');
    const refused = await submitForm(session, () =>
      panel.getByRole('button', { name: 'Dodaj osobę', exact: true }).click(),
    );
    expect(refused.status()).toBe(400);
    expect(await errorSummaryText(page)).toContain('Wybierz podstawę przechowywania danych');
    await settled(session);
    panel = await openPanel(page, 'Dodaj osobę do kontaktu');
    expect(await panel.getByLabel('Imię i nazwisko').inputValue()).toBe('Halina Wiśniewska');
    const basis = panel.getByLabel('Podstawa przechowywania danych (RODO art. 6)');
    expect(await description(basis)).toContain('Wybierz podstawę przechowywania danych');
    await basis.selectOption({ label: 'zgoda' });
    await panel.getByLabel('Uwagi o podstawie (opcjonalnie)').fill('zgoda ustna na zebraniu zarządu');
    await submitExpectingFlash(
      session,
      () => panel.getByRole('button', { name: 'Dodaj osobę', exact: true }).click(),
      'Dodano osobę do kontaktu.',
    );
    // The form starts again closed and empty, as after a page load (no second "Halina" by mistake).
    expect(await panel.getAttribute('open')).toBeNull();
    panel = await openPanel(page, 'Dodaj osobę do kontaktu');
    expect(await panel.getByLabel('Imię i nazwisko').inputValue()).toBe('');
    expect(await panel.getByLabel('Podstawa przechowywania danych (RODO art. 6)').inputValue()).toBe('');
    const contact = page.locator('ul.contact-list > li');
    expect(await contact.count()).toBe(1);
    const contactText = ((await contact.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(contactText).toContain('Halina Wiśniewska, prezeska zarządu');
    expect(contactText).toContain('halina.wisniewska@example.org');
    expect(contactText).toContain('Podstawa przetwarzania: zgoda – zgoda ustna na zebraniu zarządu');

    // A meeting with a follow-up.
    const due = warsawDate(14);
    panel = await openPanel(page, 'Zapisz kontakt');
    await panel.getByLabel('Forma kontaktu').selectOption({ label: 'spotkanie' });
    await panel.getByLabel('Z kim (opcjonalnie)').selectOption({ label: 'Halina Wiśniewska' });
    await panel
      .getByLabel('Czego dotyczył kontakt')
      .fill('Rozmowa o wspólnym festynie i miejscu na klub integracyjny w remizie.');
    await panel.getByLabel('Co trzeba zrobić').fill('Wysłać wzór porozumienia o użyczeniu sali');
    await panel.getByLabel('Termin', { exact: true }).fill(due);
    expect(
      await panel.getByLabel('Kto się tym zajmie').locator('option:checked').textContent(),
      'the follow-up is the author’s by default',
    ).toBe('Katarzyna Nowak');
    await submitExpectingFlash(
      session,
      () => panel.getByRole('button', { name: 'Zapisz kontakt', exact: true }).click(),
      'Zapisano kontakt.',
    );
    expect(await panel.getAttribute('open')).toBeNull();
    expect(await panel.getByLabel('Czego dotyczył kontakt').inputValue()).toBe('');
    const entries = page.locator('ol.history > li');
    expect(await entries.count()).toBe(1);
    const entry = ((await entries.first().textContent()) ?? '').replace(/\s+/g, ' ');
    expect(entry).toContain('spotkanie · Halina Wiśniewska · zapisał(a): Katarzyna Nowak');
    expect(entry).toContain('Rozmowa o wspólnym festynie i miejscu na klub integracyjny w remizie.');
    expect(entry).toContain('Co trzeba zrobić: Wysłać wzór porozumienia o użyczeniu sali');
    expect(entry).toContain(`termin: ${due}, zajmuje się: Katarzyna Nowak`);

    // The follow-up is done.
    await submitExpectingFlash(
      session,
      () => entries.first().getByRole('button', { name: 'Oznacz jako wykonane' }).click(),
      'Oznaczono dalsze działanie jako wykonane.',
    );
    expect(await entries.count()).toBe(1);
    expect(await page.locator('ol.history .follow-up--done').count()).toBe(1);
    expect(((await entries.first().textContent()) ?? '').replace(/\s+/g, ' ')).toMatch(/wykonano \d/);
    expect(await page.getByRole('button', { name: 'Oznacz jako wykonane' }).count()).toBe(0);

    // Still there after a full reload.
    await visit(session, new URL(page.url()).pathname);
    expect(await entries.count()).toBe(1);
    expect(await contact.count()).toBe(1);
    expect(await page.locator('ol.history .follow-up--done').count()).toBe(1);
    await session.context.close();
  });
});

describe('finding organisations', () => {
  test('Poznań: search ignoring case and Polish letters, filters by kind and status, pagination', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, 'koordynator.poznan@splot.demo');
    await visit(session, '/app/poznan/organisations');
    await expectHeading(page, 'Katalog organizacji');
    expect(await caption(page)).toBe('69 organizacji');
    expect(await listedNames(page)).toHaveLength(20);
    expect(await paginationStatus(page)).toBe('Strona 1 z 4');

    const search = async (fill: () => Promise<void>, expected: (u: URL) => boolean) => {
      await fill();
      await clickAndWaitForUrl(
        session,
        () => page.getByRole('search').getByRole('button', { name: 'Szukaj' }).click(),
        expected,
      );
    };

    // Without Polish letters, in lower case.
    await search(
      () => page.getByRole('searchbox', { name: 'Nazwa' }).fill('osrodek'),
      (u) => u.searchParams.get('q') === 'osrodek',
    );
    expect(await listedNames(page)).toEqual(['Miejski Ośrodek Pomocy Społecznej w Poznaniu']);
    expect(await caption(page)).toBe('1 organizacja');
    expect(await page.locator('nav.pagination').count()).toBe(0);
    expect(await page.getByRole('searchbox', { name: 'Nazwa' }).inputValue()).toBe('osrodek');

    // In capitals.
    await search(
      () => page.getByRole('searchbox', { name: 'Nazwa' }).fill('SPOLDZIELNIA'),
      (u) => u.searchParams.get('q') === 'SPOLDZIELNIA',
    );
    // Every name with "spółdzielnia" in it, whatever the case (part 4 founds more of them).
    const coops = await listedNames(page);
    expect(coops).toEqual(expect.arrayContaining(['Spółdzielnia Mieszkaniowa „Przyszłość” w Poznaniu']));
    expect(coops.length).toBeGreaterThan(1);
    for (const name of coops) expect(name.toLowerCase()).toContain('spółdzielnia');

    await search(
      () => page.getByRole('searchbox', { name: 'Nazwa' }).fill(`brak-${TAG}`),
      (u) => u.searchParams.get('q') === `brak-${TAG}`,
    );
    expect(await mainText(page)).toContain('Nie znaleziono organizacji. Zmień wyszukiwanie.');
    expect(await page.locator('main table').count()).toBe(0);

    // By kind: 27 businesses, on two pages; the filter stays on the next page.
    await search(
      async () => {
        await page.getByRole('searchbox', { name: 'Nazwa' }).fill('');
        await page.getByLabel('Rodzaj').selectOption({ label: 'przedsiębiorstwo' });
      },
      (u) => u.searchParams.get('kind') === 'business' && !u.searchParams.get('q'),
    );
    expect(await caption(page)).toBe('27 organizacji');
    expect(await paginationStatus(page)).toBe('Strona 1 z 2');
    const firstPage = await listedNames(page);
    expect(firstPage).toHaveLength(20);
    const kinds = async () =>
      (await page.locator('main table tbody td:nth-of-type(1)').allTextContents()).map((s) => s.trim());
    expect(new Set(await kinds())).toEqual(new Set(['przedsiębiorstwo']));
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: 'Następna strona' }).click(),
      (u) => u.searchParams.get('page') === '2' && u.searchParams.get('kind') === 'business',
    );
    expect(await paginationStatus(page)).toBe('Strona 2 z 2');
    const secondPage = await listedNames(page);
    expect(secondPage).toHaveLength(7);
    expect(secondPage.filter((n) => firstPage.includes(n))).toEqual([]);
    expect(new Set(await kinds())).toEqual(new Set(['przedsiębiorstwo']));
    expect(await page.getByRole('link', { name: 'Następna strona' }).count()).toBe(0);
    expect(await page.getByLabel('Rodzaj').inputValue()).toBe('business');
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: 'Poprzednia strona' }).click(),
      (u) => !u.searchParams.has('page') && u.searchParams.get('kind') === 'business',
    );
    expect(await listedNames(page)).toEqual(firstPage);

    // Associations that are social-economy entities: all 24 of them.
    await search(
      async () => {
        await page.getByLabel('Rodzaj').selectOption({ label: 'stowarzyszenie' });
        await page.getByLabel('Podmiot ekonomii społecznej').selectOption({ label: 'tak' });
      },
      (u) => u.searchParams.get('kind') === 'association' && u.searchParams.get('pes') === 'yes',
    );
    expect(await caption(page)).toBe('24 organizacje');
    expect(new Set(await page.locator('main table tbody td:nth-of-type(2)').allTextContents())).toEqual(
      new Set(['tak']),
    );

    // The whole directory, page by page.
    await visit(session, '/app/poznan/organisations');
    const seen = new Set(await listedNames(page));
    for (const n of [2, 3, 4]) {
      await clickAndWaitForUrl(
        session,
        () => page.getByRole('link', { name: 'Następna strona' }).click(),
        (u) => u.searchParams.get('page') === String(n),
      );
      expect(await paginationStatus(page)).toBe(`Strona ${n} z 4`);
      for (const name of await listedNames(page)) seen.add(name);
    }
    expect(await listedNames(page)).toHaveLength(9);
    expect(seen.size).toBe(69);
    await session.context.close();
  });
});

describe('import from a CSV file', () => {
  test('a file with errors imports nothing and lists the problems; a Windows-1250 file keeps its Polish letters', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, 'koordynator.kwilcz@splot.demo');
    const before = await directorySize(session, 'kwilcz');
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: 'Importuj z pliku CSV' }).click(),
      '**/app/kwilcz/organisations/import',
    );
    await expectHeading(page, 'Import organizacji z pliku CSV');
    const columns = (await page.locator('ul.columns-list code').allTextContents()).map((c) => c.trim());
    expect(columns.slice(0, 2)).toEqual(['nazwa', 'rodzaj']);
    expect(columns).toContain('miejscowość');

    const validButRejected = `Klub Seniora Pogodna Jesień ${TAG}`;
    const broken = [
      'nazwa;rodzaj;nip;kod pocztowy',
      `${validButRejected};stowarzyszenie;;62-090`,
      `Stowarzyszenie Dobre Sąsiedztwo ${TAG};stowarzyszenie;5260250275;62-090`,
      ';fundacja;;62-090',
      `Klub Szachowy Hetman ${TAG};klub;;62-090`,
      '',
    ].join('\n');
    await uploadCsv(page, 'organizacje-z-bledami.csv', Buffer.from(broken, 'utf8'));
    const refused = await submitForm(session, () =>
      page.getByRole('button', { name: 'Sprawdź i zaimportuj' }).click(),
    );
    expect(refused.status()).toBe(422);
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await settled(session);
    expect(((await summary.locator('h2').textContent()) ?? '').trim()).toBe(
      'Nic nie zaimportowano: 3 problemy w pliku',
    );
    expect(await page.title()).toMatch(/^Błąd: /);
    const problems = await importProblems(page);
    expect(problems).toHaveLength(3);
    expect(problems[0]!.slice(0, 2)).toEqual(['3', 'nip']);
    expect(problems[0]![2]).toContain('wpisano 5, a powinna być 4');
    expect(problems[1]).toEqual(['4', 'nazwa', 'Wpisz wartość w kolumnie „nazwa”']);
    expect(problems[2]!.slice(0, 2)).toEqual(['5', 'rodzaj']);
    expect(problems[2]![2]).toContain('Nie znamy rodzaju „klub”');

    // Nothing was imported, not even the correct row.
    expect(await directorySize(session, 'kwilcz')).toBe(before);
    await visit(session, `/app/kwilcz/organisations?q=${encodeURIComponent(validButRejected)}`);
    expect(await mainText(page)).toContain('Nie znaleziono organizacji.');

    // The same kind of list, saved by Polish Excel in Windows-1250.
    const names = [
      `Koło Gospodyń Wiejskich Zażółć Gęślą Jaźń ${TAG}`,
      `TOWARZYSTWO ZAŻÓŁĆ GĘŚLĄ JAŹŃ ${TAG.toUpperCase()}`,
      `Spółdzielnia Socjalna Źródło ${TAG}`,
    ];
    const good = [
      'Nazwa;Rodzaj;Forma prawna;Miejscowość',
      `${names[0]};stowarzyszenie;koło gospodyń wiejskich;Łężeczki`,
      `${names[1]};stowarzyszenie;;Ćmachowo`,
      `${names[2]};spółdzielnia socjalna;;Śmiłowo`,
      '',
    ].join('\n');
    await visit(session, '/app/kwilcz/organisations/import');
    await uploadCsv(page, 'organizacje-excel.csv', windows1250(good));
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('button', { name: 'Sprawdź i zaimportuj' }).click(),
      (u) => u.pathname === '/app/kwilcz/organisations',
    );
    expect(await flashText(page)).toBe('Zaimportowano 3 organizacje.');
    expect(await caption(page)).toBe(polishCount(before + 3));
    const listed = await listedNames(page);
    for (const n of names) expect(listed, 'the imported names, letter for letter').toContain(n);

    // Found without Polish letters, too; the place name kept its letters.
    await visit(session, `/app/kwilcz/organisations?q=${encodeURIComponent(`zazolc gesla jazn ${TAG}`)}`);
    expect((await listedNames(page)).sort()).toEqual([names[0], names[1]].sort());
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: names[0], exact: true }).click(),
      (u) => ORGANISATION_PAGE.test(u.pathname),
    );
    await expectHeading(page, names[0]!);
    expect(await mainText(page)).toContain('stowarzyszenie · koło gospodyń wiejskich');
    expect(await page.locator('dl.summary-list').textContent()).toContain('Łężeczki');
    expect(await pesStatus(page)).toContain('Podmiot ekonomii społecznej.');
    await session.context.close();
  });
});

describe('downloads', () => {
  test('the list downloads as CSV (UTF-8 with BOM) and XLSX, with the list’s filters', async () => {
    const session = await openSession(browser());
    const { page, context } = session;
    await signIn(session, 'koordynator.poznan@splot.demo');
    await visit(session, '/app/poznan/organisations');
    const csvLink = page.getByRole('link', { name: 'CSV', exact: true });
    const xlsxLink = page.getByRole('link', { name: 'Excel (XLSX)', exact: true });

    // What the person gets by clicking the link.
    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^organizacje-poznan-\d{4}-\d{2}-\d{2}\.csv$/);
    const saved = readFileSync(await download.path());
    expect([...saved.subarray(0, 3)], 'UTF-8 byte order mark, for Excel').toEqual([0xef, 0xbb, 0xbf]);
    const text = saved.subarray(3).toString('utf8');
    const lines = text.split(/\r?\n/).filter((l) => l !== '');
    expect(lines[0]).toBe(
      'nazwa;rodzaj;forma prawna;nip;regon;krs;ulica;nr domu;nr lokalu;kod pocztowy;miejscowość;telefon;e-mail;strona internetowa;Podmiot ekonomii społecznej',
    );
    expect(lines).toHaveLength(1 + 69);
    expect(text).toContain('Miejski Ośrodek Pomocy Społecznej w Poznaniu');

    // The responses themselves.
    const csv = await context.request.get((await csvLink.getAttribute('href'))!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers()['content-disposition']).toMatch(
      /^attachment;.*filename="?organizacje-poznan-[\d-]+\.csv/,
    );
    const xlsx = await context.request.get((await xlsxLink.getAttribute('href'))!);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers()['content-disposition']).toMatch(
      /^attachment;.*filename="?organizacje-poznan-[\d-]+\.xlsx/,
    );
    const body = await xlsx.body();
    expect(body.subarray(0, 2).toString('latin1'), 'an XLSX file is a zip archive').toBe('PK');
    expect(body.length).toBeGreaterThan(1000);

    // The download follows the search.
    await visit(session, '/app/poznan/organisations?q=osrodek');
    const href = (await csvLink.getAttribute('href'))!;
    expect(href).toBe('/app/poznan/organisations/export/csv?q=osrodek');
    const filtered = (await (await context.request.get(href)).text()).split(/\r?\n/).filter((l) => l !== '');
    expect(filtered).toHaveLength(2);
    expect(filtered[1]).toMatch(/^Miejski Ośrodek Pomocy Społecznej w Poznaniu;/);
    await session.context.close();
  });
});

describe('who may see and change the directory', () => {
  test('a partner representative reads the list and an entry but cannot add, import or edit', async () => {
    const coordinator = await openSession(browser());
    await signIn(coordinator, 'koordynator.kwilcz@splot.demo');
    const orgName = `Parafia pw. św. Wojciecha w Kwilczu ${TAG}`;
    const orgPath = await addOrganisation(coordinator, 'kwilcz', { name: orgName, kind: 'parafia' });
    await coordinator.context.close();

    const session = await openSession(browser());
    const { page, context } = session;
    await signIn(session, 'partner.kwilcz@splot.demo');
    await clickAndWaitForUrl(
      session,
      async () => (await menuLink(page, 'Katalog organizacji')).click(),
      '**/app/kwilcz/organisations',
    );
    expect(await listedNames(page)).toContain(orgName);
    expect(await page.getByRole('link', { name: 'Dodaj organizację' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Importuj z pliku CSV' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'CSV', exact: true }).count()).toBe(1);

    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: orgName, exact: true }).click(),
      (u) => u.pathname === orgPath,
    );
    await expectHeading(page, orgName);
    expect(await pesStatus(page)).toContain('Podmiot ekonomii społecznej.');
    expect(await page.getByRole('link', { name: 'Zmień dane' }).count()).toBe(0);
    expect(await page.locator('details.panel-details').count()).toBe(0);
    expect(await page.locator('main form').count()).toBe(0);

    for (const path of [
      '/app/kwilcz/organisations/new',
      '/app/kwilcz/organisations/import',
      `${orgPath}/edit`,
    ]) {
      await visit(session, path, 403);
      await expectHeading(page, 'Brak dostępu');
      expect(await mainText(page)).toContain(
        'Katalog organizacji zmieniają pracownicy lokalnego systemu wsparcia',
      );
    }

    const csrf = (await context.cookies()).find((c) => c.name === 'splot_csrf')?.value;
    expect(csrf, 'the splot_csrf cookie').toBeTruthy();
    const forged = await context.request.post('/app/kwilcz/organisations/new', {
      form: { _csrf: csrf!, name: `Próba partnera ${TAG}`, kind: 'association' },
      headers: { Origin: baseUrl() },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    await visit(session, `/app/kwilcz/organisations?q=${encodeURIComponent(`Próba partnera ${TAG}`)}`);
    expect(await mainText(page)).toContain('Nie znaleziono organizacji.');
    await session.context.close();
  });

  test('a participant has no directory: no menu entry, 403 on the list and the download', async () => {
    const session = await openSession(browser());
    const { page, context } = session;
    await signIn(session, 'uczestnik.poznan@splot.demo');
    await visit(session, '/app/poznan');
    expect(
      await page
        .getByRole('navigation', { name: 'Menu główne' })
        .getByRole('link', { name: 'Katalog organizacji', includeHidden: true })
        .count(),
    ).toBe(0);
    await visit(session, '/app/poznan/organisations', 403);
    await expectHeading(page, 'Brak dostępu');
    expect(await mainText(page)).toContain('Kod błędu: 403');
    expect(await mainText(page)).not.toContain('Miejski Ośrodek Pomocy Społecznej');
    const csv = await context.request.get('/app/poznan/organisations/export/csv');
    expect(csv.status()).toBe(403);
    expect(await csv.text()).not.toContain('Miejski Ośrodek Pomocy Społecznej');
    await session.context.close();
  });
});

describe('without JavaScript', () => {
  test('the add form posts, explains the NIP, redirects, and asks about a near-identical name', async () => {
    const session = await openSession(browser(), { javaScriptEnabled: false });
    const { page } = session;
    await signIn(session, 'koordynator.kwilcz@splot.demo');
    await clickAndWaitForUrl(
      session,
      async () => (await menuLink(page, 'Katalog organizacji')).click(),
      '**/app/kwilcz/organisations',
    );
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: 'Dodaj organizację', exact: true }).click(),
      '**/app/kwilcz/organisations/new',
    );

    const name = `Uniwersytet Trzeciego Wieku w Kwilczu ${TAG}`;
    await fillOrganisationForm(page, { name, kind: 'stowarzyszenie', nip: '778 140 92 36' });
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.waitForURL('**/app/kwilcz/organisations/new'),
      addButton(page).click(),
    ]);
    expect(refused.status()).toBe(400);
    await page.locator('.error-summary').waitFor();
    await settled(session);
    expect(await errorSummaryText(page)).toContain('wpisano 6, a powinna być 5');
    const nip = page.getByLabel('NIP', { exact: true });
    expect(await description(nip)).toContain('wpisano 6, a powinna być 5');
    expect(await nip.inputValue()).toBe('778 140 92 36');
    expect(await page.getByLabel('Nazwa', { exact: true }).inputValue()).toBe(name);
    expect(await page.getByLabel('Rodzaj', { exact: true }).inputValue()).toBe('association');

    await nip.fill('7781409235');
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.waitForURL((u) => ORGANISATION_PAGE.test(u.pathname)),
      addButton(page).click(),
    ]);
    // A real form post answered with a redirect (post/redirect/get).
    expect([302, 303]).toContain(created.status());
    await settled(session);
    const firstPath = new URL(page.url()).pathname;
    await expectHeading(page, name);
    expect(await flashText(page)).toBe('Dodano organizację do katalogu.');
    expect(await pesStatus(page)).toContain('Podmiot ekonomii społecznej.');

    // "Stowarzyszenie" is a legal-form word: this is the same name.
    const similarName = `Stowarzyszenie Uniwersytet Trzeciego Wieku w Kwilczu ${TAG}`;
    await visit(session, '/app/kwilcz/organisations/new');
    await fillOrganisationForm(page, { name: similarName, kind: 'stowarzyszenie' });
    const [warned] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.waitForURL('**/app/kwilcz/organisations/new'),
      addButton(page).click(),
    ]);
    expect(warned.status()).toBe(409);
    await page.locator('.warning-box').waitFor();
    await settled(session);
    expect(await page.locator('.warning-box').textContent()).toContain(
      'Podobna organizacja jest już w katalogu',
    );
    expect(
      await page.locator('.warning-box').getByRole('link', { name, exact: true }).getAttribute('href'),
    ).toBe(firstPath);
    await page.getByLabel('To inna organizacja – zapisz ją mimo podobnej nazwy').check();
    const [confirmed] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.waitForURL((u) => ORGANISATION_PAGE.test(u.pathname) && u.pathname !== firstPath),
      addButton(page).click(),
    ]);
    expect([302, 303]).toContain(confirmed.status());
    await settled(session);
    await expectHeading(page, similarName);
    expect(await flashText(page)).toBe('Dodano organizację do katalogu.');
    await session.context.close();
  });
});

describe('in English', () => {
  test('the list and the form, with a check-digit error', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, 'koordynator.poznan@splot.demo');
    await visit(session, '/app/poznan/organisations');
    try {
      await switchLanguage(session, 'en');
      await expectHeading(page, 'Directory of organisations');
      expect(await caption(page)).toBe('69 organisations');
      expect(await paginationStatus(page)).toMatch(/^Page 1 of 4$/);
      const listText = await mainText(page);
      expect(listText).toContain('Download the list:');
      expect(listText).not.toContain('przedsiębiorstwo');
      await clickAndWaitForUrl(
        session,
        () => page.getByRole('link', { name: 'Add an organisation' }).click(),
        '**/app/poznan/organisations/new',
      );
      await expectHeading(page, 'Add an organisation');
      await page.getByLabel('NIP', { exact: true }).fill('5260250275');
      const refused = await submitForm(session, () =>
        page.getByRole('button', { name: 'Add the organisation', exact: true }).click(),
      );
      expect(refused.status()).toBe(400);
      const summary = await errorSummaryText(page);
      expect(summary).toContain('There is a problem');
      expect(summary).toContain("Enter the organisation's name");
      expect(summary).toContain('5 was typed, it should be 4');
      expect(await page.title()).toMatch(/^Error: Add an organisation/);
      await settled(session);
    } finally {
      if ((await page.locator('html').getAttribute('lang')) === 'en') await switchLanguage(session, 'pl');
    }
    await session.context.close();
  });
});
