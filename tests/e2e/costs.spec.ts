import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  openSession,
  type Session,
  screenshot,
  sharedBrowser,
  signIn,
  switchLanguage,
  visit,
} from './support/browser.ts';
import { submitExpectingErrors, submitExpectingFlash } from './support/journey.ts';

/**
 * Issue 6, costs: the donations, support costs, cost-reduction report and the social
 * enterprise's annual report draft pass axe in Polish and English (visit() runs axe on every
 * page); the donation form works without JavaScript: an error first, then success.
 */
const browser = sharedBrowser();
const W = '/app/wagrowiec';
const COORDINATOR = 'koordynator.wagrowiec@splot.demo';
const SLOW = 85_000;
const TAG = Date.now().toString(36).slice(-5);

async function h1Text(page: Page): Promise<string> {
  return ((await page.locator('main h1').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function annualReportPath(session: Session): Promise<string> {
  await visit(session, `${W}/enterprises`);
  const hrefs = await session.page
    .locator('main a[href]')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  const own = hrefs.find((h) => new RegExp(`^${W}/enterprises/[0-9a-f-]{36}$`).test(h));
  expect(own, 'a link to the enterprise').toBeTruthy();
  return `${own}/annual-report`;
}

describe('costs pages', { timeout: SLOW }, () => {
  test('donations, costs, report and the annual report draft pass axe in Polish and English', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, COORDINATOR);
    const annual = await annualReportPath(session);
    const checks: [string, string, string | RegExp][] = [
      [`${W}/in-kind/donations`, 'Darowizny', 'Donations'],
      [`${W}/in-kind/costs`, 'Koszty systemu wsparcia', 'Support system costs'],
      [`${W}/in-kind/report`, 'Raport obniżenia kosztów', 'Cost-reduction report'],
      [annual, 'Sprawozdanie roczne przedsiębiorstwa społecznego', /Social enterprise annual report/],
    ];
    for (const [path, pl] of checks) {
      await visit(session, path);
      expect(await h1Text(page)).toContain(pl);
    }
    await screenshot(page, 'costs-annual-report-pl');
    await switchLanguage(session, 'en');
    try {
      for (const [path, , en] of checks) {
        await visit(session, path);
        if (typeof en === 'string') expect(await h1Text(page)).toBe(en);
        else expect(await h1Text(page)).toMatch(en);
      }
      await visit(session, `${W}/in-kind/report?from=2026-05-01&to=2026-04-01`, 400);
      await screenshot(page, 'costs-report-bad-period-en');
    } finally {
      await switchLanguage(session, 'pl');
    }
    await session.context.close();
  });

  test('the donation form without JavaScript: an error first, then success', async () => {
    const session = await openSession(browser(), { javaScriptEnabled: false });
    const { page } = session;
    await signIn(session, COORDINATOR);
    await visit(session, `${W}/in-kind/donations`);
    const form = page.locator('main form', { has: page.locator('input[name="valuePln"]') });
    await form.getByLabel('rzeczy').check();
    await form.getByLabel('Imię i nazwisko lub nazwa darczyńcy').fill(`Darczyńca ${TAG}`);
    await form.getByLabel('Co przekazano').fill(`Książki do świetlicy ${TAG}`);
    await form.getByLabel('Wartość w zł').fill('12,345');
    const errors = await submitExpectingErrors(session, () =>
      form.getByRole('button', { name: 'Zapisz darowiznę' }).click(),
    );
    expect(errors).toContain('Wpisz wartość jako kwotę w złotych');
    const again = page.locator('main form', { has: page.locator('input[name="valuePln"]') });
    expect(await again.getByLabel('Co przekazano').inputValue()).toBe(`Książki do świetlicy ${TAG}`);
    await again.getByLabel('Wartość w zł').fill('250,50');
    await submitExpectingFlash(
      session,
      () => again.getByRole('button', { name: 'Zapisz darowiznę' }).click(),
      'Zapisano darowiznę i dodano ją do rejestru wkładów.',
    );
    expect(await page.locator('main table').first().textContent()).toContain(`Książki do świetlicy ${TAG}`);
    await screenshot(page, 'costs-donations-pl');
    await session.context.close();
  });
});
