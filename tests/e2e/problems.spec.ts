import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  clickAndWaitForUrl,
  errorSummaryText,
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

/**
 * A resident (not signed in) reports a local problem on the public form; it stays off the public
 * page until the coordinator accepts it, and then appears without the resident's name or e-mail.
 * Once in Polish, once in English. The suite shares one database: titles carry this run's tag.
 */
const browser = sharedBrowser();
const TAG = Date.now().toString(36).slice(-5);

type Words = {
  lang: 'pl' | 'en';
  formHeading: string;
  listHeading: string;
  title: string;
  description: string;
  affected: string;
  contactName: string;
  contactEmail: string;
  labels: {
    title: string;
    description: string;
    affected: string;
    name: string;
    email: string;
    consent: string;
    submit: string;
    report: string;
  };
  consentMissing: string;
  thanks: string;
  open: string;
};

const POLISH: Words = {
  lang: 'pl',
  formHeading: 'Zgłoś problem lokalny',
  listHeading: 'Problemy lokalne: Kwilcz',
  title: `Brak świetlicy dla dzieci w Mościejewie ${TAG}`,
  description: 'Po lekcjach dzieci czekają na autobus na przystanku, bo nie mają gdzie się podziać.',
  affected: 'dzieci dojeżdżające do szkoły',
  contactName: 'Marianna',
  contactEmail: `marianna.${TAG}@example.org`,
  labels: {
    title: 'Krótki tytuł',
    description: 'Opis problemu',
    affected: 'Kogo dotyczy (opcjonalnie)',
    name: 'Imię (opcjonalnie)',
    email: 'E-mail (opcjonalnie)',
    consent:
      'Zgadzam się, by zespół lokalnego systemu wsparcia skontaktował się ze mną w sprawie tego zgłoszenia',
    submit: 'Wyślij zgłoszenie',
    report: 'Zgłoś problem',
  },
  consentMissing: 'Zaznacz zgodę na kontakt albo usuń adres e-mail',
  thanks: 'Dziękujemy. Zgłoszenie trafiło do zespołu i pojawi się na stronie po sprawdzeniu.',
  open: 'otwarty',
};

const ENGLISH: Words = {
  lang: 'en',
  formHeading: 'Report a local problem',
  listHeading: 'Local problems: Kwilcz',
  title: `No evening bus to Kwilcz ${TAG}`,
  description: 'The last bus from Międzychód leaves at five, so people cannot take evening shifts.',
  affected: 'people looking for shift work',
  contactName: 'John',
  contactEmail: `john.${TAG}@example.org`,
  labels: {
    title: 'Short title',
    description: 'Description of the problem',
    affected: 'Who is affected (optional)',
    name: 'First name (optional)',
    email: 'E-mail (optional)',
    consent: 'I agree that the local support team may contact me about this report',
    submit: 'Send the report',
    report: 'Report a problem',
  },
  consentMissing: '',
  thanks: 'Thank you. The report has reached the team and will appear on the page once checked.',
  open: 'open',
};

async function publicListText(session: Session): Promise<string> {
  await visit(session, '/p/kwilcz/problems');
  return mainText(session.page);
}

/** The public form: filled like a person would, taking longer than the anti-bot minimum of 3 s. */
async function report(session: Session, w: Words): Promise<void> {
  const { page } = session;
  const shownAt = Date.now();
  await page.getByLabel(w.labels.title).fill(w.title);
  await page.getByLabel(w.labels.description).fill(w.description);
  await page.getByLabel(w.labels.affected).fill(w.affected);
  await page.getByLabel(w.labels.name).fill(w.contactName);
  await page.getByLabel(w.labels.email).fill(w.contactEmail);
  await page.waitForTimeout(Math.max(0, 3_500 - (Date.now() - shownAt)));
  if (w.consentMissing) {
    // Without the consent box the e-mail cannot be kept: the form comes back with everything typed.
    const refused = await submitForm(session, () =>
      page.getByRole('button', { name: w.labels.submit }).click(),
    );
    expect(refused.status()).toBe(400);
    expect(await errorSummaryText(page)).toContain(w.consentMissing);
    await settled(session);
    expect(await page.getByLabel(w.labels.title).inputValue()).toBe(w.title);
    expect(await page.getByLabel(w.labels.email).inputValue()).toBe(w.contactEmail);
    await page.waitForTimeout(3_500);
  }
  await page.getByLabel(w.labels.consent).check();
  await clickAndWaitForUrl(
    session,
    () => page.getByRole('button', { name: w.labels.submit }).click(),
    (u) => u.pathname === '/p/kwilcz/problems',
  );
  await expectHeading(page, w.listHeading);
  expect(await flashText(page)).toBe(w.thanks);
}

/** The coordinator accepts the report from the moderation queue (the card with its title). */
async function accept(session: Session, w: Words, page: Page): Promise<void> {
  const card = page.locator('li.card', { has: page.getByRole('heading', { name: w.title }) });
  const cardText = ((await card.textContent()) ?? '').replace(/\s+/g, ' ');
  // Staff see who wrote, because the resident agreed to be contacted.
  expect(cardText).toContain(w.contactName);
  expect(cardText).toContain(w.contactEmail);
  await screenshot(page, `journey-problems-${w.lang}-moderation`);
  const post = await submitForm(session, () =>
    card
      .getByRole('button', { name: w.lang === 'pl' ? 'Przyjmij do rejestru' : 'Accept to the register' })
      .click(),
  );
  expect(post.status()).toBeLessThan(400);
  await page
    .locator('main .flash', {
      hasText: w.lang === 'pl' ? 'Zmieniono stan problemu.' : "The problem's status has changed.",
    })
    .waitFor();
  await settled(session);
}

describe('the local problems register', () => {
  test('a resident reports a problem; it is public only after the coordinator accepts it, without personal data', async () => {
    const resident = await openSession(browser());
    const { page } = resident;
    await visit(resident, '/p/kwilcz/problems');
    await expectHeading(page, POLISH.listHeading);
    await clickAndWaitForUrl(
      resident,
      () => page.getByRole('link', { name: POLISH.labels.report, exact: true }).click(),
      (u) => u.pathname === '/p/kwilcz/problems/new',
    );
    await expectHeading(page, POLISH.formHeading);
    expect(await page.locator('script[type="module"]').count(), 'a public page ships no JavaScript').toBe(0);
    await report(resident, POLISH);
    expect(await mainText(page)).not.toContain(POLISH.title);
    await screenshot(page, 'journey-problems-pl-submitted');

    const coordinator = await openSession(browser());
    await signIn(coordinator, 'koordynator.kwilcz@splot.demo');
    await visit(coordinator, '/app/kwilcz/problems');
    await expectHeading(coordinator.page, 'Rejestr problemów lokalnych');
    expect(await mainText(coordinator.page)).toMatch(/zgłosze\S* mieszkańc\S* czek\S* na moderację/);
    await clickAndWaitForUrl(
      coordinator,
      () => coordinator.page.getByRole('link', { name: 'Przejrzyj zgłoszenia' }).click(),
      (u) => u.searchParams.get('status') === 'pending',
    );
    await accept(coordinator, POLISH, coordinator.page);

    const published = await publicListText(resident);
    expect(published).toContain(POLISH.title);
    expect(published).toContain(POLISH.description);
    expect(published).toContain(`${POLISH.open} ·`);
    expect(published).not.toContain(POLISH.contactName);
    expect(published).not.toContain(POLISH.contactEmail);
    await screenshot(page, 'journey-problems-pl-published');
    await resident.context.close();
    await coordinator.context.close();
  });

  test('the same in English, through the language switch', async () => {
    const resident = await openSession(browser());
    const { page } = resident;
    await visit(resident, '/p/kwilcz/problems/new');
    await switchLanguage(resident, 'en');
    await expectHeading(page, ENGLISH.formHeading);
    await screenshot(page, 'journey-problems-en-form');
    await report(resident, ENGLISH);
    expect(await mainText(page)).not.toContain(ENGLISH.title);

    const coordinator = await openSession(browser());
    await signIn(coordinator, 'koordynator.kwilcz@splot.demo');
    await visit(coordinator, '/app/kwilcz/problems?status=pending');
    // The coordinator's choice of language is kept on the account: put it back afterwards.
    await switchLanguage(coordinator, 'en');
    try {
      await expectHeading(coordinator.page, 'Local problems register');
      await accept(coordinator, ENGLISH, coordinator.page);
    } finally {
      await switchLanguage(coordinator, 'pl');
    }

    const published = await publicListText(resident);
    expect(published).toContain(ENGLISH.title);
    expect(published).toContain(ENGLISH.description);
    expect(published).not.toContain(ENGLISH.contactName);
    expect(published).not.toContain(ENGLISH.contactEmail);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectHeading(page, ENGLISH.listHeading);
    await screenshot(page, 'journey-problems-en-published');
    await resident.context.close();
    await coordinator.context.close();
  });

  test('a moderation queue with several residents’ reports stays accessible', async () => {
    // Poznań's demo data has more than one report waiting: each card has its own note field.
    const coordinator = await openSession(browser());
    await signIn(coordinator, 'koordynator.poznan@splot.demo');
    await visit(coordinator, '/app/poznan/problems?status=pending');
    await expectHeading(coordinator.page, 'Rejestr problemów lokalnych');
    const cards = coordinator.page.locator('li.card', {
      has: coordinator.page.locator('input[name="note"]'),
    });
    expect(await cards.count()).toBeGreaterThan(1);
    // Each card's note field is labelled by its own label (not the first card's).
    for (const card of await cards.all()) {
      const field = card.getByLabel('Uwaga moderatora (opcjonalnie przy przyjęciu)');
      expect(await field.count()).toBe(1);
      expect(await field.evaluate((e, c) => c!.contains(e), await card.elementHandle())).toBe(true);
    }
    await screenshot(coordinator.page, 'journey-problems-poznan-queue');
    await coordinator.context.close();
  });
});
