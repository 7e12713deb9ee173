import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import {
  clickAndWaitForUrl,
  expectHeading,
  flashText,
  mainText,
  openSession,
  PHONE,
  type Session,
  screenshot,
  sharedBrowser,
  signIn,
  switchLanguage,
  visit,
} from './support/browser.ts';
import { submitExpectingErrors, submitExpectingFlash, warsawDate } from './support/journey.ts';

/**
 * The Centre's pages of issue 4 (support plans, advice and the advisors' calendar, referrals,
 * volunteers, data protection and the participant's own pages) as each role sees them: every
 * page passes axe in Polish and in English, the main menu's groups work from the keyboard, the
 * pages fit a phone, and the core forms work without JavaScript (a mistake first, then saved).
 * The suite shares one database: the pages are found through the lists, not by fixed ids.
 */
const browser = sharedBrowser();
const P = '/app/poznan';
const ADVISOR = 'doradca@splot.demo';
const COORDINATOR = 'koordynator.poznan@splot.demo';
const PUP = 'urzad.pracy.poznan@splot.demo';
const PARTICIPANT = 'uczestnik.poznan@splot.demo';
const UUID = '[0-9a-f-]{36}';
/** Each test visits many pages (axe on every one, twice over for the two languages). */
const SLOW = 120_000;

/** A page to check, with its h1 in Polish and in English. */
type Check = { path: string; pl: string | RegExp; en: string | RegExp };

/** The hrefs of links in the page's main area whose path matches `pattern`. */
async function mainLinks(page: Page, pattern: RegExp): Promise<string[]> {
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  return [...new Set(hrefs.map((h) => h.split('#')[0]!).filter((h) => pattern.test(h)))];
}

async function firstLink(page: Page, pattern: RegExp, what: string): Promise<string> {
  const [href] = await mainLinks(page, pattern);
  expect(href, `a link to ${what} on ${page.url()}`).toBeTruthy();
  return href!;
}

async function h1Text(page: Page): Promise<string> {
  return ((await page.locator('main h1').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Visits every page in Polish (axe runs on each), switches the account to English once, visits
 * them all again, and switches back to Polish (the choice is kept on the account).
 */
async function inBothLanguages(session: Session, checks: Check[], name: string): Promise<void> {
  const { page } = session;
  for (const c of checks) {
    await visit(session, c.path);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pl');
    const h1 = await h1Text(page);
    if (typeof c.pl === 'string') expect(h1, `h1 of ${c.path}`).toBe(c.pl);
    else expect(h1, `h1 of ${c.path}`).toMatch(c.pl);
  }
  await screenshot(page, `centre-${name}-pl`);
  await switchLanguage(session, 'en');
  try {
    for (const c of checks) {
      await visit(session, c.path);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      const h1 = await h1Text(page);
      if (typeof c.en === 'string') expect(h1, `English h1 of ${c.path}`).toBe(c.en);
      else expect(h1, `English h1 of ${c.path}`).toMatch(c.en);
    }
    await screenshot(page, `centre-${name}-en`);
  } finally {
    await switchLanguage(session, 'pl');
  }
}

/** The page does not scroll sideways. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(innerWidth);
}

/**
 * A group of the main menu opens from the keyboard (Enter on its summary shows its links, axe
 * still passes) and Escape closes it again, leaving the focus on the summary.
 */
async function expectKeyboardMenuGroup(page: Page, menu: string, group: string, links: string[]) {
  const nav = page.getByRole('navigation', { name: menu });
  const details = nav.locator('details.main-nav__group', {
    has: page.locator('summary', { hasText: group }),
  });
  const summary = details.locator('summary');
  const first = nav.getByRole('link', { name: links[0]!, exact: true });
  expect(await first.isVisible(), `${group} starts closed`).toBe(false);
  await summary.focus();
  await page.keyboard.press('Enter');
  await first.waitFor({ state: 'visible' });
  for (const name of links) {
    expect(await nav.getByRole('link', { name, exact: true }).isVisible(), `${name} in ${group}`).toBe(true);
  }
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await first.waitFor({ state: 'hidden' });
  expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  expect(await summary.evaluate((s) => s === document.activeElement), 'focus back on the summary').toBe(true);
}

describe('the Centre’s pages in Polish and in English', { timeout: SLOW }, () => {
  test('the advisor: support plans, advice and the calendar', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, ADVISOR);

    // The pages with records are found through the lists.
    await visit(session, `${P}/plans`);
    const planPath = await firstLink(
      page,
      new RegExp(`^${P}/participants/${UUID}/plans/${UUID}$`),
      'an open plan',
    );
    const personPath = planPath.replace(/\/plans\/[^/]+$/, '');
    const personId = personPath.split('/').pop()!;
    await visit(session, `${P}/advice`);
    const advicePath = await firstLink(page, new RegExp(`^${P}/advice/${UUID}$`), 'an advice session');

    await inBothLanguages(
      session,
      [
        { path: `${P}/plans`, pl: 'Plany wsparcia', en: 'Support plans' },
        { path: personPath, pl: /\S/, en: /\S/ },
        { path: planPath, pl: /^Plan wsparcia: /, en: /^Support plan: / },
        { path: `${P}/advice`, pl: 'Doradztwo', en: 'Advice' },
        { path: `${P}/advice/new?person=${personId}`, pl: 'Zapisz poradę', en: 'Record an advice session' },
        { path: advicePath, pl: /^Porada z \d{1,2}\.\d{2}\.\d{4}$/, en: /^Advice session of / },
        { path: `${P}/advice/calendar`, pl: 'Kalendarz doradców', en: /^Advisors.? calendar$/ },
      ],
      'advisor-plans-advice',
    );
    // The plan's section on the participant's page leads to the plan.
    await visit(session, personPath);
    await page.locator(`main a[href="${planPath}"]`).first().waitFor();
    await session.context.close();
  });

  test('the advisor: referrals and volunteers', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, ADVISOR);
    await visit(session, `${P}/participants?status=active`);
    const personPath = await firstLink(page, new RegExp(`^${P}/participants/${UUID}$`), 'a participant');
    const personId = personPath.split('/').pop()!;
    await visit(session, `${P}/referrals`);
    const referralPath = await firstLink(page, new RegExp(`^${P}/referrals/${UUID}$`), 'a referral');
    await visit(session, `${P}/volunteers`);
    const volunteerPath = await firstLink(page, new RegExp(`^${P}/volunteers/${UUID}$`), 'a volunteer');

    await inBothLanguages(
      session,
      [
        { path: `${P}/referrals`, pl: 'Skierowania', en: 'Referrals' },
        {
          path: `${P}/referrals/new?person=${personId}`,
          pl: 'Skieruj osobę do organizacji',
          en: 'Refer a person to an organisation',
        },
        { path: referralPath, pl: /^Skierowanie do: /, en: /^Referral to / },
        { path: `${P}/volunteers`, pl: 'Wolontariusze', en: 'Volunteers' },
        { path: `${P}/volunteers/new`, pl: 'Wpisz wolontariusza', en: 'Register a volunteer' },
        { path: volunteerPath, pl: /\S/, en: /\S/ },
      ],
      'advisor-referrals-volunteers',
    );
    await session.context.close();
  });

  test('the coordinator: data protection, and the menu’s groups from the keyboard', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, COORDINATOR);
    await inBothLanguages(
      session,
      [{ path: `${P}/data-protection`, pl: 'Ochrona danych osobowych', en: 'Personal data protection' }],
      'coordinator',
    );

    await visit(session, `${P}/data-protection`);
    await expectKeyboardMenuGroup(page, 'Menu główne', 'Partnerstwo lokalne', [
      'Katalog organizacji',
      'Partnerstwo',
      'Problemy lokalne',
      'Klub integracyjny',
    ]);
    await expectKeyboardMenuGroup(page, 'Menu główne', 'Centrum Ekonomii Społecznej', [
      'Uczestnicy',
      'Plany wsparcia',
      'Kalendarz doradców',
      'Porady',
      'Skierowania',
      'Wolontariusze',
      'Ochrona danych',
    ]);
    await switchLanguage(session, 'en');
    try {
      await expectKeyboardMenuGroup(page, 'Main menu', 'Local partnership', [
        'Directory of organisations',
        'Partnership',
      ]);
      await expectKeyboardMenuGroup(page, 'Main menu', 'Social Economy Centre', [
        'Participants',
        'Support plans',
        'Advisors’ calendar',
        'Advice',
        'Referrals',
        'Volunteers',
        'Data protection',
      ]);
    } finally {
      await switchLanguage(session, 'pl');
    }
    await session.context.close();
  });

  test('the employment office: its referrals, the waiting referral and the calendar', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, PUP);
    await visit(session, `${P}/referrals`);
    const waiting = page.getByRole('row').filter({ hasText: 'wysłane — czeka na odpowiedź' });
    expect(await waiting.count(), 'a referral waiting for the office').toBeGreaterThan(0);
    const waitingPath = await waiting
      .first()
      .getByRole('link')
      .first()
      .evaluate((a) => (a as HTMLAnchorElement).getAttribute('href') ?? '');
    expect(waitingPath).toMatch(new RegExp(`^${P}/referrals/${UUID}$`));

    await inBothLanguages(
      session,
      [
        { path: `${P}/referrals`, pl: 'Skierowania', en: 'Referrals' },
        { path: waitingPath, pl: /^Skierowanie do: /, en: /^Referral to / },
        { path: `${P}/advice/calendar`, pl: 'Kalendarz doradców', en: /^Advisors.? calendar$/ },
      ],
      'employment-office',
    );
    // The office answers the referral itself.
    await visit(session, waitingPath);
    expect(await mainText(page)).toContain('wysłane — czeka na odpowiedź');
    await session.context.close();
  });

  test('the participant: my page, my data, booking and erasure', async () => {
    const session = await openSession(browser());
    await signIn(session, PARTICIPANT);
    expect(new URL(session.page.url()).pathname).toBe(`${P}/me`);
    await inBothLanguages(
      session,
      [
        { path: `${P}/me`, pl: 'Moje sprawy', en: 'My matters' },
        { path: `${P}/me/data`, pl: 'Popraw swoje dane', en: 'Correct your details' },
        {
          path: `${P}/me/appointments/new`,
          pl: 'Umów spotkanie z doradcą',
          en: 'Book a meeting with an advisor',
        },
        {
          path: `${P}/me/appointments/new?kind=legal`,
          pl: 'Umów spotkanie: Porada prawna',
          en: 'Book a meeting: Legal advice',
        },
        { path: `${P}/me/erasure`, pl: 'Poproś o usunięcie swoich danych', en: 'Ask to erase your data' },
      ],
      'participant',
    );
    await session.context.close();
  });

  test('on a phone (390 px) the participant’s page and the staff pages do not scroll sideways', async () => {
    const participant = await openSession(browser(), { viewport: PHONE });
    await signIn(participant, PARTICIPANT);
    for (const path of [`${P}/me`, `${P}/me/appointments/new?kind=legal`]) {
      await visit(participant, path);
      await expectNoHorizontalScroll(participant.page);
    }
    await screenshot(participant.page, 'centre-phone-me-booking');
    await participant.context.close();

    const advisor = await openSession(browser(), { viewport: PHONE });
    await signIn(advisor, ADVISOR);
    await visit(advisor, `${P}/volunteers`);
    const volunteerPath = await firstLink(
      advisor.page,
      new RegExp(`^${P}/volunteers/${UUID}$`),
      'a volunteer',
    );
    for (const path of [`${P}/plans`, `${P}/advice/calendar`, `${P}/volunteers`, volunteerPath]) {
      await visit(advisor, path);
      await expectNoHorizontalScroll(advisor.page);
    }
    await screenshot(advisor.page, 'centre-phone-volunteer');
    await advisor.context.close();
  });
});

/** The participant the advisor made a plan for (the advice session is recorded for them too). */
const planned = { path: '', name: '' };

describe('the core forms without JavaScript', { timeout: SLOW }, () => {
  test('the advisor creates a support plan for a participant without one', async () => {
    const session = await openSession(browser(), { javaScriptEnabled: false });
    const { page } = session;
    await signIn(session, ADVISOR);

    // A participant without an open plan: on the participants list, not among the open plans.
    await visit(session, `${P}/plans`);
    const withPlan = new Set(
      (await mainLinks(page, new RegExp(`^${P}/participants/${UUID}/plans/`))).map((h) =>
        h.replace(/\/plans\/.*$/, ''),
      ),
    );
    await visit(session, `${P}/participants?status=active`);
    const candidates = (await mainLinks(page, new RegExp(`^${P}/participants/${UUID}$`))).filter(
      (h) => !withPlan.has(h),
    );
    let personPath = '';
    for (const candidate of candidates.slice(0, 5)) {
      await visit(session, candidate);
      if ((await mainText(page)).includes('Ta osoba nie ma otwartego planu wsparcia.')) {
        personPath = candidate;
        break;
      }
    }
    expect(personPath, 'a participant without an open plan').not.toBe('');
    const name = await h1Text(page);
    await clickAndWaitForUrl(
      session,
      () => page.getByRole('link', { name: 'Utwórz plan', exact: true }).click(),
      (u) => u.pathname === `${personPath}/plans/new`,
    );
    await expectHeading(page, 'Nowy plan wsparcia');

    // The first review before the start of the plan: explained, what was typed is kept.
    await page
      .getByLabel('Potrzeby', { exact: true })
      .fill('Chce wrócić do pracy po przerwie; potrzebuje CV.');
    await page.getByLabel('Cele', { exact: true }).fill('Praca w niepełnym wymiarze w ciągu pół roku.');
    await page.getByRole('textbox', { name: 'Początek planu', exact: true }).fill(warsawDate());
    await page.getByRole('textbox', { name: 'Pierwszy przegląd planu', exact: true }).fill(warsawDate(-3));
    // A rule between two valid dates: refused with 422 (the form itself was readable).
    const summary = await submitExpectingErrors(
      session,
      () => page.getByRole('button', { name: 'Utwórz plan', exact: true }).click(),
      422,
    );
    expect(summary).toContain('Wystąpił problem');
    expect(summary).toContain(`Przegląd planu nie może być wcześniej niż jego początek (${warsawDate()})`);
    expect(await page.getByLabel('Cele', { exact: true }).inputValue()).toBe(
      'Praca w niepełnym wymiarze w ciągu pół roku.',
    );
    await screenshot(page, 'centre-nojs-plan-error');

    await page.getByRole('textbox', { name: 'Pierwszy przegląd planu', exact: true }).fill(warsawDate(30));
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Utwórz plan', exact: true }).click(),
      'Plan wsparcia został utworzony.',
    );
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${personPath}/plans/${UUID}$`));
    await expectHeading(page, `Plan wsparcia: ${name}`);
    const plan = await mainText(page);
    expect(plan).toContain('szkic');
    expect(plan).toContain('Praca w niepełnym wymiarze w ciągu pół roku.');
    expect(plan).toContain(warsawDate(30));
    planned.path = personPath;
    planned.name = name;
    await session.context.close();
  });

  test('the advisor records an advice session for that participant', async () => {
    expect(planned.path, 'the plan test found a participant').not.toBe('');
    const { name } = planned;
    const session = await openSession(browser(), { javaScriptEnabled: false });
    const { page } = session;
    await signIn(session, ADVISOR);
    const personId = planned.path.split('/').pop()!;
    await visit(session, `${P}/advice/new?person=${personId}`);
    expect(await mainText(page)).toContain(`Uczestnik: ${name}`);
    await page
      .getByRole('combobox', { name: 'Rodzaj doradztwa', exact: true })
      .selectOption({ label: 'zawodowe' });
    await page.getByRole('textbox', { name: 'Data porady', exact: true }).fill(warsawDate());
    await page.getByRole('spinbutton', { name: 'Czas trwania (minuty)', exact: true }).fill('45');
    const summary = await submitExpectingErrors(session, () =>
      page.getByRole('button', { name: 'Zapisz poradę', exact: true }).click(),
    );
    expect(summary).toContain('Podaj temat porady');
    expect(
      await page.getByRole('spinbutton', { name: 'Czas trwania (minuty)', exact: true }).inputValue(),
    ).toBe('45');
    await page.getByRole('textbox', { name: 'Temat', exact: true }).fill('Przygotowanie CV do sklepu');
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Zapisz poradę', exact: true }).click(),
      'Porada została zapisana.',
    );
    await expectHeading(page, `Porada z ${warsawDate()}`);
    const advice = await mainText(page);
    expect(advice).toContain('Przygotowanie CV do sklepu');
    expect(advice).toContain(name);
    await session.context.close();
  });

  test('the advisor logs a volunteer’s hours: 30 in a day is refused, 2,5 is valued in złoty', async () => {
    const session = await openSession(browser(), { javaScriptEnabled: false });
    const { page } = session;
    await signIn(session, ADVISOR);
    await visit(session, `${P}/volunteers`);
    const active = page
      .locator('main tbody tr')
      .filter({ has: page.locator('td', { hasText: /^aktywny$/ }) })
      .filter({ hasNot: page.locator('td', { hasText: /^0 h$/ }) });
    const volunteerPath = await active
      .first()
      .getByRole('link')
      .first()
      .evaluate((a) => (a as HTMLAnchorElement).getAttribute('href') ?? '');
    expect(volunteerPath).toMatch(new RegExp(`^${P}/volunteers/${UUID}$`));
    await visit(session, volunteerPath);
    const rateText = (await mainText(page)).match(/dziś: (\d+,\d{2}) zł za godzinę/);
    expect(rateText, 'today’s hourly rate on the page').not.toBeNull();
    const rate = Number(rateText![1]!.replace(',', '.'));
    // A long Polish date ends in "r." and the sentence does not add another full stop.
    expect(await mainText(page)).not.toContain('r..');
    const activity = `Festyn rodzinny ${Date.now().toString(36).slice(-5)}`;
    await page.getByRole('textbox', { name: 'Dzień pracy', exact: true }).fill(warsawDate());
    await page.getByRole('textbox', { name: 'Liczba godzin', exact: true }).fill('30');
    await page.getByRole('textbox', { name: 'Działanie', exact: true }).fill(activity);
    const summary = await submitExpectingErrors(session, () =>
      page.getByRole('button', { name: 'Zapisz godziny', exact: true }).click(),
    );
    expect(summary).toContain('Liczba godzin musi wynosić od 0,25 do 24 w ciągu dnia.');
    expect(await page.getByRole('textbox', { name: 'Działanie', exact: true }).inputValue()).toBe(activity);

    await page.getByRole('textbox', { name: 'Liczba godzin', exact: true }).fill('2,5');
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Zapisz godziny', exact: true }).click(),
      'Zapisano godziny i dodano ich wartość do rejestru wkładu niepieniężnego.',
    );
    const value = (2.5 * rate).toFixed(2).replace('.', ',');
    const row = page.getByRole('row').filter({ hasText: activity });
    const rowText = ((await row.first().textContent()) ?? '').replace(/\s+/g, ' ');
    expect(rowText).toContain(warsawDate());
    expect(rowText).toContain('2,5 h');
    expect(rowText).toContain(`${value} zł`);
    await screenshot(page, 'centre-nojs-volunteer-hours');
    await session.context.close();
  });

  test('the participant books a slot with an advisor', async () => {
    const session = await openSession(browser(), { javaScriptEnabled: false });
    const { page } = session;
    await signIn(session, PARTICIPANT);
    await visit(session, `${P}/me/appointments/new`);
    // Step 1: the kind of help, as radio buttons; the first kind with a free slot.
    const kinds = await page
      .locator('main input[type="radio"]')
      .evaluateAll((is) => is.map((i) => (i as HTMLInputElement).value));
    let kind = '';
    for (const k of kinds) {
      await visit(session, `${P}/me/appointments/new?kind=${k}`);
      if ((await page.locator('main input[name="slotId"]').count()) > 0) {
        kind = k;
        break;
      }
    }
    expect(kind, 'a kind of advice with a free slot').not.toBe('');
    const slot = page.locator('main .me-choice').first();
    const when = ((await slot.locator('strong').textContent()) ?? '').trim();
    // The radio button is styled as a large card: a person clicks its label.
    await slot.locator('label').click();
    expect(await slot.locator('input[type="radio"]').isChecked()).toBe(true);
    const summary = await submitExpectingErrors(session, () =>
      page.getByRole('button', { name: 'Zarezerwuj ten termin', exact: true }).click(),
    );
    expect(summary).toContain('Napisz, czego ma dotyczyć spotkanie');
    // The chosen slot is still chosen.
    expect(await page.locator('main input[name="slotId"]:checked').count()).toBe(1);

    const topic = 'Umowa najmu mieszkania';
    await page
      .getByRole('textbox', { name: /^O czym chcesz porozmawiać\?/ })
      .first()
      .fill(topic);
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Zarezerwuj ten termin', exact: true }).click(),
      'Zarezerwowaliśmy termin. Do zobaczenia!',
    );
    expect(new URL(page.url()).pathname).toBe(`${P}/me`);
    const me = await mainText(page);
    expect(me).toContain(when);
    expect(me).toContain(`Sprawa: ${topic}`);
    expect(await flashText(page)).toBe('Zarezerwowaliśmy termin. Do zobaczenia!');
    await screenshot(page, 'centre-nojs-booked');
    await session.context.close();
  });
});
