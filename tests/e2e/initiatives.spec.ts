import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  openSession,
  PHONE,
  type Session,
  screenshot,
  sharedBrowser,
  signIn,
  switchLanguage,
  visit,
} from './support/browser.ts';
import { submitExpectingErrors, submitExpectingFlash } from './support/journey.ts';

/**
 * Issue 6 (initiatives) as the Centre's staff meet it: the board, an initiative's page and its
 * business plan pass axe in Polish and in English; the board stacks on a phone without sideways
 * scrolling; the business plan form works without JavaScript (an error first, then saved with
 * the Polish decimal comma).
 */
const browser = sharedBrowser();
const P = '/app/poznan/initiatives';
const POZNAN = 'koordynator.poznan@splot.demo';
const UUID = '[0-9a-f-]{36}';
const SLOW = 120_000;

async function h1Text(page: Page): Promise<string> {
  return ((await page.locator('main h1').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The first initiative on the board in the given stage's section. */
async function initiativeIn(session: Session, stageHeading: string): Promise<string> {
  await visit(session, P);
  const section = session.page.locator('main section').filter({
    has: session.page.getByRole('heading', { level: 2, name: new RegExp(`^${stageHeading}`) }),
  });
  const hrefs = await section
    .locator('a[href]')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  const href = hrefs.find((h) => new RegExp(`^${P}/${UUID}$`).test(h));
  expect(href, `an initiative in ${stageHeading}`).toBeTruthy();
  return href!;
}

describe('initiatives pages in Polish and in English', { timeout: SLOW }, () => {
  test('board, initiative page and business plan pass axe in both languages; the board fits a phone', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, POZNAN);
    const initiative = await initiativeIn(session, 'Zakładanie');
    const paths = [P, initiative, `${initiative}/plan`, `${P}/stage/closed`];
    for (const path of paths) await visit(session, path);
    expect(await h1Text(page)).toBe('Zamknięte: wszystkie inicjatywy');
    await visit(session, P);
    await screenshot(page, 'initiatives-board-pl');
    await switchLanguage(session, 'en');
    try {
      for (const path of paths) await visit(session, path);
      await visit(session, P);
      expect(await h1Text(page)).toBe('Initiatives');
      await visit(session, `${initiative}/plan`);
      expect(await h1Text(page)).toMatch(/^Business plan: /);
      await screenshot(page, 'initiatives-plan-en');
    } finally {
      await switchLanguage(session, 'pl');
    }
    await session.context.close();

    const phone = await openSession(browser(), { viewport: PHONE });
    await signIn(phone, POZNAN);
    await visit(phone, P);
    const { scrollWidth, innerWidth } = await phone.page.evaluate(() => ({
      scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await screenshot(phone.page, 'initiatives-board-phone');
    await phone.context.close();
  });

  test('the business plan form works without JavaScript: an error first, then saved with a decimal comma', async () => {
    const session = await openSession(browser(), { javaScriptEnabled: false });
    const { page } = session;
    await signIn(session, POZNAN);
    const initiative = await initiativeIn(session, 'Biznesplan');
    await visit(session, `${initiative}/plan`);
    const revenue = page.getByLabel('Miesiąc 1: przychody w zł', { exact: true });
    await revenue.fill('dużo');
    const errors = await submitExpectingErrors(session, () =>
      page.getByRole('button', { name: 'Zapisz biznesplan' }).click(),
    );
    expect(errors).toContain('Wpisz kwotę w złotych, np. 1 234,50.');
    expect(await page.getByLabel('Miesiąc 1: przychody w zł', { exact: true }).inputValue()).toBe('dużo');
    await page.getByLabel('Miesiąc 1: przychody w zł', { exact: true }).fill('12 345,67');
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Zapisz biznesplan' }).click(),
      'Biznesplan zapisany.',
    );
    expect(await page.getByLabel('Miesiąc 1: przychody w zł', { exact: true }).inputValue()).toBe('12345,67');
    await session.context.close();
  });
});
