import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  openSession,
  PHONE,
  type Session,
  screenshot,
  settled,
  sharedBrowser,
  signIn,
  submitForm,
  switchLanguage,
  visit,
} from './support/browser.ts';
import { submitExpectingErrors } from './support/journey.ts';

/**
 * Issue 6, legal checks: the enterprise status page and the admin's parameters page pass axe in
 * Polish and in English (on a phone too, without sideways scroll); the status page re-checks on
 * a button; the parameters form works without JavaScript (bad JSON first, then a new dated value).
 */
const browser = sharedBrowser();
const SLOW = 90_000;

async function h1Text(page: Page): Promise<string> {
  return ((await page.locator('main h1').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function noSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(innerWidth);
}

async function bothLanguages(session: Session, path: string, pl: RegExp, en: RegExp, name: string) {
  await visit(session, path);
  expect(await h1Text(session.page)).toMatch(pl);
  await noSidewaysScroll(session.page);
  await screenshot(session.page, `legal-${name}-pl`);
  await switchLanguage(session, 'en');
  try {
    expect(await h1Text(session.page)).toMatch(en);
    await noSidewaysScroll(session.page);
    await screenshot(session.page, `legal-${name}-en`);
  } finally {
    await switchLanguage(session, 'pl');
  }
}

describe('legal checks', { timeout: SLOW }, () => {
  test('the status page of an enterprise, in both languages, checked again', async () => {
    const session = await openSession(browser(), { viewport: PHONE });
    const { page } = session;
    await signIn(session, 'koordynator.wagrowiec@splot.demo');
    await visit(session, '/app/wagrowiec/enterprises');
    const hrefs = await page
      .locator('main a[href]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
    const enterprise = hrefs.find((h) => /^\/app\/wagrowiec\/enterprises\/[0-9a-f-]{36}$/.test(h));
    expect(enterprise, 'an enterprise in Wągrowiec').toBeTruthy();
    const path = `${enterprise}/status`;
    await bothLanguages(session, path, /^Warunki prawne: /, /^Legal conditions: /, 'status');
    await submitForm(session, () => page.getByRole('button', { name: 'Sprawdź ponownie' }).click());
    await page
      .locator('main .flash', { hasText: /^\s*Sprawdzono ponownie/ })
      .first()
      .waitFor();
    await settled(session);
    expect(await page.locator('main .status-check').count()).toBeGreaterThan(3);
    await session.context.close();
  });

  test('the parameters page, and its form without JavaScript', async () => {
    const session = await openSession(browser(), { javaScriptEnabled: false });
    const { page } = session;
    await signIn(session, 'admin@splot.demo');
    await bothLanguages(
      session,
      '/admin/parameters',
      /^Parametry prawne$/,
      /^Legal parameters$/,
      'parameters',
    );
    const form = page.locator('main form[method="post"]').last();
    await form.getByLabel('Parametr').selectOption('ps.reapplyWait');
    // A date far ahead, different on every run, so the value never applies to today's checks.
    const day = new Date(Date.UTC(2040, 0, 1) + (Date.now() % 3000) * 86_400_000);
    const typed = `${day.getUTCDate()}.${String(day.getUTCMonth() + 1).padStart(2, '0')}.${day.getUTCFullYear()}`;
    await form.getByLabel('Obowiązuje od').fill(typed);
    await form.getByLabel('Wartość (JSON)').fill('{years: 1}');
    await form.getByLabel('Źródło').fill('Ustawa o ekonomii społecznej, art. 18');
    const errors = await submitExpectingErrors(session, () =>
      form.getByRole('button', { name: 'Dodaj wartość' }).click(),
    );
    expect(errors).toContain('To nie jest poprawny JSON');
    const again = page.locator('main form[method="post"]').last();
    expect(await again.getByLabel('Źródło').inputValue()).toBe('Ustawa o ekonomii społecznej, art. 18');
    await again.getByLabel('Wartość (JSON)').fill('{"years": 1, "from": "final_decision"}');
    const response = await submitForm(session, () =>
      again.getByRole('button', { name: 'Dodaj wartość' }).click(),
    );
    expect([302, 303]).toContain(response.status());
    await page.locator('main .flash').first().waitFor();
    await settled(session);
    expect(await page.locator('main .flash').first().textContent()).toMatch(
      /Dodano nową wartość parametru ps\.reapplyWait\. Sprawdzono ponownie/,
    );
    await session.context.close();
  });
});
