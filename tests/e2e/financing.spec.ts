import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { openSession, screenshot, sharedBrowser, signIn, switchLanguage, visit } from './support/browser.ts';
import { submitExpectingErrors, submitExpectingFlash } from './support/journey.ts';

/**
 * Issue 6 (niches, offers, financing) as a coordinator meets it: every page passes axe in Polish
 * and in English (visit runs axe), and the grant form works without JavaScript — a schedule that
 * does not add up is refused with the amounts in words, then the corrected one is saved.
 */
const browser = sharedBrowser();
const W = '/app/wagrowiec';
const COORD = 'koordynator.wagrowiec@splot.demo';
const UUID = '[0-9a-f-]{36}';
const SLOW = 150_000;

async function firstLink(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  const hit = hrefs.map((h) => h.split('#')[0]!).find((h) => pattern.test(h));
  expect(hit, `a link matching ${pattern} on ${page.url()}`).toBeTruthy();
  return hit!;
}

async function h1(page: Page): Promise<string> {
  return ((await page.locator('main h1').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

describe('niches, offers and financing', { timeout: SLOW }, () => {
  test('every page passes axe in Polish and English', async () => {
    const session = await openSession(browser());
    const { page } = session;
    await signIn(session, COORD);
    await visit(session, `${W}/niches`);
    const niche = await firstLink(page, new RegExp(`^${W}/niches/${UUID}$`));
    await visit(session, `${W}/financing`);
    const application = await firstLink(page, new RegExp(`^${W}/financing/applications/${UUID}$`));
    const grant = await firstLink(page, new RegExp(`^${W}/financing/grants/${UUID}$`));
    const pages: [string, string, string][] = [
      [`${W}/niches`, 'Nisze rynkowe', 'Market niches'],
      [niche, '', ''],
      [`${W}/niches/criteria`, 'Kryteria oceny nisz', 'Niche scoring criteria'],
      [`${W}/offers`, 'Oferty partnerów biznesowych', "Business partners' offers"],
      [`${W}/financing`, 'Finansowanie', 'Financing'],
      [application, '', ''],
      [grant, '', ''],
    ];
    for (const [path, pl] of pages) {
      await visit(session, path);
      if (pl) expect(await h1(page)).toBe(pl);
    }
    await screenshot(page, 'financing-grant-pl');
    await switchLanguage(session, 'en');
    try {
      for (const [path, , en] of pages) {
        await visit(session, path);
        if (en) expect(await h1(page)).toBe(en);
      }
      await screenshot(page, 'financing-grant-en');
    } finally {
      await switchLanguage(session, 'pl');
    }
    await session.context.close();
  });

  test('the grant form without JavaScript: the schedule error first, then success', async () => {
    const session = await openSession(browser(), { javaScriptEnabled: false });
    const { page } = session;
    await signIn(session, COORD);
    await visit(session, `${W}/financing/grants/new`);
    await page.locator('#f-sourceId').selectOption({ index: 1 });
    await page.locator('#f-enterpriseId').selectOption({ index: 1 });
    await page.locator('#f-title').fill('Dotacja e2e');
    await page.locator('#f-amountPln').fill('15 000,00');
    await page.locator('#f-awardedOn').fill('1.10.2026');
    await page.locator('#f-dueOn_0').fill('1.11.2026');
    await page.locator('#f-amount_0').fill('12 000,00');
    const errors = await submitExpectingErrors(session, () =>
      page.getByRole('button', { name: 'Zapisz' }).click(),
    );
    expect(errors.replace(/\u00a0/g, ' ')).toContain(
      'Raty sumują się do 12 000,00 zł, a dotacja wynosi 15 000,00 zł: brakuje 3000,00 zł.',
    );
    expect(await page.locator('#f-title').inputValue()).toBe('Dotacja e2e');
    await page.locator('#f-dueOn_1').fill('1.12.2026');
    await page.locator('#f-amount_1').fill('3000');
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Zapisz' }).click(),
      'Dotacja została zapisana z harmonogramem wypłat.',
    );
    expect(await h1(page)).toBe('Dotacja e2e');
    await session.context.close();
  });

  test('an application document without JavaScript: attached, refused removal without confirmation, removed', async () => {
    const session = await openSession(browser(), { javaScriptEnabled: false });
    const { page } = session;
    await signIn(session, COORD);
    await visit(session, `${W}/financing`);
    const application = await firstLink(page, new RegExp(`^${W}/financing/applications/${UUID}$`));
    await visit(session, application);
    const name = `zalacznik-${Date.now().toString(36)}.pdf`;
    await page.locator('#f-file').setInputFiles({
      name,
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await submitExpectingFlash(
      session,
      () => page.getByRole('button', { name: 'Dołącz', exact: true }).click(),
      'Dokument został dołączony.',
    );
    const removal = page.locator('form', { has: page.locator('input[value="removeDocument"]') });
    await removal.getByLabel('Dokument').selectOption({ label: name });
    const errors = await submitExpectingErrors(session, () =>
      removal.getByRole('button', { name: 'Usuń dokument' }).click(),
    );
    expect(errors).toContain('Zaznacz potwierdzenie, aby usunąć plik');
    const again = page.locator('form', { has: page.locator('input[value="removeDocument"]') });
    await again.getByLabel('Dokument').selectOption({ label: name });
    await again.getByLabel('Potwierdzam: plik zostanie usunięty na stałe').check();
    await submitExpectingFlash(
      session,
      () => again.getByRole('button', { name: 'Usuń dokument' }).click(),
      'Usunięto dokument.',
    );
    expect(await page.locator('main').textContent()).not.toContain(name);
    await session.context.close();
  });
});
